// The local algebraic rewrites of elementwise graphs (see algebra.cpp).
// Each returns the replacement of the node's outputs, or nullopt.
#pragma once

#include <optional>
#include <vector>

#include "theano/core/fgraph.h"

namespace theano::elemwise {

using LocalResult = std::optional<std::vector<Var>>;

// canonicalize
LocalResult local_neutral_elements(FunctionGraph& fg, Apply& node);  // x * 1, x + 0
LocalResult local_sub_self(FunctionGraph& fg, Apply& node);          // x - x -> 0
LocalResult local_double_neg(FunctionGraph& fg, Apply& node);        // -(-x) -> x
LocalResult local_flatten_add_mul(FunctionGraph& fg, Apply& node);   // (a + b) + c -> a + b + c
LocalResult local_useless_cast(FunctionGraph& fg, Apply& node);      // cast to own dtype
LocalResult local_dimshuffle_merge(FunctionGraph& fg, Apply& node);  // identity, nested
// stabilize
LocalResult local_log1p(FunctionGraph& fg, Apply& node);    // log(1 + x), log(1 - x)
LocalResult local_expm1(FunctionGraph& fg, Apply& node);    // exp(x) - 1
LocalResult local_log_exp(FunctionGraph& fg, Apply& node);  // log(exp(x)) -> x
// specialize
LocalResult local_pow_specialize(FunctionGraph& fg, Apply& node);   // x ** 2 -> sqr(x), ...
LocalResult local_div_by_constant(FunctionGraph& fg, Apply& node);  // x / 4 -> x * 0.25
LocalResult local_mul_neg_one(FunctionGraph& fg, Apply& node);      // x * -1 -> -x
LocalResult local_mul_to_sqr(FunctionGraph& fg, Apply& node);       // x * x -> sqr(x)

}  // namespace theano::elemwise
