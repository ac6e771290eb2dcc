// EquilibriumOptimizer: local rewrites applied until nothing changes.
//
// Instead of rescanning the whole graph after every change (quadratic on
// large graphs), a run keeps a worklist: every candidate node once, in
// topological order, then the nodes a change created or rewired (and their
// clients, so patterns rooted one level up are retried). When the worklist
// is empty after changes, one confirming sweep catches deeper patterns.
#include <algorithm>
#include <deque>
#include <unordered_map>
#include <unordered_set>

#include "merge_index.h"
#include "theano/core/config.h"
#include "theano/core/errors.h"
#include "theano/optdb/optimizers.h"
#include "theano/optdb/session.h"

namespace theano::optdb {

namespace {

double configured_max_use_ratio() {
  const Config& cfg = Config::global();
  return cfg.has("optdb.max_use_ratio") ? cfg.get_double("optdb.max_use_ratio") : 8.0;
}

}  // namespace

EquilibriumOptimizer::EquilibriumOptimizer(std::string name, Options options)
    : name_(std::move(name)), opt_(std::move(options)) {
  std::vector<std::pair<const LocalRewriter*, std::vector<std::string>>> all;
  for (const auto* list : {&opt_.local, &opt_.final_local})
    for (const auto& r : *list) all.emplace_back(r.get(), r->tracks());
  std::unordered_set<std::string> names;
  for (const auto& [r, tracks] : all) {
    if (tracks.empty()) for_all_.push_back(r);
    names.insert(tracks.begin(), tracks.end());
  }
  for (const auto& op : names) {
    auto& list = by_op_[op];
    for (const auto& [r, tracks] : all)
      if (tracks.empty() || std::find(tracks.begin(), tracks.end(), op) != tracks.end())
        list.push_back(r);
  }
}

bool EquilibriumOptimizer::empty() const {
  return opt_.local.empty() && opt_.final_local.empty() && opt_.global.empty() &&
         opt_.cleanup.empty() && !opt_.merge;
}

const std::vector<const LocalRewriter*>& EquilibriumOptimizer::candidates(
    const std::string& op_name) const {
  auto it = by_op_.find(op_name);
  return it == by_op_.end() ? for_all_ : it->second;
}

/// One apply() of an EquilibriumOptimizer: the worklist and counters.
class EquilibriumRun final : public Feature {
 public:
  EquilibriumRun(const EquilibriumOptimizer& eq, FunctionGraph& fg)
      : eq_(eq), fg_(fg), session_(OptimizeSession::of(fg)) {
    double ratio = eq.opt_.max_use_ratio > 0 ? eq.opt_.max_use_ratio : configured_max_use_ratio();
    max_use_ = static_cast<long>(ratio * static_cast<double>(std::max<std::size_t>(fg.size(), 1)));
    queued_.reserve(fg.size());  // a sweep queues every candidate once
  }

  // Changes undone by a refused rewrite ("revert") bring nothing new to visit.
  void on_import(FunctionGraph&, Apply& node, const std::string& reason) override {
    if (eq_.opt_.visit_new_nodes && reason != "revert") push(&node, true);
  }
  void on_change_input(FunctionGraph& fg, Apply* node, int, const Var&, const Var&,
                       const std::string& reason) override {
    if (!node || reason == "revert" || !fg.contains(node)) return;
    push(node, true);
    for (int k = 0; k < node->nout(); ++k)
      for (const Client& c : fg.clients(node->out(k)))
        if (c.node) push(c.node, true);
  }

  int run() {
    int total = 0;
    for (;;) {
      int changed = 0;
      for (const auto& g : eq_.opt_.global) changed += run_global(*g);
      // Sweeps visit the candidates of local rewrites; nodes are merged as a
      // change creates or rewires them (the graph was merged before).
      seed();
      changed += drain();
      if (aborted_) return total + changed;
      for (const auto& c : eq_.opt_.cleanup) changed += run_global(*c);
      total += changed;
      if (changed == 0) return total;
    }
  }

 private:
  // Queues the candidates of the local rewrites in topological order; when
  // every rewrite tracks ops, the op index tells first whether any exists.
  void seed() {
    std::unordered_set<Apply*> tracked;
    if (eq_.for_all_.empty()) {
      for (const auto& [name, rewriters] : eq_.by_op_)
        for (Apply* n : fg_.nodes_with_op(name)) tracked.insert(n);
      if (tracked.empty()) return;
    }
    for (Apply* n : fg_.toposort())
      if (eq_.for_all_.empty() ? tracked.count(n) != 0 : !eq_.candidates(n->op().name()).empty())
        push(n, false);
  }

  // `merge`: also look the node up for merging when it is visited.
  void push(Apply* n, bool merge) {
    auto [it, fresh] = queued_.emplace(n, merge);
    if (fresh)
      worklist_.push_back(n);
    else
      it->second = it->second || merge;
  }

  int run_global(const GraphRewriter& g) {
    try {
      int n = g.apply(fg_);
      if (n && session_) session_->note_applied(g.name(), n);
      return n;
    } catch (...) {
      handle_rewrite_failure(fg_, g.name(), "");
      return 0;
    }
  }

  int drain() {
    int changed = 0;
    while (!worklist_.empty() && !aborted_) {
      Apply* n = worklist_.front();
      worklist_.pop_front();
      auto q = queued_.find(n);
      bool merge = q->second;
      queued_.erase(q);
      if (!fg_.contains(n)) continue;
      if (eq_.opt_.merge && merge && try_merge(*n)) {
        ++changed;
        continue;
      }
      for (const LocalRewriter* rw : eq_.candidates(n->op().name())) {
        if (!apply_local(fg_, *rw, *n)) continue;
        ++changed;
        if (session_) session_->note_applied(rw->name());
        if (++uses_[rw] > max_use_) abort(*rw);
        break;
      }
    }
    return changed;
  }

  bool try_merge(Apply& n) {
    if (!merger_.merge(n)) return false;
    if (session_) session_->note_applied("merge");
    return true;
  }

  void abort(const LocalRewriter& rw) {
    aborted_ = true;
    std::string msg = "equilibrium '" + eq_.name() + "' stopped: rewrite '" + rw.name() +
                      "' was applied " + std::to_string(uses_[&rw]) + " times on a graph of " +
                      std::to_string(fg_.size()) +
                      " nodes (limit optdb.max_use_ratio x nodes); it probably undoes another "
                      "rewrite or rebuilds its own pattern";
    if (session_ && session_->on_error == OnError::Raise) throw CompileError(msg);
    report_warning(fg_, msg);
  }

  const EquilibriumOptimizer& eq_;
  FunctionGraph& fg_;
  OptimizeSession* session_;
  long max_use_ = 0;
  bool aborted_ = false;
  std::deque<Apply*> worklist_;
  std::unordered_map<Apply*, bool> queued_;  // queued node -> merge it
  std::unordered_map<const LocalRewriter*, long> uses_;
  detail::IncrementalMerger merger_{fg_};
};

int EquilibriumOptimizer::apply(FunctionGraph& fg) const {
  if (empty()) return 0;
  auto run = std::make_shared<EquilibriumRun>(*this, fg);
  fg.attach_feature(run);
  try {
    int n = run->run();
    fg.remove_feature(run.get());
    return n;
  } catch (...) {
    fg.remove_feature(run.get());
    throw;
  }
}

}  // namespace theano::optdb
