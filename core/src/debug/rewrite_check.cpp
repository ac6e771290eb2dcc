// DebugMode's rewrite check (see rewrite_check.h).
#include "rewrite_check.h"

#include <unordered_map>

#include "node_checks.h"
#include "reference_eval.h"
#include "run_state.h"
#include "theano/core/debug/value_report.h"
#include "theano/core/phases.h"
#include "theano/core/printing.h"
#include "theano/optdb/session.h"
#include "theano/optdb/standard.h"

namespace theano::debug {

class RewriteChecker::Recorder final : public Feature {
 public:
  void on_change_input(FunctionGraph& fg, Apply*, int, const Var& old_var, const Var& new_var,
                       const std::string& reason) override {
    if (old_var == new_var) return;
    if (reason == "revert") {
      undo(old_var, new_var);
      return;
    }
    reverted_ = {};
    if (!log.empty() && log.back().old_var == old_var && log.back().new_var == new_var) return;
    auto [step, phase] = running_step(fg);
    log.push_back({old_var, new_var, reason.empty() ? step : reason, phase});
  }
  std::vector<Replacement> log;

 private:
  // A rolled-back replacement is forgotten (each client reports the undo).
  void undo(const Var& old_var, const Var& new_var) {
    if (reverted_.first == new_var.get() && reverted_.second == old_var.get()) return;
    for (auto it = log.rbegin(); it != log.rend(); ++it) {
      if (it->old_var != new_var || it->new_var != old_var) continue;
      log.erase(std::next(it).base());
      reverted_ = {new_var.get(), old_var.get()};
      return;
    }
  }
  // The innermost optimizer step running now, and the top-level stage.
  static std::pair<std::string, std::string> running_step(const FunctionGraph& fg) {
    const optdb::OptimizeSession* s = optdb::OptimizeSession::of(fg);
    if (!s) return {"(unknown rewrite)", ""};
    std::string step = "(unknown rewrite)", phase;
    for (const optdb::StepRecord& r : s->steps()) {
      if (r.depth == s->depth() - 1) step = r.name;
      if (r.depth == 0) phase = r.name;
    }
    return {step, phase};
  }
  std::pair<const Variable*, const Variable*> reverted_{nullptr, nullptr};
};

void RewriteChecker::before_optimize(FunctionGraph& fg) {
  original_ = fg.clone();
  recorder_ = std::make_shared<Recorder>();
  fg.attach_feature(recorder_);
}

void RewriteChecker::after_optimize(FunctionGraph& fg) {
  if (recorder_) fg.remove_feature(recorder_.get());
}

const std::vector<Replacement>& RewriteChecker::replacements() const {
  static const std::vector<Replacement> none;
  return recorder_ ? recorder_->log : none;
}

void RewriteChecker::run_begin(const Program& program, const Frame& frame) const {
  Roots& roots = RunStates<Roots>::begin(this);
  for (int c : program.input_cells()) roots.inputs.push_back(frame.cells[c].deep_copy());
  for (const auto& [c, v] : program.shared_cells()) {
    auto* sv = static_cast<const SharedVariable*>(v);
    roots.shared[sv->container().get()] = frame.cells[c].deep_copy();
  }
}

void RewriteChecker::run_end(const Program& program, const Frame& frame) const {
  std::unique_ptr<Roots> roots = RunStates<Roots>::end(this);
  if (!roots) return;
  check_replacements(program, *roots);
  check_outputs(program, frame, *roots);
}

namespace {

std::string replaced_text(const Replacement& r) {
  std::string old_text = r.old_var->owner() ? node_str(*r.old_var->owner()) : r.old_var->str();
  std::string new_text = r.new_var->owner() ? node_str(*r.new_var->owner()) : r.new_var->str();
  return "rewrite '" + r.rewrite + "'" + (r.phase.empty() ? "" : " (phase " + r.phase + ")") +
         " replaced " + old_text + " by " + new_text;
}

std::vector<Value> input_values(ReferenceEvaluator& ev, const Apply& node) {
  std::vector<Value> out;
  for (const Var& in : node.inputs()) out.push_back(ev.has(in.get()) ? ev.eval(in.get()) : Value());
  return out;
}

}  // namespace

void RewriteChecker::check_replacements(const Program& program, const Roots& roots) const {
  if (!recorder_) return;
  // The replaced subgraphs read the optimized graph's own input variables.
  ReferenceEvaluator ev;
  roots.bind(ev, program.fgraph());
  for (const Replacement& r : recorder_->log) {
    Value before, after;
    try {
      before = ev.eval(r.old_var.get());
      after = ev.eval(r.new_var.get());
    } catch (const std::exception&) {
      continue;  // a side cannot be evaluated on these inputs: nothing to compare
    }
    if (r.old_var->type()->values_eq_approx(before, after)) continue;
    const Apply* node = r.old_var->owner() ? r.old_var->owner() : r.new_var->owner();
    DebugPrintOptions dp;
    dp.depth = 3;
    std::string msg = replaced_text(r) + ", which changes the value: before " +
                      describe_value(before) + ", after " + describe_value(after) +
                      "\nThe replacement:\n" + debugprint(r.new_var, dp);
    fail_check("BadOptimization", msg, nullptr, *node, -1, input_values(ev, *node), r.rewrite);
  }
}

}  // namespace theano::debug
