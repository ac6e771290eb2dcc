// MergeOptimizer, constant folding, OpSub / OpRemove, PatternSub and the
// source locations rewrites leave on the nodes they build.
#include "helpers.h"
#include "theano/core/errors.h"
#include "theano/optdb/graph_ops.h"
#include "theano/optdb/optimizers.h"
#include "theano/optdb/pattern.h"

namespace ottest {
namespace {

using namespace theano;
using namespace theano::optdb;

const Constant& as_constant(const Var& v) {
  auto* c = dynamic_cast<const Constant*>(v.get());
  if (!c) throw std::runtime_error(v->str() + " is not a constant");
  return *c;
}

TEST_F(OptdbTest, MergeUnifiesEqualConstantsAndComputations) {
  Var x = ot::vector("x"), y = ot::vector("y");
  Var a1 = ot::mul(ot::add(x, y), ot::constant(2));
  Var a2 = ot::mul(ot::add(x, y), ot::constant(2));  // same again, other constant object
  Var b = ot::mul(ot::add(x, y), ot::constant(3));   // a different constant
  auto fg = graph({x, y}, {ot::sub(a1, a2), b});
  ASSERT_EQ(fg->size(), 7u);
  MergeOptimizer merge;
  EXPECT_EQ(merge.apply(*fg), 4);  // the constant 2, two adds, then one mul
  EXPECT_EQ(fg->size(), 4u);       // add, mul(.,2), mul(.,3), sub
  Apply* sub = fg->outputs()[0]->owner();
  EXPECT_EQ(sub->input(0), sub->input(1));
  EXPECT_EQ(fg->outputs()[1]->owner()->input(0), sub->input(0)->owner()->input(0));
  fg->check_integrity();
}

TEST_F(OptdbTest, MergeIsIdempotent) {
  Var x = ot::vector("x");
  Var t = ot::exp(ot::neg(x));
  auto fg = graph({x}, {ot::add(ot::exp(ot::neg(x)), t), ot::add(t, ot::exp(ot::neg(x)))});
  MergeOptimizer merge;
  EXPECT_GT(merge.apply(*fg), 0);
  std::string once = debugprint(*fg);
  std::size_t size = fg->size();
  EXPECT_EQ(merge.apply(*fg), 0);
  EXPECT_EQ(debugprint(*fg), once);
  EXPECT_EQ(fg->size(), size);
  EXPECT_EQ(size, 3u);  // neg, exp, add: the two adds become equal once their operands are
}

TEST_F(OptdbTest, MergeNeverMergesNodesThatDestroyAnInput) {
  Var x = ot::vector("x"), y = ot::vector("y");
  auto fg = graph({x, y}, {ot::add_inplace(ot::exp(x), y), ot::add_inplace(ot::exp(x), y)});
  MergeOptimizer merge;
  EXPECT_EQ(merge.apply(*fg), 1);  // the exps only
  EXPECT_EQ(count(*fg, "OTExp"), 1u);
  EXPECT_EQ(count(*fg, "OTAdd"), 2u);
}

TEST_F(OptdbTest, ConstantFoldingEvaluatesConstantSubgraphs) {
  Var x = ot::vector("x");
  Var folded =
      ot::mul(ot::add(ot::constant_vector({1, 2}), ot::constant_vector({10, 20})), ot::constant(3));
  auto fg = graph({x}, {ot::add(x, folded)});
  EXPECT_EQ(in2out(std::make_shared<ConstantFolding>())->apply(*fg), 2);
  ASSERT_EQ(fg->size(), 1u);
  const Var& c = fg->outputs()[0]->owner()->input(1);
  EXPECT_EQ(ot::values(as_constant(c).value()), (std::vector<double>{33, 66}));
  EXPECT_TRUE(same_type(c->type(), folded->type()));
}

// An identity the optimizer must not evaluate at compile time.
class NoFoldOp final : public Op {
 public:
  std::string name() const override { return "OTNoFold"; }
  ApplyPtr make_node(std::vector<Var> in) const override {
    TypePtr t = in[0]->type();
    return build(std::move(in), {t});
  }
  void perform(const Apply&, InputRefs in, OutputRefs out) const override { out[0] = in[0]; }
  bool do_constant_folding(const Apply&) const override { return false; }
};

TEST_F(OptdbTest, ConstantFoldingRespectsTheOpsRefusal) {
  Var c = std::make_shared<NoFoldOp>()->make_node({ot::constant_vector({1, 2})})->output(0);
  auto fg = graph({}, {ot::neg(c)});
  EXPECT_EQ(in2out(std::make_shared<ConstantFolding>())->apply(*fg), 0);
  EXPECT_EQ(fg->size(), 2u);
}

TEST_F(OptdbTest, OpSubAndOpRemove) {
  Var x = ot::vector("x"), y = ot::vector("y");
  auto fg = graph({x, y}, {ot::add(view_op()->make_node({x})->output(0), y)});
  EXPECT_EQ(in2out(std::make_shared<OpRemove>(view_op()))->apply(*fg), 1);
  EXPECT_EQ(fg->outputs()[0]->owner()->input(0), x);
  EXPECT_EQ(in2out(std::make_shared<OpSub>(ot::op("Add"), ot::op("Mul")))->apply(*fg), 1);
  EXPECT_EQ(producer(*fg), "OTMul");
  EXPECT_EQ(fg->outputs()[0]->owner()->input(1), y);
  // An in-place add is a different op: OpSub of the plain one leaves it.
  auto fg2 = graph({x, y}, {ot::add_inplace(ot::exp(x), y)});
  EXPECT_EQ(in2out(std::make_shared<OpSub>(ot::op("Add"), ot::op("Mul")))->apply(*fg2), 0);
}

std::shared_ptr<LocalRewriter> log1p_rule(bool multi = false) {
  return std::make_shared<PatternSub>(
      "log1p", P::op("OTLog", {P::op("OTAdd", {P::constant(1), P::var("x")}).commutative()}),
      P::op("OTLog1p", {{"inplace", -1}}, {P::var("x")}), multi);
}

TEST_F(OptdbTest, PatternSubRewritesDeclaratively) {
  Var x = ot::vector("x");
  for (bool swapped : {false, true}) {
    Var sum = swapped ? ot::add(x, ot::constant(1)) : ot::add(ot::constant(1), x);
    auto fg = graph({x}, {ot::log(sum)});
    EXPECT_EQ(in2out(log1p_rule())->apply(*fg), 1);
    EXPECT_EQ(producer(*fg), "OTLog1p");
    EXPECT_EQ(fg->outputs()[0]->owner()->input(0), x);
  }
  auto two = graph({x}, {ot::log(ot::add(ot::constant(2), x))});
  EXPECT_EQ(in2out(log1p_rule())->apply(*two), 0);  // constant 2 is not 1
  auto ones = graph({x}, {ot::log(ot::add(ot::constant_vector({1, 1, 1}), x))});
  EXPECT_EQ(in2out(log1p_rule())->apply(*ones), 1);  // every element is 1
}

TEST_F(OptdbTest, PatternSubLeavesSharedInnerNodesUnlessAllowed) {
  Var x = ot::vector("x");
  Var sum = ot::add(ot::constant(1), x);
  auto fg = graph({x}, {ot::log(sum), ot::neg(sum)});
  EXPECT_EQ(in2out(log1p_rule())->apply(*fg), 0);
  EXPECT_EQ(in2out(log1p_rule(true))->apply(*fg), 1);
  EXPECT_EQ(producer(*fg), "OTLog1p");
}

TEST_F(OptdbTest, PatternVariablesUsedTwiceMustBindTheSameVariable) {
  auto rule = std::make_shared<PatternSub>("x_minus_x", P::op("OTSub", {P::var("x"), P::var("x")}),
                                           P::constant(0));
  Var s = ot::scalar("s"), t = ot::scalar("t");
  auto same = graph({s}, {ot::sub(s, s)});
  EXPECT_EQ(in2out(rule)->apply(*same), 1);
  ASSERT_EQ(same->size(), 0u);
  EXPECT_EQ(ot::values(as_constant(same->outputs()[0]).value()), (std::vector<double>{0}));
  auto different = graph({s, t}, {ot::sub(s, t)});
  EXPECT_EQ(in2out(rule)->apply(*different), 0);
  EXPECT_THROW(PatternSub("bad", P::var("x"), P::var("x")), ValueError);
}

TEST_F(OptdbTest, RewrittenNodesKeepTheUsersSourceLocation) {
  Var x = ot::vector("x");
  Var sum = ot::op("Add")->apply1({ot::constant(1), x});
  Var y = ot::op("Log")->apply1({sum});  // this line is what errors should point at
  int line = y->owner()->loc().line;
  ASSERT_GT(line, 0);
  auto fg = graph({x}, {y});
  EXPECT_EQ(in2out(log1p_rule())->apply(*fg), 1);
  Apply* node = fg->outputs()[0]->owner();
  EXPECT_EQ(node->op().name(), "OTLog1p");
  EXPECT_EQ(node->loc().line, line);
  EXPECT_EQ(fg->outputs()[0]->tag().loc.line, line);
}

}  // namespace
}  // namespace ottest

namespace ottest {
namespace {

// Graphs far deeper than the stack is high: rewriting and freeing them must
// not recurse once per node.
TEST_F(OptdbTest, VeryDeepGraphsAreRewrittenAndFreed) {
  Var x = ot::vector("x");
  Var v = x;
  for (int i = 0; i < 300000; ++i) v = ot::neg(v);
  {
    auto fg = graph({x}, {v});
    EXPECT_EQ(theano::optdb::MergeOptimizer().apply(*fg), 0);
    EXPECT_EQ(fg->size(), 300000u);
  }
  v.reset();  // the last reference to the whole chain
  SUCCEED();
}

}  // namespace
}  // namespace ottest
