// The numeric core of the plugin: gemm, gemv, ger and inner products on
// strided NDArray views. Float and complex dtypes go to OpenBLAS (s/d/c/z),
// passing transposed or row-strided layouts through the transpose flags and
// leading dimensions; only layouts BLAS cannot describe (negative, zero or
// doubly strided) are copied. Integer dtypes use a wrapping loop (NumPy's
// integer semantics), float16 and bool are computed in float32 / int64.
#pragma once

#include <complex>

#include "theano/core/ndarray.h"

namespace theano::blas {

/// A BLAS scaling factor (alpha, beta); real dtypes use the real part.
using Scalar = std::complex<double>;

/// True for the dtypes OpenBLAS computes (float32/64, complex64/128).
bool has_blas(DType dtype);
/// The value of a one-element array as a Scalar.
Scalar scalar_of(const NDArray& a);

/// c = alpha * a @ b + beta * c on 2-D arrays of one dtype; c is written in
/// place (any layout). beta == 0 ignores c's contents (NaN-safe).
void gemm(Scalar alpha, const NDArray& a, const NDArray& b, Scalar beta, NDArray c);
/// y = alpha * a @ x + beta * y (a 2-D, x and y 1-D); y is a view written in
/// place through its shared buffer.
void gemv(Scalar alpha, const NDArray& a, const NDArray& x, Scalar beta, const NDArray& y);
/// a += alpha * outer(x, y).
void ger(Scalar alpha, const NDArray& x, const NDArray& y, NDArray a);
/// The inner product of two 1-D arrays as a 0-d array.
NDArray inner(const NDArray& x, const NDArray& y);

/// Raises ValueError "<op>: shapes (2, 3) and (4,) not aligned: 3 (dim 1) != 4 (dim 0)".
[[noreturn]] void throw_not_aligned(const std::string& op, const Shape& a, int axis_a,
                                    const Shape& b, int axis_b);

}  // namespace theano::blas
