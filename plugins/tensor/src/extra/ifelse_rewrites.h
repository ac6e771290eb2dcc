// Rewrites of IfElse: removing one whose condition is a constant, and
// merging two that share a condition into one node.
#pragma once

#include <optional>
#include <vector>

#include "theano/core/fgraph.h"

namespace theano::tensor_ops::extra {

/// IfElse with a constant condition -> the selected branch (outputs whose
/// type the branch does not have exactly are kept).
std::optional<std::vector<Var>> local_ifelse_constant_cond(FunctionGraph& fg, Apply& node);
/// Merges pairs of independent IfElse nodes on the same condition variable
/// into one; returns how many merges were made.
int merge_ifelse_same_cond(FunctionGraph& fg);

}  // namespace theano::tensor_ops::extra
