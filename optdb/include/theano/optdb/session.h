// What an optimize() run carries along: a Feature attached to the graph
// while the rewrites run, so every rewriter can report what it did (the
// optimizer profile), learn the error policy, and know which inputs the
// function may overwrite — without global state, so that functions can be
// compiled from several threads at once.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <unordered_set>
#include <vector>

#include "theano/core/fgraph.h"

namespace theano::optdb {

/// What to do when a rewrite throws (the `on_opt_error` flag).
enum class OnError { Warn, Raise, Ignore };

/// One timed step of the pipeline (a stage, or an optimizer inside one).
struct StepRecord {
  std::string name;
  int depth = 0;  ///< 0 for top-level stages
  double seconds = 0;
  int applied = 0;  ///< changes the step made
  std::size_t nodes_before = 0;
  std::size_t nodes_after = 0;
};

class OptimizeSession : public Feature {
 public:
  /// The session attached to `fg`, or nullptr outside optimize().
  static OptimizeSession* of(const FunctionGraph& fg);

  OnError on_error = OnError::Raise;
  /// Print each top-level stage's graph to stderr.
  bool verbose = false;
  /// Root variables (inputs, shared variables) the function may overwrite.
  std::unordered_set<const Variable*> destroyable;
  /// Those of them only PrecheckedOps may overwrite, as a final step.
  std::unordered_set<const Variable*> prechecked_only;

  /// Counts `n` applications of the rewrite `name`.
  void note_applied(const std::string& name, int n = 1) { applied_[name] += n; }
  void warn(std::string message) { warnings_.push_back(std::move(message)); }
  /// Opens a step; returns its index for close_step.
  std::size_t open_step(const std::string& name, std::size_t nodes);
  void close_step(std::size_t index, double seconds, int applied, std::size_t nodes);
  int depth() const { return depth_; }

  const std::map<std::string, int>& applied() const { return applied_; }
  const std::vector<std::string>& warnings() const { return warnings_; }
  const std::vector<StepRecord>& steps() const { return steps_; }

 private:
  std::map<std::string, int> applied_;
  std::vector<std::string> warnings_;
  std::vector<StepRecord> steps_;
  int depth_ = 0;
};

/// Handles an exception thrown by rewrite `name` on `where` (a node
/// description, may be empty) under the session's policy: Raise rethrows as
/// CompileError, Warn records and prints a warning, Ignore drops it. Call it
/// from inside a catch block.
void handle_rewrite_failure(FunctionGraph& fg, const std::string& name, const std::string& where);

/// Records a warning (on stderr too) in the session, or prints it when none.
void report_warning(FunctionGraph& fg, const std::string& message);

}  // namespace theano::optdb
