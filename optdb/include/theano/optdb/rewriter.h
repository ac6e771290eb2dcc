// The two kinds of rewrite plugins register: local (one node at a time)
// and global (a whole graph). The optimizer database arranges them.
#pragma once

#include <functional>
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
/// As above, stopping at nodes already in `fg` (so the walk costs only the
/// nodes a rewrite just built).
void copy_loc(const FunctionGraph& fg, const std::vector<Var>& outputs, const SourceLoc& loc);

/// A local rewrite written as a function (Theano's @local_optimizer).
class FunctionLocalRewriter final : public LocalRewriter {
 public:
  using Fn = std::function<std::optional<std::vector<Var>>(FunctionGraph&, Apply&)>;
  FunctionLocalRewriter(std::string name, std::vector<std::string> tracks, Fn fn)
      : name_(std::move(name)), tracks_(std::move(tracks)), fn_(std::move(fn)) {}
  std::string name() const override { return name_; }
  std::vector<std::string> tracks() const override { return tracks_; }
  std::optional<std::vector<Var>> transform(FunctionGraph& fg, Apply& node) const override {
    return fn_(fg, node);
  }

 private:
  std::string name_;
  std::vector<std::string> tracks_;
  Fn fn_;
};

/// A global rewrite written as a function (Theano's @optimizer).
class FunctionGraphRewriter final : public GraphRewriter {
 public:
  using Fn = std::function<int(FunctionGraph&)>;
  FunctionGraphRewriter(std::string name, Fn fn) : name_(std::move(name)), fn_(std::move(fn)) {}
  std::string name() const override { return name_; }
  int apply(FunctionGraph& fg) const override { return fn_(fg); }

 private:
  std::string name_;
  Fn fn_;
};

/// Applies `rewriter` to `node`: checks the replacement types, copies the
/// node's source location to the new nodes, and replaces the outputs with
/// validation. Returns false when nothing changed (no match, or a Feature
/// such as the DestroyHandler refused the change). Other failures follow the
/// `on_opt_error` policy (see OptimizeSession).
bool apply_local(FunctionGraph& fg, const LocalRewriter& rewriter, Apply& node);

}  // namespace theano::optdb
