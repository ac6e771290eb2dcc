// DestroyHandler: the Feature that keeps in-place operations honest.
//
// An op declares in destroy_map that an output overwrites an input, and in
// view_map that an output aliases an input. The handler follows views back
// to the variable owning the storage (its view root) and enforces:
//  - every other reader of a destroyed value (of the root and of all its
//    views) runs before the destroyer: it adds these orderings, and a graph
//    where they form a cycle is rejected;
//  - a value is destroyed by at most one node, and is not a graph output;
//  - constants are never destroyed, nor function inputs and shared variables
//    unless they are declared destroyable;
//  - a node destroying a shared variable's storage runs after every node that
//    does not depend on such destroyers, so a failing node never leaves a
//    shared variable half-updated.
// With no destroyer in the graph every check is free.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <unordered_set>
#include <vector>

#include "theano/core/fgraph.h"

namespace theano::optdb {

class DestroyHandler : public Feature {
 public:
  /// `destroyable`: root variables (mutable inputs, shared variables with an
  /// update) the function may overwrite. `prechecked_only`: those of them
  /// only a PrecheckedOp may overwrite, and only as a last step (no node
  /// reads its result), so every such write can be checked before any runs.
  explicit DestroyHandler(std::unordered_set<const Variable*> destroyable = {},
                          std::unordered_set<const Variable*> prechecked_only = {});

  void on_attach(FunctionGraph& fg) override;
  void on_import(FunctionGraph& fg, Apply& node, const std::string& reason) override;
  void on_prune(FunctionGraph& fg, Apply& node, const std::string& reason) override;
  /// Throws InconsistencyError naming the offending node and value.
  void validate(const FunctionGraph& fg) const override;
  std::map<Apply*, std::vector<Apply*>> orderings(const FunctionGraph& fg) const override;

  bool has_destroyers() const { return !destroyers_.empty(); }
  /// The variable owning the storage `v` aliases (following view_map).
  static Variable* view_root(Variable* v);
  /// True unless `root` is a constant, or an input / shared variable not
  /// declared destroyable.
  bool may_destroy(const Variable& root) const;

  /// Who reads the value held by `root`: clients of the root and of every
  /// view of it, and whether a graph output shows it.
  struct Readers {
    std::vector<Apply*> nodes;
    bool graph_output = false;
  };
  static Readers readers(const FunctionGraph& fg, Variable* root);
  /// Destroyed view roots, each with the node destroying it.
  std::map<Variable*, Apply*> destroyed_roots(const FunctionGraph& fg) const;

 private:
  struct Analysis {
    std::map<Apply*, std::vector<Apply*>> order;  // destroyer -> nodes that must run first
    std::string error;
  };
  const Analysis& analyze(const FunctionGraph& fg) const;
  Analysis analyze_in_order(const FunctionGraph& fg, const std::vector<Apply*>& destroyers) const;
  void add_shared_orderings(const FunctionGraph& fg, const std::vector<Apply*>& shared,
                            Analysis& a) const;
  std::string refuse_unchecked(const FunctionGraph& fg, Apply* d, const Variable& root) const;
  static std::string find_cycle(const FunctionGraph& fg,
                                const std::map<Apply*, std::vector<Apply*>>& order);

  std::unordered_set<Apply*> destroyers_;
  std::unordered_set<const Variable*> destroyable_;
  std::unordered_set<const Variable*> prechecked_only_;
  mutable Analysis cache_;
  mutable std::uint64_t cache_version_ = ~std::uint64_t{0};
  mutable const FunctionGraph* cache_fg_ = nullptr;
};

/// The graph's DestroyHandler, attached first when it has none, allowed to
/// overwrite what the running OptimizeSession allows (nothing without one).
DestroyHandler& ensure_destroy_handler(FunctionGraph& fg);

}  // namespace theano::optdb
