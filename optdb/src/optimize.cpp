// optimize(): run the mode's query on a graph, with a session for the
// profile, and leave only the features the compiled function needs.
#include "theano/optdb/optimize.h"

#include <chrono>
#include <cstdio>
#include <sstream>

#include "merge_index.h"
#include "theano/core/config.h"
#include "theano/core/errors.h"
#include "theano/optdb/destroy_handler.h"
#include "theano/optdb/shape_feature.h"
#include "theano/optdb/standard.h"

namespace theano::optdb {

namespace {

OnError configured_on_error() {
  const Config& cfg = Config::global();
  if (!cfg.has("on_opt_error")) return OnError::Warn;
  std::string v = cfg.get("on_opt_error");
  if (v == "raise") return OnError::Raise;
  if (v == "ignore") return OnError::Ignore;
  return OnError::Warn;
}

// A user graph that already overwrites values (accept_inplace) is checked,
// and keeps the handler so the schedule reads before it writes.
void guard_existing_destroyers(FunctionGraph& fg, const OptimizeOptions& options) {
  if (fg.get_feature<DestroyHandler>()) return;
  bool any = false;
  for (Apply* n : fg.apply_nodes()) any = any || !n->op().destroy_map().empty();
  if (!any) return;
  fg.attach_feature(std::make_shared<DestroyHandler>(options.destroyable, options.prechecked_only));
  try {
    fg.validate();
  } catch (const InconsistencyError& e) {
    throw CompileError(std::string("the graph holds in-place operations that are not safe: ") +
                       e.what());
  }
}

// Features that only served the rewrites: their bookkeeping would keep
// replaced nodes alive for the function's lifetime.
void detach_rewrite_features(FunctionGraph& fg, OptimizeSession* session) {
  if (session) fg.remove_feature(session);
  if (auto* t = fg.get_feature<ChangeTracker>()) fg.remove_feature(t);
  if (auto* s = fg.get_feature<ShapeFeature>()) fg.remove_feature(s);
  if (auto* m = fg.get_feature<detail::MergeTracker>()) fg.remove_feature(m);
}

}  // namespace

void optimize(FunctionGraph& fg, const Mode& mode, OptimizeReport* report,
              const OptimizeOptions& options) {
  auto t0 = std::chrono::steady_clock::now();
  Query query = mode_query(mode);
  std::shared_ptr<GraphRewriter> optimizer = standard_query(query);
  auto session = std::make_shared<OptimizeSession>();
  session->on_error = configured_on_error();
  session->verbose = mode.verbose;
  session->destroyable = options.destroyable;
  session->prechecked_only = options.prechecked_only;
  std::size_t before = fg.size();
  fg.attach_feature(session);
  try {
    guard_existing_destroyers(fg, options);
    if (optimizer) optimizer->apply(fg);
  } catch (...) {
    detach_rewrite_features(fg, session.get());
    throw;
  }
  detach_rewrite_features(fg, session.get());
  if (!report) return;
  *report = {};
  report->query = query.str();
  report->nodes_before = before;
  report->nodes_after = fg.size();
  report->steps = session->steps();
  report->applied = session->applied();
  report->warnings = session->warnings();
  for (const StepRecord& s : report->steps)
    if (s.depth == 0) report->entries.push_back({s.name, s.seconds, s.applied});
  report->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

std::string format_report(const OptimizeReport& r) {
  std::ostringstream os;
  char line[256];
  std::snprintf(line, sizeof line, "Optimizer profile (query \"%s\"): %zu -> %zu nodes, %.3f ms\n",
                r.query.c_str(), r.nodes_before, r.nodes_after, r.seconds * 1e3);
  os << line;
  std::snprintf(line, sizeof line, "  %-40s %10s %8s %16s\n", "step", "time (ms)", "changes",
                "nodes");
  os << line;
  for (const StepRecord& s : r.steps) {
    std::string name = std::string(2 * s.depth, ' ') + s.name;
    std::snprintf(line, sizeof line, "  %-40s %10.3f %8d %7zu -> %-7zu\n", name.c_str(),
                  s.seconds * 1e3, s.applied, s.nodes_before, s.nodes_after);
    os << line;
  }
  if (!r.applied.empty()) {
    os << "Rewrites applied:\n";
    for (const auto& [name, n] : r.applied) {
      std::snprintf(line, sizeof line, "  %-40s %8d\n", name.c_str(), n);
      os << line;
    }
  }
  for (const auto& w : r.warnings) os << "Warning: " << w << "\n";
  return os.str();
}

}  // namespace theano::optdb
