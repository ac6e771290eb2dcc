// The BLAS rewrites, each a local rewrite function (see register_rewrites).
#pragma once

#include <optional>
#include <vector>

#include "theano/core/fgraph.h"

namespace theano::blas {

using Replacement = std::optional<std::vector<Var>>;

/// Dot of two float/complex matrices -> Dot22.
Replacement local_dot_to_dot22(FunctionGraph& fg, Apply& node);
/// Sums of scaled products and an accumulator -> Gemm / Gemv / Ger chains
/// (Theano's gemm optimizer): b*z + a*dot(x, y) + c*dot(u, v) + rest.
Replacement local_gemm(FunctionGraph& fg, Apply& node);
/// scalar * Dot22(x, y) -> Dot22Scalar(x, y, scalar).
Replacement local_dot22_to_dot22scalar(FunctionGraph& fg, Apply& node);

}  // namespace theano::blas
