// FunctionGraph: clients, replacement, pruning, features and rollback.
#include <gtest/gtest.h>

#include "testops/testops.h"
#include "theano/core/fgraph.h"

using namespace theano;

namespace {

struct Fixture : ::testing::Test {
  Var x = testops::dvector("x");
  Var y = testops::dvector("y");
  void SetUp() override { testops::init(); }
};

// Counts notifications and can veto graphs containing a chosen op.
class Recorder : public Feature {
 public:
  int imports = 0, prunes = 0, changes = 0;
  std::string forbidden;
  void on_import(FunctionGraph&, Apply&, const std::string&) override { ++imports; }
  void on_prune(FunctionGraph&, Apply&, const std::string&) override { ++prunes; }
  void on_change_input(FunctionGraph&, Apply*, int, const Var&, const Var&, const std::string&) override {
    ++changes;
  }
  void validate(const FunctionGraph& fg) const override {
    if (!forbidden.empty() && !fg.nodes_with_op(forbidden).empty())
      throw InconsistencyError("graph contains forbidden op " + forbidden);
  }
};

}  // namespace

using FunctionGraphTest = Fixture;

TEST_F(FunctionGraphTest, ClonesByDefaultAndTracksClients) {
  Var a = testops::neg(x);
  Var out = testops::add(a, x);
  FunctionGraph fg({x}, {out});
  EXPECT_EQ(fg.size(), 2u);
  EXPECT_NE(fg.outputs()[0].get(), out.get()) << "the user's graph is cloned";
  const Var& fx = fg.inputs()[0];
  EXPECT_EQ(fg.clients(fx.get()).size(), 2u) << "x feeds neg and add";
  EXPECT_EQ(fg.nodes_with_op("TestNeg").size(), 1u);
  fg.check_integrity();
}

TEST_F(FunctionGraphTest, ReplacePrunesTheOldNodes) {
  Var out = testops::neg(testops::neg(x));
  FunctionGraph fg({x}, {out});
  auto rec = std::make_shared<Recorder>();
  fg.attach_feature(rec);
  const Var& inner = fg.outputs()[0]->owner()->input(0);
  fg.replace(fg.outputs()[0], inner->owner()->input(0), "double negation");
  EXPECT_EQ(fg.outputs()[0].get(), fg.inputs()[0].get());
  EXPECT_EQ(fg.size(), 0u);
  EXPECT_EQ(rec->prunes, 2);
  EXPECT_EQ(rec->changes, 1);
  fg.check_integrity();
}

TEST_F(FunctionGraphTest, ReplaceImportsNewNodes) {
  Var out = testops::neg(x);
  FunctionGraph fg({x}, {out});
  auto rec = std::make_shared<Recorder>();
  fg.attach_feature(rec);
  Var fresh = testops::mul(fg.inputs()[0], fg.inputs()[0]);
  fg.replace(fg.outputs()[0], testops::add(fresh, fresh));
  EXPECT_EQ(rec->imports, 2);
  EXPECT_EQ(fg.size(), 2u);
  EXPECT_EQ(fg.toposort().back()->op().name(), "TestAdd");
  fg.check_integrity();
}

TEST_F(FunctionGraphTest, ReplaceRefusesAnotherType) {
  FunctionGraph fg({x}, {testops::neg(x)});
  Var f = testops::fvector("f");
  EXPECT_THROW(fg.replace(fg.outputs()[0], f, "bad"), TypeError);
}

TEST_F(FunctionGraphTest, ReplaceAllValidateRollsBackOnVeto) {
  FunctionGraph fg({x, y}, {testops::add(x, y)});
  auto rec = std::make_shared<Recorder>();
  rec->forbidden = "TestMul";
  fg.attach_feature(rec);
  Var before = fg.outputs()[0];
  Var product = testops::mul(fg.inputs()[0], fg.inputs()[1]);
  EXPECT_THROW(fg.replace_all_validate({{before, product}}, "try mul"), InconsistencyError);
  EXPECT_EQ(fg.outputs()[0].get(), before.get()) << "the change was undone";
  EXPECT_TRUE(fg.nodes_with_op("TestMul").empty());
  EXPECT_EQ(fg.size(), 1u);
  fg.check_integrity();
  Var negated = testops::neg(fg.inputs()[0]);
  fg.replace_all_validate({{before, negated}}, "allowed");
  EXPECT_EQ(fg.outputs()[0].get(), negated.get());
}

TEST_F(FunctionGraphTest, MissingInputIsReported) {
  Var z = testops::dvector("z");
  try {
    FunctionGraph fg({x}, {testops::add(x, z)});
    FAIL();
  } catch (const CompileError& e) {
    EXPECT_NE(std::string(e.what()).find("missing input: z"), std::string::npos) << e.what();
  }
}

TEST_F(FunctionGraphTest, ToposortHonoursFeatureOrderings) {
  class RunLast : public Feature {
   public:
    std::map<Apply*, std::vector<Apply*>> orderings(const FunctionGraph& fg) const override {
      auto negs = fg.nodes_with_op("TestNeg");
      auto muls = fg.nodes_with_op("TestMul");
      return {{negs.at(0), muls}};  // neg after mul, though independent
    }
  };
  FunctionGraph fg({x, y}, {testops::neg(x), testops::mul(y, y)});
  EXPECT_EQ(fg.toposort().front()->op().name(), "TestNeg");
  fg.attach_feature(std::make_shared<RunLast>());
  fg.replace(fg.outputs()[1], testops::mul(fg.inputs()[1], fg.inputs()[1]));  // invalidate the cache
  EXPECT_EQ(fg.toposort().front()->op().name(), "TestMul");
}

TEST_F(FunctionGraphTest, CloneIsIndependent) {
  FunctionGraph fg({x}, {testops::neg(x)});
  CloneMap cm;
  auto copy = fg.clone(&cm);
  copy->replace(copy->outputs()[0], copy->inputs()[0]);
  EXPECT_EQ(fg.size(), 1u);
  EXPECT_EQ(copy->size(), 0u);
  EXPECT_EQ(cm[fg.inputs()[0].get()].get(), copy->inputs()[0].get());
}
