// Recognising nodes in the nnet rewrites without linking the elemwise plugin:
// Elemwise nodes are read through ElemwiseInfo, DimShuffle by op name.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "theano/core/fgraph.h"

namespace theano::nnet {

/// The scalar op of a non-in-place Elemwise node ("log", ...), or "".
std::string_view elemwise_name(const Apply* node);
/// The node computing `v` when its op is `op_name` (registry name), else null.
const Apply* owner_is(const Var& v, const std::string& op_name);
/// The node computing `v` when it is a non-in-place Elemwise of `scalar`, else null.
const Apply* elemwise_owner(const Var& v, std::string_view scalar);
/// The value of a constant whose elements are all equal (through DimShuffle).
std::optional<double> constant_value(const Var& v);
/// True when `a` and `b` compute the same thing: the same variable, equal
/// constants, or nodes with equal ops and (recursively) the same inputs.
bool same_expr(const Var& a, const Var& b, int depth = 4);
/// `candidate` made to have `target`'s type (dtype cast); nullopt when the
/// types still differ.
std::optional<std::vector<Var>> replace_with(const Var& candidate, const Variable& target);

}  // namespace theano::nnet
