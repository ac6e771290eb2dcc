// The workloads of shared/bench/WORKLOADS.md whose functions the compile
// benchmark compiles (graph built once; compiling is what is timed).
#pragma once

#include <string>
#include <vector>

#include "theano/core/function.h"

namespace bench_compile {

/// One function to compile: its bench id ("C4" for W4), what it is, and
/// the arguments of theano::function.
struct Workload {
  std::string id;
  std::string what;
  std::vector<theano::In> inputs;
  std::vector<theano::Out> outputs;
  theano::FunctionOptions options;
};

/// W1, W2, W3, W4, W5, W9 and W10 (the plugins must be initialized).
std::vector<Workload> training_workloads();

}  // namespace bench_compile
