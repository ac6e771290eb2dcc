// The two kinds of rewrite plugins register: local (one node at a time)
// and global (a whole graph). The optimizer database arranges them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "theano/core/fgraph.h"

namespace theano::optdb {

/// Base of everything that can be registered as a RewriteSpec.
class Rewriter {
 public:
  virtual ~Rewriter() = default;
  virtual std::string name() const = 0;
};

/// Rewrites one node. `tracks()` lists the op names it can apply to, so a
/// pass only visits candidate nodes (empty = every node).
class LocalRewriter : public Rewriter {
 public:
  /// Replacement for each output of `node` (same order and types), or
  /// nullopt to leave the node alone. Outputs may be replaced by null to
  /// keep them. New nodes should carry node.loc() (copy_loc helps) so errors
  /// still point at the user's line.
  virtual std::optional<std::vector<Var>> transform(FunctionGraph& fg, Apply& node) const = 0;
  virtual std::vector<std::string> tracks() const { return {}; }
};

/// Rewrites a whole graph (merge, fusion, in-place insertion, ...).
class GraphRewriter : public Rewriter {
 public:
  /// Applies the rewrite; returns how many changes it made.
  virtual int apply(FunctionGraph& fg) const = 0;
};

/// Gives every node between `inputs` (exclusive) and `outputs` the source
/// location `loc` when it has none.
void copy_loc(const std::vector<Var>& outputs, const SourceLoc& loc);

}  // namespace theano::optdb
