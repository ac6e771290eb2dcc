// Helpers the BLAS ops share: input checks with clear messages, output
// buffers (reused when the previous call's buffer is no longer referenced
// elsewhere), and the front-end calls gradients are built from.
#pragma once

#include <string>
#include <vector>

#include "theano/core/op.h"

namespace theano::blas {

/// The tensor type of input `i`, with `ndim` among `ndims`; throws TypeError.
std::shared_ptr<const TensorType> tensor_input(const Op& op, const std::vector<Var>& inputs, int i,
                                               std::initializer_list<int> ndims);
/// Checks that inputs `i` and `j` have one dtype; throws TypeError naming both.
void same_dtype(const Op& op, const std::vector<Var>& inputs, int i, int j);
/// Checks the static sizes `a` and `b` (dims of inputs ia / ib) agree when both are known.
void check_static(const Op& op, const TensorType& ta, int axis_a, const TensorType& tb, int axis_b);
/// The number of inputs must be `n`.
void check_arity(const Op& op, const std::vector<Var>& inputs, std::size_t n);
/// Merges two static dims (a known size wins).
StaticDim merge_dim(StaticDim a, StaticDim b);

/// A C-contiguous output of `dtype` and `shape`: the buffer already in
/// `cell` when nothing else references it and it fits, a new one otherwise.
NDArray output_buffer(Value& cell, DType dtype, const Shape& shape);
/// An int64 0-d constant 1 (shape of an inserted axis).
Var one_dim();

}  // namespace theano::blas
