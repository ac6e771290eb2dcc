// Helpers shared by the structural ops: input checks with clear errors,
// reading constant integer inputs (constants and MakeVector of constants),
// int64 constants, and the NumPy-style axis normalisation.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "theano/core/op.h"

namespace theano::tensor_ops {

/// The tensor type of input `i`; throws TypeError naming the op otherwise.
std::shared_ptr<const TensorType> tensor_input(const Op& op, const std::vector<Var>& inputs, int i);
/// Checks input `i` is a 0-d integer tensor (a shape entry, an axis, a count).
void require_int_scalar(const Op& op, const std::vector<Var>& inputs, int i, const char* what);
/// Checks input `i` is an integer vector; returns its static length if known.
std::optional<std::int64_t> require_int_vector(const Op& op, const std::vector<Var>& inputs, int i,
                                               const char* what);
/// Throws TypeError unless `inputs` has `n` entries.
void require_arity(const Op& op, const std::vector<Var>& inputs, std::size_t n);

/// The value of a 0-d integer constant.
std::optional<std::int64_t> constant_int(const Var& v);
/// Per entry of an int vector variable: the constant value or nullopt. Known
/// for constants, MakeVector nodes and Shape(x) (x's static dims); nullopt
/// overall when even the length is unknown.
std::optional<std::vector<std::optional<std::int64_t>>> constant_entries(const Var& v);
/// All entries constant.
std::optional<std::vector<std::int64_t>> constant_ints(const Var& v);

/// A 0-d int64 constant.
Var int64_scalar(std::int64_t value);
/// An int64 vector constant.
Var int64_vector(const std::vector<std::int64_t>& values);
/// The integer held by a 0-d value.
std::int64_t scalar_value(const Value& v);
/// The integers held by a vector value.
std::vector<std::int64_t> vector_values(const Value& v);

/// `axis` normalised for `ndim` dims; throws ValueError naming `context`.
int normalize_axis(std::int64_t axis, int ndim, const std::string& context);

/// The entries of an int vector variable as 0-d int64 variables (from a
/// constant or the inputs of a MakeVector), or nullopt.
std::optional<std::vector<Var>> symbolic_entries(const Var& v);
/// `s` as a 0-d int64 variable (cast when it has another integer dtype).
Var as_int64(const Var& s);
/// The shape of `x` as an int64 vector: a constant when static, else Shape(x).
Var shape_vector(const Var& x);
/// Dimension `d` of `x`: a constant when static, else Shape_i(d)(x).
Var shape_dim(const Var& x, int d);
/// MakeVector(int64) of 0-d integer variables.
Var make_int64_vector(const std::vector<Var>& dims);
/// The gradient of a discrete input: zeros of floatX shaped like it.
Var zero_grad_like(const Var& x);
/// A disconnected gradient.
Var disconnected();
/// `g` cast to the dtype of `like` when the dtypes differ.
Var cast_like(const Var& g, const Var& like);

}  // namespace theano::tensor_ops
