// Front end: dot products. Each builds an op of the theano.ops.blas plugin
// by name (Dot, BatchedDot, TensorDot); the optimizer later turns them into
// Dot22 / Dot22Scalar / Gemm / Gemv / Ger. Inputs of different dtypes are
// cast to their NumPy result dtype first.
#pragma once

#include <cstdint>
#include <vector>

#include "theano/tensor/var.h"

namespace theano::tensor {

/// numpy.dot: a 0-d operand multiplies elementwise; ranks 1 and 2 give the
/// inner, matrix-vector, vector-matrix or matrix product; higher ranks
/// contract a's last axis with b's second-to-last (tensordot).
TensorVar dot(const Operand& a, const Operand& b);
/// numpy.tensordot with an axis count: a's last `axes` axes with b's first.
TensorVar tensordot(const Operand& a, const Operand& b, int axes = 2);
/// numpy.tensordot with explicit axis pairs (negative axes count from the end).
TensorVar tensordot(const Operand& a, const Operand& b, const std::vector<std::int64_t>& axes_a,
                    const std::vector<std::int64_t>& axes_b);
/// out[i] = dot(a[i], b[i]): a 1-D operand multiplies elementwise along the
/// batch axis; 2-D and 3-D operands give the BatchedDot op.
TensorVar batched_dot(const Operand& a, const Operand& b);
/// The outer product of two vectors: a[:, None] * b[None, :] as a product.
TensorVar outer(const Operand& a, const Operand& b);
/// dot(dot(dot(m0, m1), m2), ...): the chained product, left to right.
TensorVar matrix_dot(const std::vector<Operand>& factors);
/// numpy.matmul for ranks up to 3: dot for ranks 1 and 2, batched_dot when
/// both operands are 3-D. Throws ValueError for other ranks.
TensorVar matmul(const Operand& a, const Operand& b);

}  // namespace theano::tensor
