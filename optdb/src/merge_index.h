// Internal: the hash-consing table behind merging. Nodes are keyed by op
// hash and input identities, constants by content signature; candidates are
// re-checked on lookup, so stale entries (a node rewired or pruned since it
// was recorded) are harmless.
#pragma once

#include <unordered_map>

#include "theano/core/fgraph.h"

namespace theano::optdb::detail {

/// Never merged: nodes that destroy an input.
bool mergeable(const Apply& node);
/// Same op (Op::equals) on the same input variables.
bool same_computation(const Apply& a, const Apply& b);

class MergeIndex {
 public:
  /// The first constant seen that equals `c` (Constant::equals); `c` itself
  /// when it is the first.
  Var canonical_constant(const Var& c);
  /// A node of `fg` computing the same as `node`, or nullptr after
  /// recording `node` as the representative of its computation.
  Apply* find_or_insert(const FunctionGraph& fg, Apply& node);

 private:
  std::unordered_multimap<std::size_t, Apply*> nodes_;
  std::unordered_multimap<std::size_t, Var> constants_;
};

}  // namespace theano::optdb::detail
