// The generic optimizers: sequences, topological sweeps, the equilibrium
// loop, local-rewrite groups, merging (common sub-expressions), constant
// folding, and simple op substitution / removal.
#pragma once

#include <functional>
#include <limits>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "theano/optdb/db.h"
#include "theano/optdb/rewriter.h"

namespace theano::optdb {

/// Runs global rewrites in order, timing each (the optimizer profile).
class SeqOptimizer final : public GraphRewriter {
 public:
  SeqOptimizer(std::string name, std::vector<std::shared_ptr<GraphRewriter>> steps)
      : name_(std::move(name)), steps_(std::move(steps)) {}
  std::string name() const override { return name_; }
  int apply(FunctionGraph& fg) const override;
  const std::vector<std::shared_ptr<GraphRewriter>>& steps() const { return steps_; }

 private:
  std::string name_;
  std::vector<std::shared_ptr<GraphRewriter>> steps_;
};

/// One topological sweep applying a local rewrite to the nodes whose op it
/// tracks (Theano's in2out / out2in). New nodes are visited too unless
/// `ignore_newtrees`.
class TopoOptimizer final : public GraphRewriter {
 public:
  TopoOptimizer(std::shared_ptr<LocalRewriter> rewriter, Order order = Order::InToOut,
                bool ignore_newtrees = false);
  std::string name() const override { return rewriter_->name(); }
  int apply(FunctionGraph& fg) const override;

 private:
  std::shared_ptr<LocalRewriter> rewriter_;
  Order order_;
  bool ignore_newtrees_;
};
std::shared_ptr<TopoOptimizer> in2out(std::shared_ptr<LocalRewriter> rewriter,
                                      bool ignore_newtrees = false);
std::shared_ptr<TopoOptimizer> out2in(std::shared_ptr<LocalRewriter> rewriter,
                                      bool ignore_newtrees = false);

/// Several local rewrites as one: tracks the union of their ops and, for a
/// node, tries those tracking its op in order; the first that applies wins.
class LocalGroup final : public LocalRewriter {
 public:
  LocalGroup(std::string name, std::vector<std::shared_ptr<LocalRewriter>> members,
             bool apply_all = false);
  std::string name() const override { return name_; }
  std::vector<std::string> tracks() const override { return tracks_; }
  std::optional<std::vector<Var>> transform(FunctionGraph& fg, Apply& node) const override;

 private:
  std::string name_;
  std::vector<std::shared_ptr<LocalRewriter>> members_;
  std::vector<std::vector<std::string>> member_tracks_;
  std::vector<std::string> tracks_;
  bool apply_all_;
};

/// Local and global rewrites applied until the graph stops changing. Nodes
/// are visited from a worklist: all candidates once, then only the nodes a
/// change created or rewired, then one confirming sweep. A rewrite applied
/// more than max_use_ratio x (number of nodes) times is considered looping:
/// the loop stops and a warning names it (an error with on_opt_error=raise).
class EquilibriumOptimizer final : public GraphRewriter {
 public:
  struct Options {
    std::vector<std::shared_ptr<LocalRewriter>> local;
    std::vector<std::shared_ptr<LocalRewriter>> final_local;
    std::vector<std::shared_ptr<GraphRewriter>> global;
    std::vector<std::shared_ptr<GraphRewriter>> cleanup;
    /// Merge equal nodes and constants as they appear (the merge cleanup).
    bool merge = false;
    /// Visit nodes created by rewrites (false: only rewired ones).
    bool visit_new_nodes = true;
    /// <= 0: the optdb.max_use_ratio flag (default 8).
    double max_use_ratio = 0;
  };
  EquilibriumOptimizer(std::string name, Options options);
  std::string name() const override { return name_; }
  int apply(FunctionGraph& fg) const override;
  bool empty() const;

 private:
  friend class EquilibriumRun;
  /// The local rewrites to try on nodes of op `op_name`, in order.
  const std::vector<const LocalRewriter*>& candidates(const std::string& op_name) const;
  std::string name_;
  Options opt_;
  std::unordered_map<std::string, std::vector<const LocalRewriter*>> by_op_;
  std::vector<const LocalRewriter*> for_all_;
};

namespace detail {
class MergeTracker;
}

/// Common sub-expression elimination: equal constants (Constant::equals)
/// become one, then nodes with equal ops on the same inputs become one.
/// Nodes that destroy an input are never merged. The first run on a graph
/// visits every node and leaves a tracker of the nodes created or rewired
/// since; later runs visit only those.
class MergeOptimizer final : public GraphRewriter {
 public:
  std::string name() const override { return "merge"; }
  int apply(FunctionGraph& fg) const override;

 private:
  int merge_all(FunctionGraph& fg) const;
  int merge_dirty(FunctionGraph& fg, detail::MergeTracker& tracker) const;
};

/// Evaluates nodes whose inputs are all constants (unless the op's
/// do_constant_folding refuses) and replaces them by constants.
class ConstantFolding final : public LocalRewriter {
 public:
  std::string name() const override { return "constant_folding"; }
  std::optional<std::vector<Var>> transform(FunctionGraph& fg, Apply& node) const override;
};

/// Replaces every node of op `from` (equal op) by op `to` on the same inputs.
class OpSub final : public LocalRewriter {
 public:
  OpSub(OpPtr from, OpPtr to, std::string name = {});
  std::string name() const override { return name_; }
  std::vector<std::string> tracks() const override { return {from_->name()}; }
  std::optional<std::vector<Var>> transform(FunctionGraph& fg, Apply& node) const override;

 private:
  OpPtr from_, to_;
  std::string name_;
};

/// Removes an identity-like op: its single output becomes its first input.
/// With only `op_name`, any props match.
class OpRemove final : public LocalRewriter {
 public:
  explicit OpRemove(OpPtr op, std::string name = {});
  explicit OpRemove(std::string op_name, std::string name = {});
  std::string name() const override { return name_; }
  std::vector<std::string> tracks() const override { return {op_name_}; }
  std::optional<std::vector<Var>> transform(FunctionGraph& fg, Apply& node) const override;

 private:
  OpPtr op_;
  std::string op_name_;
  std::string name_;
};

/// Attaches a Feature made by `make` unless one of the same class is there
/// (ShapeOpt, add_destroy_handler).
class AddFeatureOptimizer final : public GraphRewriter {
 public:
  using Has = std::function<bool(const FunctionGraph&)>;
  using Make = std::function<std::shared_ptr<Feature>(FunctionGraph&)>;
  AddFeatureOptimizer(std::string name, Has has, Make make)
      : name_(std::move(name)), has_(std::move(has)), make_(std::move(make)) {}
  std::string name() const override { return name_; }
  int apply(FunctionGraph& fg) const override;

 private:
  std::string name_;
  Has has_;
  Make make_;
};

}  // namespace theano::optdb
