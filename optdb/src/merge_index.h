// Internal: the hash-consing table behind merging. Nodes are keyed by op
// hash and input identities, constants by content signature; candidates are
// re-checked on lookup, so stale entries (a node rewired or pruned since it
// was recorded) are harmless.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

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
  /// A node of `fg` computing the same as `node` (neither destroying an
  /// input), or nullptr after recording `node`.
  Apply* find_or_insert(const FunctionGraph& fg, Apply& node);

 private:
  /// Op::hash of `op`, computed once per op: nodes with the same inputs
  /// (every Composite of a graph may read just x and y) are told apart
  /// without comparing their ops structurally.
  std::size_t op_hash(const OpPtr& op);

  std::unordered_multimap<std::size_t, Apply*> nodes_;
  std::unordered_map<const Op*, std::pair<OpPtr, std::size_t>> op_hashes_;  // keeps ops alive
  std::unordered_multimap<std::size_t, Var> constants_;
};

/// Merges one node at a time into an equal node of the graph (and its
/// constant inputs into equal constants), for graphs already merged except
/// for the nodes a change created or rewired.
class IncrementalMerger {
 public:
  explicit IncrementalMerger(FunctionGraph& fg) : fg_(fg) {}
  /// True when `n` was replaced by a twin (validated; a refusal keeps it).
  bool merge(Apply& n);

 private:
  Apply* find_twin(Apply& n);
  Var canonical_constant(const Var& c);
  FunctionGraph& fg_;
  MergeIndex constants_, nodes_;
  bool constants_indexed_ = false, nodes_indexed_ = false;
};

/// Attached after a full merge: records the nodes created or rewired since,
/// the only ones that may have become equal to another.
class MergeTracker final : public Feature {
 public:
  void on_import(FunctionGraph&, Apply& node, const std::string& reason) override {
    if (reason != "revert") dirty.push_back(&node);
  }
  void on_change_input(FunctionGraph&, Apply* node, int, const Var&, const Var&,
                       const std::string& reason) override {
    if (node && reason != "revert") dirty.push_back(node);
  }
  std::vector<Apply*> dirty;
};

}  // namespace theano::optdb::detail
