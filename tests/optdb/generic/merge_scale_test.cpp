// Merging many nodes of different ops that read the same inputs (as the
// Composites fusion builds all read x and y): nodes are indexed by op hash
// and inputs, so only equal ops meet, and exactly the twins are merged.
#include "helpers.h"
#include "theano/optdb/optimizers.h"

namespace ottest {
namespace {

using namespace theano;
using namespace theano::optdb;

// "MergeScale" with a parameter: one name, many different ops.
class ScaleOp final : public Op {
 public:
  explicit ScaleOp(int k) : k_(k) {}
  std::string name() const override { return "MergeScale"; }
  Props props() const override { return Props{{"k", k_}}; }
  ApplyPtr make_node(std::vector<Var> inputs) const override {
    return build(inputs, {inputs.at(0)->type()});
  }
  void perform(const Apply&, InputRefs, OutputRefs) const override {
    throw std::logic_error("MergeScale is never run");
  }

 private:
  int k_;
};

Var scale(int k, const Var& x, const Var& y) {
  return std::make_shared<ScaleOp>(k)->make_node({x, y})->output(0);
}

TEST_F(OptdbTest, MergeOfThousandsOfOpsOnTheSameInputsMergesExactlyTheTwins) {
  Var x = ot::vector("x"), y = ot::vector("y");
  constexpr int kOps = 3000;
  std::vector<Var> outputs;
  for (int k = 0; k < kOps; ++k) outputs.push_back(scale(k, x, y));
  for (int k = 0; k < kOps; k += 3) outputs.push_back(scale(k, x, y));  // twins, new op objects
  outputs.push_back(scale(0, y, x));  // same op, other input order: not a twin
  auto fg = graph({x, y}, outputs);
  ASSERT_EQ(fg->size(), static_cast<std::size_t>(kOps + kOps / 3 + 1));
  MergeOptimizer merge;
  EXPECT_EQ(merge.apply(*fg), kOps / 3);
  EXPECT_EQ(fg->size(), static_cast<std::size_t>(kOps + 1));
  for (int i = 0; i < kOps / 3; ++i)
    EXPECT_EQ(fg->outputs()[kOps + i], fg->outputs()[3 * i]) << "twin of k = " << 3 * i;
  EXPECT_NE(fg->outputs().back(), fg->outputs()[0]);
  fg->check_integrity();
}

}  // namespace
}  // namespace ottest
