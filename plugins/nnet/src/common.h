// Small helpers shared by the nnet ops: checking input types and building
// output types, dispatching a kernel on the float work dtype.
#pragma once

#include <memory>
#include <string>

#include "theano/core/errors.h"
#include "theano/core/ndarray.h"
#include "theano/core/op.h"

namespace theano::nnet {

/// Input `i` of `op` as a float tensor of `ndim` dims (-1: any, at least 1);
/// throws TypeError naming op, input and the type found.
std::shared_ptr<const TensorType> float_input(const Op& op, const std::vector<Var>& inputs, int i,
                                              int ndim = -1);
/// Input `i` of `op` as an integer vector (class indices).
std::shared_ptr<const TensorType> index_input(const Op& op, const std::vector<Var>& inputs, int i);
/// Throws TypeError when `op` got `n` inputs instead of `want`.
void check_arity(const Op& op, const std::vector<Var>& inputs, std::size_t want);

/// Calls fn(float{}) or fn(double{}) for a float32 or float64 work dtype.
template <class Fn>
void with_float(DType work, Fn&& fn) {
  if (work == DType::Float64) {
    fn(double{});
  } else {
    fn(float{});
  }
}

/// `a` in dtype `d`, C-contiguous; no copy when it already is both.
inline NDArray as_dtype(const NDArray& a, DType d) {
  return a.dtype() == d ? a.ascontiguous() : a.astype(d);
}

/// Class index `y` of row `r` as an int64, checked against `len`.
std::int64_t class_index(const NDArray& y, std::int64_t r, std::int64_t len, const std::string& op);

}  // namespace theano::nnet
