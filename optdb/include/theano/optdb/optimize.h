// The entry point the compile pipeline calls: rewrite a graph as a mode says.
#pragma once

#include <string>
#include <vector>

#include "theano/core/fgraph.h"
#include "theano/core/mode.h"

namespace theano::optdb {

/// What happened during one optimize() call, for the optimizer profile.
struct OptimizeReport {
  struct Entry {
    std::string name;
    double seconds = 0;
    int applied = 0;  ///< rewrites that changed the graph
  };
  std::vector<Entry> entries;
  std::size_t nodes_before = 0;
  std::size_t nodes_after = 0;
  double seconds = 0;
};

/// Runs the optimizer query selected by `mode` (stages in phase order) on
/// `fg`. With mode.verbose, prints the graph after each phase to stderr.
void optimize(FunctionGraph& fg, const Mode& mode, OptimizeReport* report = nullptr);

}  // namespace theano::optdb
