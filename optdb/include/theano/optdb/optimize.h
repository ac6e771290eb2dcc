// The entry point the compile pipeline calls: rewrite a graph as a mode says.
#pragma once

#include <map>
#include <string>
#include <unordered_set>
#include <vector>

#include "theano/core/fgraph.h"
#include "theano/core/mode.h"
#include "theano/optdb/session.h"

namespace theano::optdb {

/// What happened during one optimize() call, for the optimizer profile.
struct OptimizeReport {
  struct Entry {
    std::string name;
    double seconds = 0;
    int applied = 0;  ///< rewrites that changed the graph
  };
  /// Top-level stages, in order.
  std::vector<Entry> entries;
  std::size_t nodes_before = 0;
  std::size_t nodes_after = 0;
  double seconds = 0;
  /// The query that ran ("+fast_run -inplace").
  std::string query;
  /// Every timed step (stages and the optimizers inside them), depth-first.
  std::vector<StepRecord> steps;
  /// How many times each rewrite changed the graph.
  std::map<std::string, int> applied;
  /// Rewrites that failed or looped (see on_opt_error).
  std::vector<std::string> warnings;
};

/// What the compile pipeline knows about the graph beyond the mode.
struct OptimizeOptions {
  /// Root variables of the graph (inputs marked mutable, shared variables
  /// that have an update) whose storage in-place ops may overwrite.
  std::unordered_set<const Variable*> destroyable;
  /// Those of `destroyable` only ops that check their inputs first may
  /// overwrite, as a final step (see PrecheckedOp).
  std::unordered_set<const Variable*> prechecked_only;
};

/// Runs the optimizer query selected by `mode` (stages in phase order) on
/// `fg`. With mode.verbose, prints the graph after each phase to stderr.
/// A graph that already holds in-place ops gets a DestroyHandler first, and
/// a CompileError if they are not safe.
void optimize(FunctionGraph& fg, const Mode& mode, OptimizeReport* report = nullptr,
              const OptimizeOptions& options = {});

/// The report as a readable table (Theano's optimizer profile).
std::string format_report(const OptimizeReport& report);

}  // namespace theano::optdb
