// Reading the value of a one-element float array without converting it:
// rewrites ask for every constant operand they look at (is it 0, 1, -1?),
// so the answer must cost a few instructions, not a copy.
#pragma once

#include <optional>

#include "theano/core/ndarray.h"

namespace theano {

/// The element of a one-element float32 or float64 array in host memory,
/// read in place; nullopt for any other array, and for NaN (which equals no
/// value a rewrite could test for).
inline std::optional<double> single_float(const NDArray& a) {
  if (a.size() != 1 || !a.device().is_cpu()) return std::nullopt;
  double x;
  if (a.dtype() == DType::Float64)
    x = *a.data<double>();
  else if (a.dtype() == DType::Float32)
    x = static_cast<double>(*a.data<float>());
  else
    return std::nullopt;
  return x == x ? std::optional<double>(x) : std::nullopt;
}

}  // namespace theano
