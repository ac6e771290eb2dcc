// FunctionGraph: a graph being compiled, with its clients, a cached
// toposort and Features that are told about every change.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <typeindex>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "theano/core/graph.h"
#include "theano/core/op.h"

namespace theano {

class FunctionGraph;

/// A use of a variable: input `index` of `node`, or output `index` of the
/// graph when `node` is nullptr.
struct Client {
  Apply* node;
  int index;
  friend bool operator==(const Client&, const Client&) = default;
};

/// Observes a FunctionGraph. Every hook has an empty default.
class Feature {
 public:
  virtual ~Feature() = default;
  virtual void on_attach(FunctionGraph& /*fg*/) {}
  virtual void on_detach(FunctionGraph& /*fg*/) {}
  /// A node entered the graph.
  virtual void on_import(FunctionGraph& /*fg*/, Apply& /*node*/, const std::string& /*reason*/) {}
  /// A node left the graph (no clients remain).
  virtual void on_prune(FunctionGraph& /*fg*/, Apply& /*node*/, const std::string& /*reason*/) {}
  /// Input `index` of `node` (or output `index` of the graph when node is
  /// nullptr) changed from `old_var` to `new_var`.
  virtual void on_change_input(FunctionGraph& /*fg*/, Apply* /*node*/, int /*index*/,
                               const Var& /*old_var*/, const Var& /*new_var*/,
                               const std::string& /*reason*/) {}
  /// Throws InconsistencyError when the current graph breaks this feature's
  /// invariant (the DestroyHandler does).
  virtual void validate(const FunctionGraph& /*fg*/) const {}
  /// Extra ordering constraints: node -> nodes that must run before it.
  virtual std::map<Apply*, std::vector<Apply*>> orderings(const FunctionGraph& /*fg*/) const {
    return {};
  }
};

class FunctionGraph {
 public:
  /// Builds the graph between `inputs` and `outputs`. With `clone`, the nodes
  /// are copied first so the user's graph is never modified.
  FunctionGraph(std::vector<Var> inputs, std::vector<Var> outputs, bool clone = true);
  ~FunctionGraph();
  FunctionGraph(const FunctionGraph&) = delete;
  FunctionGraph& operator=(const FunctionGraph&) = delete;

  const std::vector<Var>& inputs() const { return inputs_; }
  const std::vector<Var>& outputs() const { return outputs_; }
  /// Mapping from the caller's variables to this graph's (when cloned).
  const CloneMap& clone_map() const { return clone_map_; }
  /// All nodes, in insertion order (not topological).
  std::vector<Apply*> apply_nodes() const;
  std::size_t size() const { return nodes_.size(); }
  bool contains(const Apply* node) const { return nodes_.count(const_cast<Apply*>(node)) != 0; }
  /// Every variable in the graph (inputs, constants, shared, outputs of nodes).
  std::vector<Variable*> variables() const;
  const std::vector<Client>& clients(const Variable* v) const;
  /// Nodes whose op has registry name `op_name` (the op index).
  std::vector<Apply*> nodes_with_op(const std::string& op_name) const;

  /// Topological order respecting data and Feature orderings; cached until
  /// the graph changes.
  const std::vector<Apply*>& toposort() const;

  /// Rewires every client of `old_var` to `new_var`. Types must be equal
  /// (TypeError otherwise, naming both and `reason`).
  void replace(const Var& old_var, const Var& new_var, const std::string& reason = {});
  /// Several replacements, then every Feature validates; on failure all are
  /// undone and InconsistencyError propagates.
  void replace_all_validate(const std::vector<std::pair<Var, Var>>& pairs,
                            const std::string& reason = {});
  /// Sets input `index` of `node` (or graph output `index` when node is null).
  void change_input(Apply* node, int index, const Var& new_var, const std::string& reason = {});
  /// Adds a graph output (function updates are extra outputs).
  void add_output(const Var& v, const std::string& reason = {});
  /// Runs every feature's validate.
  void validate() const;

  void attach_feature(std::shared_ptr<Feature> feature);
  void remove_feature(const Feature* feature);
  template <class F>
  F* get_feature() const {
    for (const auto& f : features_)
      if (auto* p = dynamic_cast<F*>(f.get())) return p;
    return nullptr;
  }

  /// Deep copy (nodes and variables are cloned; features are not copied).
  std::unique_ptr<FunctionGraph> clone(CloneMap* map = nullptr) const;
  /// Checks clients, ownership and reachability; throws Error describing a defect.
  void check_integrity() const;
  /// A counter bumped on every change (for caches).
  std::uint64_t version() const { return version_; }

 private:
  void import_var(const Var& v, const std::string& reason);
  void import_node(const ApplyPtr& node, const std::string& reason);
  void remove_client(const Var& v, Client c, const std::string& reason);
  void prune_if_unused(Apply* node, const std::string& reason);
  void changed() {
    ++version_;
    toposort_valid_ = false;
  }

  std::vector<Var> inputs_;
  std::vector<Var> outputs_;
  CloneMap clone_map_;
  // A node of the graph, with the toposort's visit mark (see toposort()).
  struct NodeEntry {
    ApplyPtr node;
    mutable std::uint64_t mark = 0;
  };
  std::unordered_map<Apply*, NodeEntry> nodes_;
  std::vector<Apply*> node_order_;  // insertion order, may hold pruned entries
  std::unordered_map<const Variable*, std::vector<Client>> clients_;
  std::unordered_map<const Variable*, Var> vars_;  // keeps root variables alive
  std::unordered_map<std::string, std::unordered_set<Apply*>> op_index_;
  std::vector<std::shared_ptr<Feature>> features_;
  mutable std::vector<Apply*> toposort_;
  mutable bool toposort_valid_ = false;
  mutable std::uint64_t toposort_epoch_ = 0;  // marks below it are from older sorts
  std::uint64_t version_ = 0;
};

/// Records every change so a batch can be undone (used by replace_all_validate
/// and by rewriters that try a change and roll it back).
class ChangeTracker : public Feature {
 public:
  struct Change {
    Apply* node;
    int index;
    Var old_var;
    Var new_var;
  };
  void on_change_input(FunctionGraph& fg, Apply* node, int index, const Var& old_var,
                       const Var& new_var, const std::string& reason) override;
  std::size_t checkpoint() const { return log_.size(); }
  /// Undoes changes back to `checkpoint`.
  void revert(FunctionGraph& fg, std::size_t checkpoint);

 private:
  std::vector<Change> log_;
  bool reverting_ = false;
};

}  // namespace theano
