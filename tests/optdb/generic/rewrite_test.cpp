// Navigators and the equilibrium loop: which nodes they visit, fixed
// points, new nodes, and the guard against endless rewriting.
#include "helpers.h"
#include "theano/core/errors.h"
#include "theano/optdb/optimizers.h"
#include "theano/optdb/pattern.h"
#include "theano/optdb/session.h"

namespace ottest {
namespace {

using namespace theano;
using namespace theano::optdb;

std::shared_ptr<LocalRewriter> neg_neg() {
  return std::make_shared<PatternSub>("neg_neg", P::op("OTNeg", {P::op("OTNeg", {P::var("x")})}),
                                      P::var("x"));
}

std::shared_ptr<LocalRewriter> log1p_rule() {
  return std::make_shared<PatternSub>(
      "log1p", P::op("OTLog", {P::op("OTAdd", {P::constant(1), P::var("x")}).commutative()}),
      P::op("OTLog1p", {{"inplace", -1}}, {P::var("x")}));
}

// sub(a, b) -> add(a, neg(b))
std::shared_ptr<LocalRewriter> sub_to_add() {
  return std::make_shared<FunctionLocalRewriter>(
      "sub_to_add", std::vector<std::string>{"OTSub"},
      [](FunctionGraph&, Apply& n) -> std::optional<std::vector<Var>> {
        return std::vector<Var>{ot::add(n.input(0), ot::neg(n.input(1)))};
      });
}

// Records the ids of the nodes offered to it; never rewrites.
std::shared_ptr<LocalRewriter> spy(const std::string& op, std::vector<std::uint64_t>& seen) {
  return std::make_shared<FunctionLocalRewriter>(
      "spy", std::vector<std::string>{op},
      [&seen](FunctionGraph&, Apply& n) -> std::optional<std::vector<Var>> {
        seen.push_back(n.id());
        return std::nullopt;
      });
}

TEST_F(OptdbTest, TopoSweepVisitsOnlyTrackedNodesInOrder) {
  Var x = ot::vector("x");
  Var e1 = ot::exp(x);
  Var e2 = ot::exp(ot::neg(e1));
  Var e3 = ot::exp(ot::add(e2, x));
  auto fg = graph({x}, {e3});
  std::vector<std::uint64_t> seen;
  in2out(spy("OTExp", seen))->apply(*fg);
  EXPECT_EQ(seen,
            (std::vector<std::uint64_t>{e1->owner()->id(), e2->owner()->id(), e3->owner()->id()}));
  seen.clear();
  out2in(spy("OTExp", seen))->apply(*fg);
  EXPECT_EQ(seen,
            (std::vector<std::uint64_t>{e3->owner()->id(), e2->owner()->id(), e1->owner()->id()}));
}

TEST_F(OptdbTest, TopoSweepVisitsNodesItCreatesUnlessTold) {
  auto group = std::make_shared<LocalGroup>(
      "g", std::vector<std::shared_ptr<LocalRewriter>>{sub_to_add(), neg_neg()});
  for (bool ignore : {false, true}) {
    Var x = ot::vector("x"), y = ot::vector("y");
    auto fg = graph({x, y}, {ot::sub(x, ot::neg(y))});
    in2out(group, ignore)->apply(*fg);
    EXPECT_EQ(producer(*fg), "OTAdd");
    EXPECT_EQ(count(*fg, "OTNeg"), ignore ? 2u : 0u) << "ignore_newtrees=" << ignore;
  }
}

TEST_F(OptdbTest, EquilibriumReachesTheFixedPoint) {
  EquilibriumOptimizer::Options o;
  o.local = {neg_neg(), log1p_rule()};
  EquilibriumOptimizer eq("eq", o);
  Var x = ot::vector("x");
  Var v = x;
  for (int i = 0; i < 6; ++i) v = ot::neg(v);
  Var y = ot::log(ot::add(ot::constant(1), v));  // log(1 + x) once the negs cancel
  auto fg = graph({x}, {y});
  EXPECT_GT(eq.apply(*fg), 0);
  ASSERT_EQ(fg->size(), 1u);
  EXPECT_EQ(producer(*fg), "OTLog1p");
  EXPECT_EQ(fg->outputs()[0]->owner()->input(0), x);
  EXPECT_EQ(eq.apply(*fg), 0);  // nothing left to do
}

TEST_F(OptdbTest, EquilibriumVisitsOnlyCandidatesAndChangedNodes) {
  std::vector<std::uint64_t> neg_seen, exp_seen;
  EquilibriumOptimizer::Options o;
  o.local = {spy("OTNeg", neg_seen), neg_neg(), spy("OTExp", exp_seen)};
  EquilibriumOptimizer eq("eq", o);
  Var x = ot::vector("x");
  Var v = x;
  for (int i = 0; i < 2000; ++i) v = ot::exp(v);
  auto fg = graph({x}, {ot::neg(ot::neg(v))});
  eq.apply(*fg);
  EXPECT_EQ(count(*fg, "OTNeg"), 0u);
  EXPECT_LE(neg_seen.size(), 4u);             // the two negs, not the 2000 exps
  EXPECT_LE(exp_seen.size(), 2u * 2000 + 4);  // one sweep, one confirming sweep
}

std::shared_ptr<LocalRewriter> swap_op(const std::string& name, const std::string& from,
                                       const std::string& to) {
  return std::make_shared<FunctionLocalRewriter>(
      name, std::vector<std::string>{from},
      [to](FunctionGraph&, Apply& n) -> std::optional<std::vector<Var>> {
        return std::vector<Var>{ot::apply(to, {n.input(0)})};
      });
}

TEST_F(OptdbTest, EquilibriumGuardStopsALoopAndNamesTheRewrite) {
  EquilibriumOptimizer::Options o;
  o.local = {swap_op("exp_to_log", "OTExp", "Log"), swap_op("log_to_exp", "OTLog", "Exp")};
  o.max_use_ratio = 5;
  EquilibriumOptimizer eq("looping", o);
  Var x = ot::vector("x");
  auto fg = graph({x}, {ot::exp(ot::neg(x))});
  auto session = std::make_shared<OptimizeSession>();
  session->on_error = OnError::Warn;
  fg->attach_feature(session);
  eq.apply(*fg);
  ASSERT_EQ(session->warnings().size(), 1u);
  const std::string& w = session->warnings()[0];
  EXPECT_NE(w.find("equilibrium 'looping' stopped"), std::string::npos) << w;
  EXPECT_NE(w.find("rewrite 'exp_to_log' was applied 11 times"), std::string::npos) << w;
  fg->check_integrity();

  session->on_error = OnError::Raise;
  try {
    eq.apply(*fg);
    FAIL() << "expected CompileError";
  } catch (const CompileError& e) {
    EXPECT_NE(std::string(e.what()).find("was applied"), std::string::npos) << e.what();
  }
}

TEST_F(OptdbTest, EmptyEquilibriumDoesNothing) {
  EquilibriumOptimizer eq("empty", {});
  EXPECT_TRUE(eq.empty());
  Var x = ot::vector("x");
  auto fg = graph({x}, {ot::neg(ot::neg(x))});
  EXPECT_EQ(eq.apply(*fg), 0);
  EXPECT_EQ(fg->size(), 2u);
}

}  // namespace
}  // namespace ottest
