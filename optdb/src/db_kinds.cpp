// What each database kind builds from the entries a query selects.
#include <algorithm>

#include "theano/core/errors.h"
#include "theano/optdb/db.h"
#include "theano/optdb/optimizers.h"

namespace theano::optdb {

namespace {

std::shared_ptr<GraphRewriter> as_graph_rewriter(const std::shared_ptr<Rewriter>& r) {
  if (auto g = std::dynamic_pointer_cast<GraphRewriter>(r)) return g;
  if (auto l = std::dynamic_pointer_cast<LocalRewriter>(r)) return in2out(l);
  throw TypeError("rewriter '" + r->name() + "' is neither a local nor a global rewriter");
}

}  // namespace

std::shared_ptr<Rewriter> SequenceDB::build(std::vector<Selected> selected,
                                            const Query& query) const {
  struct Step {
    double position;
    std::string name;
    std::shared_ptr<GraphRewriter> rewriter;
  };
  std::vector<Step> steps;
  for (const Selected& s : selected) {
    if (s.entry.position >= query.position_cutoff()) continue;
    steps.push_back({s.entry.position, s.entry.name, as_graph_rewriter(s.result)});
  }
  for (const auto& [rw, position] : query.extra()) {
    if (position < query.position_cutoff())
      steps.push_back({position, rw->name(), as_graph_rewriter(rw)});
  }
  std::stable_sort(steps.begin(), steps.end(), [](const Step& a, const Step& b) {
    return a.position != b.position ? a.position < b.position : a.name < b.name;
  });
  std::vector<std::shared_ptr<GraphRewriter>> out;
  for (auto& s : steps) out.push_back(std::move(s.rewriter));
  return std::make_shared<SeqOptimizer>(name(), std::move(out));
}

std::shared_ptr<Rewriter> EquilibriumDB::build(std::vector<Selected> selected, const Query&) const {
  EquilibriumOptimizer::Options opt;
  opt.visit_new_nodes = !ignore_newtrees_;
  for (const Selected& s : selected) {
    auto local = std::dynamic_pointer_cast<LocalRewriter>(s.result);
    auto global = std::dynamic_pointer_cast<GraphRewriter>(s.result);
    switch (s.entry.role) {
      case EquilibriumRole::Cleanup:
        if (std::dynamic_pointer_cast<MergeOptimizer>(s.result))
          opt.merge = true;
        else if (global)
          opt.cleanup.push_back(global);
        else if (local)
          opt.cleanup.push_back(in2out(local));
        break;
      case EquilibriumRole::Final:
        if (local)
          opt.final_local.push_back(local);
        else if (global)
          opt.global.push_back(global);
        break;
      case EquilibriumRole::Normal:
        if (local)
          opt.local.push_back(local);
        else if (global)
          opt.global.push_back(global);
        break;
    }
  }
  return std::make_shared<EquilibriumOptimizer>(name(), std::move(opt));
}

std::shared_ptr<Rewriter> LocalGroupDB::build(std::vector<Selected> selected, const Query&) const {
  std::vector<std::shared_ptr<LocalRewriter>> members;
  for (const Selected& s : selected) {
    auto local = std::dynamic_pointer_cast<LocalRewriter>(s.result);
    if (!local) {
      throw TypeError("LocalGroupDB '" + name() + "': entry '" + s.entry.name +
                      "' is not a local rewrite (only local rewrites can be grouped)");
    }
    members.push_back(std::move(local));
  }
  return std::make_shared<LocalGroup>(name(), std::move(members), apply_all_);
}

std::shared_ptr<Rewriter> TopoDB::query(const Query& query) const {
  auto inner = inner_->query(query);
  auto local = std::dynamic_pointer_cast<LocalRewriter>(inner);
  if (!local) {
    throw TypeError("TopoDB '" + name() + "' wraps '" + inner_->name() +
                    "', whose query result is not a local rewrite");
  }
  return std::make_shared<TopoOptimizer>(std::move(local), order_);
}

}  // namespace theano::optdb
