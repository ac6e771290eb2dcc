// Internal helpers of the gradient driver: recognising disconnected and
// undefined gradients, and the few tensor expressions the driver builds
// itself (seed ones, zeros, casts, sums) through the tensor front end.
#pragma once

#include <string>
#include <vector>

#include "theano/core/graph.h"

namespace theano::gradient_detail {

bool is_disconnected(const Var& g);
/// True for a NullType (undefined) gradient.
bool is_null(const Var& g);
/// A fresh DisconnectedType variable.
Var disconnected();
/// True when `v` is a tensor of an integer or bool dtype.
bool is_discrete_tensor(const Var& v);
/// The dtype a gradient of `x` takes: x's for float / complex tensors, else floatX.
DType grad_dtype(const Var& x);

/// Zeros shaped like the tensor `x` in grad_dtype(x); a DisconnectedType
/// variable when x is not a tensor.
Var float_zeros_like(const Var& x);
/// The seed gradient of a 0-d cost: a constant 1 of grad_dtype(cost).
Var seed_ones(const Var& cost);
/// `g` cast to the dtype of `like` when `like` is a float or complex tensor
/// of another dtype (so float64 never enters a float32 graph).
Var cast_to_dtype_of(const Var& g, const Var& like);
/// The sum of `terms` (one term is returned unchanged), as adds of at most
/// 32 terms each (a tree of them for more).
Var sum_terms(const std::vector<Var>& terms);
/// Throws ValueError when the tensor gradient `g` of `x` has another ndim;
/// `context` says who produced it.
void check_grad_ndim(const Var& x, const Var& g, const std::string& context);
/// "x" or "<TensorType(float32, (?))>" for messages.
std::string describe(const Var& v);

}  // namespace theano::gradient_detail
