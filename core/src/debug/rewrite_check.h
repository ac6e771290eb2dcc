// Internal: DebugMode's check that every rewrite keeps the values. While
// the rewrites run, a Feature records each replacement (old variable, new
// variable, the rewrite's name and phase), keeping the replaced subgraphs
// alive. After each call, both sides of every replacement are evaluated
// with the reference perform on the call's inputs, in the order the
// rewrites happened; the first pair that differs names the rewrite. If
// the outputs differ from the unrewritten graph's although no recorded
// pair does, the optimizer is re-run phase by phase on a copy to name the
// phase that changed them.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "reference_eval.h"
#include "theano/core/linker.h"
#include "theano/core/mode.h"

namespace theano::debug {

struct Replacement {
  Var old_var;
  Var new_var;
  std::string rewrite;  ///< the reason given to the FunctionGraph, or the step running
  std::string phase;    ///< the top-level stage running
};

class RewriteChecker {
 public:
  explicit RewriteChecker(Mode mode) : mode_(std::move(mode)) {}
  /// Copies the graph as given and starts recording replacements.
  void before_optimize(FunctionGraph& fg);
  void after_optimize(FunctionGraph& fg);
  void run_begin(const Program& program, const Frame& frame) const;
  /// Throws DebugModeError "BadOptimization" naming the rewrite.
  void run_end(const Program& program, const Frame& frame) const;
  const std::vector<Replacement>& replacements() const;

 private:
  class Recorder;
  /// The values a run started from: inputs by position, shared values by
  /// container (a copy of the graph shares its shared variables' containers).
  struct Roots {
    std::vector<Value> inputs;
    std::unordered_map<const Container*, Value> shared;
    void bind(ReferenceEvaluator& ev, const FunctionGraph& fg) const {
      for (std::size_t i = 0; i < inputs.size() && i < fg.inputs().size(); ++i)
        ev.bind(fg.inputs()[i].get(), inputs[i]);
      for (const auto& [c, v] : shared) ev.bind_shared(c, v);
    }
  };
  void check_replacements(const Program& program, const Roots& roots) const;
  void check_outputs(const Program& program, const Frame& frame, const Roots& roots) const;
  /// The phase whose rewrites change the outputs from `expected`, with the
  /// rewrites applied in it; empty when no phase does.
  std::string blame_phase(const Roots& roots, const std::vector<Value>& expected) const;
  Mode mode_;
  std::shared_ptr<Recorder> recorder_;
  std::unique_ptr<FunctionGraph> original_;
};

}  // namespace theano::debug
