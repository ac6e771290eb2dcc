// Graph-level ops the optimizer itself needs (Theano's compile.ops):
// Shape (a tensor's shape as an int64 vector), Shape_i (one dimension as an
// int64 0-d tensor: the ShapeVars of ShapeFeature), DeepCopyOp (an
// independent copy, e.g. of an output aliasing an input) and ViewOp (an
// alias, useful as a barrier in tests). Registered by the built-in plugin.
#pragma once

#include <cstdint>

#include "theano/core/op.h"

namespace theano::optdb {

/// The int64 0-d tensor type of shape variables.
TypePtr shape_scalar_type();
/// An int64 0-d constant (shape arithmetic).
Var int64_constant(std::int64_t value);

OpPtr shape_op();
OpPtr shape_i_op(int axis);
OpPtr deep_copy_op();
OpPtr view_op();

/// x.shape as a symbolic int64 vector.
Var shape(const Var& x);
/// x.shape[axis] as a symbolic int64 0-d tensor.
Var shape_i(const Var& x, int axis);

}  // namespace theano::optdb
