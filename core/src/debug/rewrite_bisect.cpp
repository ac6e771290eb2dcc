// DebugMode's last resort when the outputs differ from the graph as written
// but no recorded replacement does: re-run the optimizer on a copy of the
// graph, one more phase each time, and name the first phase after which
// the reference values differ (see rewrite_check.h).
#include <algorithm>
#include <limits>
#include <map>

#include "node_checks.h"
#include "rewrite_check.h"
#include "theano/core/debug/value_report.h"
#include "theano/core/phases.h"
#include "theano/optdb/session.h"
#include "theano/optdb/standard.h"

namespace theano::debug {

namespace {

// The rewrites that changed the graph during phase `phase`: the steps run
// inside it that report changes, and the local rewrites whose count grew.
std::string changes_in(const std::string& phase, const optdb::OptimizeSession& session,
                       const std::map<std::string, int>& applied_before) {
  std::vector<std::string> names;
  auto add = [&](const std::string& n) {
    if (n != phase && std::find(names.begin(), names.end(), n) == names.end()) names.push_back(n);
  };
  bool inside = false;
  for (const optdb::StepRecord& r : session.steps()) {
    if (r.depth == 0)
      inside = r.name == phase;
    else if (inside && r.applied > 0)
      add(r.name);
  }
  for (const auto& [name, n] : session.applied()) {
    auto it = applied_before.find(name);
    if (it == applied_before.end() || it->second < n) add(name);
  }
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

}  // namespace

std::string RewriteChecker::blame_phase(const Roots& roots,
                                        const std::vector<Value>& expected) const {
  std::vector<std::string> phases = standard_phases();
  optdb::Query base = optdb::mode_query(mode_);
  std::map<std::string, int> applied_before;
  for (std::size_t p = 0; p < phases.size(); ++p) {
    double cutoff = p + 1 < phases.size() ? optdb::phase_position(phases[p + 1])
                                          : std::numeric_limits<double>::infinity();
    std::unique_ptr<FunctionGraph> g = original_->clone();
    auto session = std::make_shared<optdb::OptimizeSession>();
    session->on_error = optdb::OnError::Ignore;
    g->attach_feature(session);
    bool same = true;
    try {
      if (auto opt = optdb::standard_query(base.with_position_cutoff(cutoff))) opt->apply(*g);
      ReferenceEvaluator ev;
      roots.bind(ev, *g);
      for (std::size_t k = 0; k < expected.size(); ++k) {
        const Var& out = g->outputs()[k];
        same = same && out->type()->values_eq_approx(ev.eval(out.get()), expected[k]);
      }
    } catch (const std::exception&) {
      continue;
    }
    if (!same) {
      std::string rewrites = changes_in(phases[p], *session, applied_before);
      return phases[p] + (rewrites.empty() ? "" : " (rewrites applied in it: " + rewrites + ")");
    }
    applied_before = session->applied();
  }
  return "";
}

void RewriteChecker::check_outputs(const Program& program, const Frame& frame,
                                   const Roots& roots) const {
  if (!original_) return;
  ReferenceEvaluator ev;
  roots.bind(ev, *original_);
  std::vector<Value> expected;
  try {
    for (const Var& out : original_->outputs()) expected.push_back(ev.eval(out.get()));
  } catch (const std::exception&) {
    return;  // the graph as written cannot be evaluated with perform
  }
  const FunctionGraph& fg = program.fgraph();
  for (std::size_t k = 0; k < expected.size(); ++k) {
    const Value& actual = frame.cells[program.output_cells()[k]];
    if (fg.outputs()[k]->type()->values_eq_approx(actual, expected[k])) continue;
    const Apply* node = fg.outputs()[k]->owner();
    if (!node) node = original_->outputs()[k]->owner();
    if (!node) return;
    std::vector<Value> inputs;
    for (const Var& in : node->inputs()) {
      int c = program.cell_of(in.get());
      inputs.push_back(c >= 0 ? frame.cells[c] : Value());
    }
    std::string phase = blame_phase(roots, expected);
    std::string msg = "output " + std::to_string(k) + " of the function is " +
                      describe_value(actual) + ", but the graph as written gives " +
                      describe_value(expected[k]);
    if (phase.empty()) {
      fail_check("BadThunkOutput",
                 msg +
                     "; re-running the rewrites phase by phase keeps the values under perform, "
                     "so a kernel disagrees with its op's perform",
                 &fg, *node, -1, inputs);
    }
    fail_check(
        "BadOptimization",
        msg + "; re-running the rewrites phase by phase, the values change in phase " + phase, &fg,
        *node, -1, inputs, phase);
  }
}

}  // namespace theano::debug
