// Private helpers of the front end: building ops by name, applying them with
// the user's source location, and turning Operands into variables.
#pragma once

#include <source_location>
#include <string>
#include <vector>

#include "theano/core/props.h"
#include "theano/tensor/var.h"

namespace theano::tensor::detail {

/// The registry's op `name` built from `props` (initialises Theano++ first).
OpPtr make_op(const std::string& name, const Props& props = {});
/// Applies `op` to `inputs`, recording `loc`; warns or raises per the
/// warn_float64 flag when a float64 output appears from non-float64 inputs.
std::vector<Var> apply(const OpPtr& op, std::vector<Var> inputs, const std::source_location& loc);
inline Var apply1(const OpPtr& op, std::vector<Var> inputs, const std::source_location& loc) {
  return apply(op, std::move(inputs), loc).at(0);
}

/// The variables for `args`: weak scalars become 0-d constants of the dtype
/// they take among the other arguments' tensors.
std::vector<Var> to_vars(const std::vector<const Operand*>& args);
/// A 0-d constant of `dtype` holding the weak scalar's value.
Var weak_constant(const WeakScalar& w, DType dtype, const std::source_location& loc);
/// The tensor type of `v`; throws TypeError naming `what` otherwise.
std::shared_ptr<const TensorType> tensor_type(const Var& v, const std::string& what);
/// `v` with broadcastable axes added on the left up to `ndim` dims.
Var pad_to(const Var& v, int ndim, const std::source_location& loc);
/// Re-inserts the reduced `axes` (sorted) as broadcastable axes of `reduced`.
Var keep_dims(const Var& reduced, const std::vector<std::int64_t>& axes, int input_ndim,
              const std::source_location& loc);

}  // namespace theano::tensor::detail
