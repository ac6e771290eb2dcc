// Recognising the pieces the BLAS rewrites combine: elementwise adds and
// products by name, scalar factors (0-d variables, broadcast 0-d values,
// uniform constants) and dot products in their various forms.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "theano/core/fgraph.h"

namespace theano::blas {

/// The scalar op name of a non-in-place Elemwise node ("add", "mul", ...), or "".
std::string_view elemwise_name(const Apply* node);
/// `v` as a 0-d variable when it is a scalar factor (0-d, a 0-d value
/// broadcast by DimShuffle, or a constant of equal elements), else null.
Var scalar_factor(const Var& v, DType dtype);
/// True when `v`'s only use is one input of one node.
bool single_client(const FunctionGraph& fg, const Variable* v);

/// A product alpha * (x @ y) recognised in a graph.
struct DotTerm {
  Var x, y;
  Var alpha;  ///< 0-d, or null for 1
  int x_ndim = 2, y_ndim = 2;
};
/// The dot product computed by `v`'s owner (Dot, Dot22, Dot22Scalar) when
/// its dtype has BLAS, or nullopt.
std::optional<DotTerm> as_dot(const Var& v);

/// a * b for 0-d factors, either of which may be null (meaning 1).
Var times(const Var& a, const Var& b);
/// -a (a null: -1 of `dtype`).
Var negated(const Var& a, DType dtype);
/// A 0-d constant of `dtype`.
Var scalar_constant(double value, DType dtype);

}  // namespace theano::blas
