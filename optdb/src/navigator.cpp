// Sequences of global rewrites, one-sweep navigators (in-to-out and
// out-to-in) and groups of local rewrites.
#include <algorithm>
#include <chrono>
#include <deque>
#include <iostream>
#include <unordered_set>

#include "theano/core/printing.h"
#include "theano/optdb/optimizers.h"
#include "theano/optdb/session.h"

namespace theano::optdb {

namespace {

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// Collects the nodes imported while it is attached (not those a refused
// change put back).
class NewNodeWatcher final : public Feature {
 public:
  void on_import(FunctionGraph&, Apply& node, const std::string& reason) override {
    if (reason != "revert") fresh.push_back(&node);
  }
  std::vector<Apply*> fresh;
};

// Attaches a feature for the lifetime of the guard.
class ScopedFeature {
 public:
  ScopedFeature(FunctionGraph& fg, std::shared_ptr<Feature> f) : fg_(fg), f_(std::move(f)) {
    fg_.attach_feature(f_);
  }
  ~ScopedFeature() { fg_.remove_feature(f_.get()); }
  ScopedFeature(const ScopedFeature&) = delete;
  ScopedFeature& operator=(const ScopedFeature&) = delete;

 private:
  FunctionGraph& fg_;
  std::shared_ptr<Feature> f_;
};

}  // namespace

int SeqOptimizer::apply(FunctionGraph& fg) const {
  auto* session = OptimizeSession::of(fg);
  int total = 0;
  for (const auto& step : steps_) {
    auto t0 = std::chrono::steady_clock::now();
    std::size_t record = session ? session->open_step(step->name(), fg.size()) : 0;
    int applied = 0;
    try {
      applied = step->apply(fg);
    } catch (...) {
      if (session) session->close_step(record, seconds_since(t0), 0, fg.size());
      handle_rewrite_failure(fg, step->name(), "");
      continue;
    }
    total += applied;
    if (!session) continue;
    session->close_step(record, seconds_since(t0), applied, fg.size());
    if (session->verbose && session->depth() == 0) {
      std::cerr << "=== after " << step->name() << " (" << fg.size() << " nodes, " << applied
                << " changes) ===\n"
                << debugprint(fg);
    }
  }
  return total;
}

TopoOptimizer::TopoOptimizer(std::shared_ptr<LocalRewriter> rewriter, Order order,
                             bool ignore_newtrees)
    : rewriter_(std::move(rewriter)), order_(order), ignore_newtrees_(ignore_newtrees) {}

int TopoOptimizer::apply(FunctionGraph& fg) const {
  std::vector<std::string> tracked = rewriter_->tracks();
  std::unordered_set<std::string> names(tracked.begin(), tracked.end());
  auto wanted = [&](Apply* n) {
    return fg.contains(n) && (names.empty() || names.count(n->op().name()));
  };
  // The op index says whether any candidate exists before paying for a sweep.
  std::unordered_set<Apply*> candidates;
  for (const auto& name : names)
    for (Apply* n : fg.nodes_with_op(name)) candidates.insert(n);
  if (!names.empty() && candidates.empty()) return 0;
  std::vector<Apply*> order;
  for (Apply* n : fg.toposort())
    if (names.empty() || candidates.count(n)) order.push_back(n);
  if (order_ == Order::OutToIn) std::reverse(order.begin(), order.end());

  auto watcher = std::make_shared<NewNodeWatcher>();
  std::optional<ScopedFeature> attached;
  if (!ignore_newtrees_) attached.emplace(fg, watcher);
  auto* session = OptimizeSession::of(fg);
  int applied = 0;
  auto visit = [&](Apply* n) {
    if (!wanted(n) || !apply_local(fg, *rewriter_, *n)) return;
    ++applied;
    if (session) session->note_applied(rewriter_->name());
  };
  for (Apply* n : order) visit(n);
  // Nodes the sweep created, until none appear; bounded so a rewrite that
  // keeps rebuilding its own pattern cannot loop forever.
  std::size_t budget = 8 * (fg.size() + 16);
  while (!watcher->fresh.empty() && budget > 0) {
    std::vector<Apply*> batch;
    batch.swap(watcher->fresh);
    for (Apply* n : batch) {
      if (budget == 0) break;
      --budget;
      visit(n);
    }
  }
  if (budget == 0) {
    report_warning(fg, "rewrite '" + rewriter_->name() +
                           "' kept creating nodes it rewrites again; the sweep was stopped");
  }
  return applied;
}

std::shared_ptr<TopoOptimizer> in2out(std::shared_ptr<LocalRewriter> rewriter,
                                      bool ignore_newtrees) {
  return std::make_shared<TopoOptimizer>(std::move(rewriter), Order::InToOut, ignore_newtrees);
}

std::shared_ptr<TopoOptimizer> out2in(std::shared_ptr<LocalRewriter> rewriter,
                                      bool ignore_newtrees) {
  return std::make_shared<TopoOptimizer>(std::move(rewriter), Order::OutToIn, ignore_newtrees);
}

LocalGroup::LocalGroup(std::string name, std::vector<std::shared_ptr<LocalRewriter>> members,
                       bool apply_all)
    : name_(std::move(name)), members_(std::move(members)), apply_all_(apply_all) {
  std::unordered_set<std::string> all;
  bool any_op = false;
  for (const auto& m : members_) {
    member_tracks_.push_back(m->tracks());
    const auto& t = member_tracks_.back();
    any_op = any_op || t.empty();
    all.insert(t.begin(), t.end());
  }
  if (!any_op) tracks_.assign(all.begin(), all.end());
  std::sort(tracks_.begin(), tracks_.end());
}

std::optional<std::vector<Var>> LocalGroup::transform(FunctionGraph& fg, Apply& node) const {
  auto* session = OptimizeSession::of(fg);
  std::optional<std::vector<Var>> result;
  Apply* current = &node;
  for (std::size_t i = 0; i < members_.size(); ++i) {
    const auto& m = members_[i];
    const auto& t = member_tracks_[i];
    if (!t.empty() && std::find(t.begin(), t.end(), current->op().name()) == t.end()) continue;
    auto r = m->transform(fg, *current);
    if (!r) continue;
    if (session) session->note_applied(m->name());
    result = std::move(r);
    // With apply_all, keep rewriting the single new node that replaced it.
    if (!apply_all_ || result->size() != 1 || !(*result)[0] || !(*result)[0]->owner() ||
        fg.contains((*result)[0]->owner())) {
      break;
    }
    current = (*result)[0]->owner();
  }
  return result;
}

int AddFeatureOptimizer::apply(FunctionGraph& fg) const {
  if (has_(fg)) return 0;
  fg.attach_feature(make_(fg));
  return 0;
}

}  // namespace theano::optdb
