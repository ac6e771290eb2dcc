// The DestroyHandler's rules and the generic in-place insertion pass.
#include <algorithm>

#include "helpers.h"
#include "theano/core/errors.h"
#include "theano/optdb/destroy_handler.h"
#include "theano/optdb/graph_ops.h"
#include "theano/optdb/inplace.h"
#include "theano/optdb/optimizers.h"

namespace ottest {
namespace {

using namespace theano;
using namespace theano::optdb;

std::shared_ptr<DestroyHandler> attach_dh(FunctionGraph& fg,
                                          std::unordered_set<const Variable*> destroyable = {}) {
  auto dh = std::make_shared<DestroyHandler>(std::move(destroyable));
  fg.attach_feature(dh);
  return dh;
}

std::string refusal(const FunctionGraph& fg) {
  try {
    fg.validate();
  } catch (const InconsistencyError& e) {
    return e.what();
  }
  return "";
}

std::size_t position(const FunctionGraph& fg, const Var& v) {
  const auto& order = fg.toposort();
  return std::find(order.begin(), order.end(), v->owner()) - order.begin();
}

TEST_F(OptdbTest, ReadersOfAnOverwrittenValueRunFirst) {
  Var x = ot::vector("x");
  Var e = ot::exp(x);
  Var reader = ot::neg(e);
  Var writer = ot::add_inplace(e, x);
  auto fg = graph({x}, {writer, reader});
  attach_dh(*fg);
  EXPECT_EQ(refusal(*fg), "");
  EXPECT_LT(position(*fg, reader), position(*fg, writer));
}

TEST_F(OptdbTest, ReadingAValueAfterItWasOverwrittenIsRefused) {
  Var x = ot::vector("x");
  Var e = ot::exp(x);
  auto fg = graph({x}, {ot::add(ot::add_inplace(e, x), e)});
  attach_dh(*fg);
  std::string why = refusal(*fg);
  EXPECT_NE(why.find("OTAdd{inplace=-1}"), std::string::npos) << why;
  EXPECT_NE(why.find("depends on"), std::string::npos) << why;
}

TEST_F(OptdbTest, InputsAndConstantsAreProtectedUnlessDestroyable) {
  Var x = ot::vector("x"), y = ot::vector("y");
  auto fg = graph({x, y}, {ot::add_inplace(x, y)});
  auto dh = attach_dh(*fg);
  std::string why = refusal(*fg);
  EXPECT_NE(why.find("the function input x (not declared mutable)"), std::string::npos) << why;
  auto fg2 = graph({x, y}, {ot::add_inplace(x, y)});
  attach_dh(*fg2, {x.get()});
  EXPECT_EQ(refusal(*fg2), "");
  auto fg3 = graph({y}, {ot::add_inplace(ot::constant_vector({1, 2}), y)});
  attach_dh(*fg3, {y.get()});
  EXPECT_NE(refusal(*fg3).find("the constant"), std::string::npos);
}

TEST_F(OptdbTest, OverwrittenValuesMayNotBeOutputsNorOverwrittenTwice) {
  Var x = ot::vector("x");
  Var e = ot::exp(x);
  auto shown = graph({x}, {e, ot::add_inplace(e, x)});
  attach_dh(*shown);
  EXPECT_NE(refusal(*shown).find("also an output"), std::string::npos);
  Var f = ot::exp(x);
  auto twice = graph({x}, {ot::add_inplace(f, x), ot::apply("Mul", {f, x}, 0)});
  attach_dh(*twice);
  EXPECT_NE(refusal(*twice).find("already overwritten"), std::string::npos);
}

TEST_F(OptdbTest, ViewsShareTheFateOfTheirRoot) {
  Var x = ot::vector("x");
  Var e = ot::exp(x);
  Var v = view_op()->make_node({e})->output(0);
  Var reader = ot::neg(v);
  Var writer = ot::add_inplace(e, x);
  auto ok = graph({x}, {writer, reader});
  attach_dh(*ok);
  EXPECT_EQ(refusal(*ok), "");
  EXPECT_LT(position(*ok, reader), position(*ok, writer));
  auto bad = graph({x}, {ot::add(ot::add_inplace(e, x), v)});
  attach_dh(*bad);
  EXPECT_NE(refusal(*bad), "");
  Var xv = view_op()->make_node({x})->output(0);
  auto through_view = graph({x}, {ot::add_inplace(xv, x)});
  attach_dh(*through_view);
  EXPECT_NE(refusal(*through_view).find("function input x"), std::string::npos);
}

// add(a, b) -> add_inplace(a, b): legal or not depending on who reads a.
std::shared_ptr<LocalRewriter> make_add_inplace() {
  return std::make_shared<FunctionLocalRewriter>(
      "make_add_inplace", std::vector<std::string>{"OTAdd"},
      [](FunctionGraph&, Apply& n) -> std::optional<std::vector<Var>> {
        if (!n.op().destroy_map().empty()) return std::nullopt;
        return std::vector<Var>{ot::add_inplace(n.input(0), n.input(1))};
      });
}

TEST_F(OptdbTest, AnIllegalInPlaceRewriteIsRefusedAndALegalOneAccepted) {
  Var x = ot::vector("x");
  Var e = ot::exp(x);
  Var inner = ot::add(e, x);      // may not overwrite e: `outer` reads e after it
  Var outer = ot::add(inner, e);  // may overwrite `inner`, read by no one else
  auto fg = graph({x}, {outer});
  attach_dh(*fg);
  EXPECT_EQ(in2out(make_add_inplace())->apply(*fg), 1);
  Apply* out = fg->outputs()[0]->owner();
  EXPECT_FALSE(out->op().destroy_map().empty());
  EXPECT_TRUE(out->input(0)->owner()->op().destroy_map().empty());
  EXPECT_EQ(refusal(*fg), "");
  fg->check_integrity();
}

TEST_F(OptdbTest, SharedStorageIsOverwrittenLast) {
  Var x = ot::vector("x");
  auto w = shared(ot::array({1, 2}), "W");
  Var other = ot::neg(ot::exp(x));
  Var update = ot::add_inplace(w, ot::exp(x));
  auto fg = graph({x}, {update, other});
  attach_dh(*fg, {w.get()});
  EXPECT_EQ(refusal(*fg), "");
  EXPECT_EQ(position(*fg, update), fg->size() - 1);
  auto fg2 = graph({x}, {ot::add_inplace(w, x)});
  attach_dh(*fg2);  // W has no update in this function
  EXPECT_NE(refusal(*fg2).find("shared variable W"), std::string::npos);
}

TEST_F(OptdbTest, InplaceInsertionOverwritesWhatNoOneReadsLater) {
  Var x = ot::vector("x");
  Var v = x;
  for (int i = 0; i < 5; ++i) v = ot::exp(v);
  Var y = ot::exp(v);
  Var z = ot::add(ot::exp(y), y);  // exp(y) must not overwrite y; the add may overwrite exp(y)
  auto fg = graph({x}, {z});
  EXPECT_EQ(InplaceOptimizer().apply(*fg), 6);  // exps 2..6, and the add
  std::size_t inplace = 0;
  for (Apply* n : fg->apply_nodes()) inplace += !n->op().destroy_map().empty();
  EXPECT_EQ(inplace, 6u);
  Apply* add = fg->outputs()[0]->owner();
  EXPECT_EQ(add->op().destroy_map(), (IOMap{{0, {0}}}));
  EXPECT_TRUE(add->input(0)->owner()->op().destroy_map().empty());  // exp(y)
  ASSERT_TRUE(fg->get_feature<DestroyHandler>());
  EXPECT_EQ(refusal(*fg), "");
  EXPECT_EQ(InplaceOptimizer().apply(*fg), 0);
}

TEST_F(OptdbTest, InplaceInsertionUsesDestroyableInputsOnly) {
  Var x = ot::vector("x"), y = ot::vector("y");
  auto fg = graph({x, y}, {ot::mul(x, y)});
  EXPECT_EQ(InplaceOptimizer().apply(*fg), 0);
  auto fg2 = graph({x, y}, {ot::mul(x, y)});
  attach_dh(*fg2, {y.get()});
  EXPECT_EQ(InplaceOptimizer().apply(*fg2), 1);
  EXPECT_EQ(fg2->outputs()[0]->owner()->op().destroy_map(), (IOMap{{0, {1}}}));
}

}  // namespace
}  // namespace ottest
