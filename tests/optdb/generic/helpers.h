// Shared helpers of the optimizer tests.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "ot_ops.h"
#include "theano/core/fgraph.h"
#include "theano/core/printing.h"

namespace ottest {

using theano::FunctionGraph;
using theano::Var;

/// Every test starts with the test plugin loaded.
class OptdbTest : public ::testing::Test {
 protected:
  void SetUp() override { ot::init(); }
};

/// A graph over `inputs` and `outputs`, without cloning (so the test's
/// variables are the graph's).
inline std::unique_ptr<FunctionGraph> graph(std::vector<Var> inputs, std::vector<Var> outputs) {
  return std::make_unique<FunctionGraph>(std::move(inputs), std::move(outputs), false);
}

/// Nodes of op `name` in `fg`.
inline std::size_t count(const FunctionGraph& fg, const std::string& name) {
  return fg.nodes_with_op(name).size();
}

/// The op name computing output `k` of `fg` ("" for a root).
inline std::string producer(const FunctionGraph& fg, int k = 0) {
  auto* owner = fg.outputs().at(k)->owner();
  return owner ? owner->op().name() : "";
}

}  // namespace ottest
