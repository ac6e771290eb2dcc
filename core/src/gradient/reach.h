// Which variables lie on a true path between the differentiated outputs and
// the wrt variables, and where each is used. "True" follows each op's
// connection_pattern: an input counts as a parent of an output only when
// the op says the output depends on it. consider_constant variables are
// leaves: nothing behind them is explored.
#pragma once

#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "theano/core/graph.h"

namespace theano::gradient_detail {

using Pattern = std::vector<std::vector<bool>>;

/// connection_pattern per node, computed once and checked for its size.
class PatternCache {
 public:
  const Pattern& of(const Apply& node);

 private:
  std::unordered_map<const Apply*, Pattern> cache_;
};

/// One node using a variable, at these input positions.
struct Use {
  const Apply* node;
  std::vector<int> positions;
};

class ReachMap {
 public:
  ReachMap(const std::vector<Var>& outputs, const std::vector<Var>& wrt,
           const std::vector<Var>& consider_constant, PatternCache& patterns);
  /// The uses of `v` on a path to a wrt, in discovery order; nullptr when
  /// `v` is not on such a path.
  const std::vector<Use>* uses(const Variable* v) const;
  /// Every node that appears in some use, in a topological order.
  const std::vector<const Apply*>& nodes() const { return nodes_; }

 private:
  void account_for_outputs(const std::vector<Var>& outputs,
                           const std::unordered_set<const Variable*>& constants);
  std::unordered_set<const Variable*> leading_to_wrt(const std::vector<Var>& wrt) const;
  void sort_nodes();

  PatternCache& patterns_;
  std::unordered_map<const Variable*, std::vector<Use>> uses_;
  std::vector<const Apply*> nodes_;
};

}  // namespace theano::gradient_detail
