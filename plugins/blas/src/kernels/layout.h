// How a strided 2-D or 1-D view is described to BLAS: a row-major matrix
// with a transpose flag and leading dimension, or a vector increment. A view
// BLAS cannot describe is copied (and the copy kept alive here).
#pragma once

#include <cblas.h>

#include <optional>

#include "theano/core/ndarray.h"

namespace theano::blas {

/// A matrix operand of a row-major BLAS call.
struct MatArg {
  NDArray keep;  ///< the copy `data` points into when one was needed, else empty
                 ///< (the caller keeps the described array alive)
  const void* data = nullptr;
  int ld = 1;
  CBLAS_TRANSPOSE trans = CblasNoTrans;
};

/// A vector operand.
struct VecArg {
  NDArray keep;  ///< as MatArg::keep
  const void* data = nullptr;
  int inc = 1;
};

/// The row-major description of 2-D `a` without copying, or nullopt.
std::optional<MatArg> describe_matrix(const NDArray& a);
/// describe_matrix, or a C-contiguous copy when the layout does not fit.
MatArg matrix_arg(const NDArray& a);
/// A vector with a positive element increment, copying when needed.
VecArg vector_arg(const NDArray& x);
/// Checks that every dimension fits BLAS's int; throws ValueError naming `what`.
int blas_int(std::int64_t n, const char* what);

}  // namespace theano::blas
