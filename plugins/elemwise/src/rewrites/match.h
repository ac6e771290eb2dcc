// Small helpers the elemwise rewrites share: recognising nodes and
// constants, and making a replacement fit the type of what it replaces.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "theano/core/fgraph.h"

namespace theano::elemwise {

/// The scalar op name of a non-in-place Elemwise node ("add", ...), or "".
std::string_view elemwise_name(const Apply* node);
/// The value of a constant whose elements are all equal (looking through
/// DimShuffle), or nullopt.
std::optional<double> constant_value(const Var& v);
/// `candidate` made to have `target`'s type: axes padded on the left and
/// the dtype cast when needed; null when the static shapes still differ.
Var fit_to(const Var& candidate, const Variable& target);
/// True when `v`'s only use is one input of one node.
bool single_client(const FunctionGraph& fg, const Variable* v);

}  // namespace theano::elemwise
