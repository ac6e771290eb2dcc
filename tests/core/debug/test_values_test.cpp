// Test values: a node is evaluated as it is built, so a shape error is
// reported at the user's line, before any compile.
#include "theano/core/debug/test_values.h"
#include "helpers.h"
#include "theano/core/config.h"
#include "theano/core/registry.h"

namespace dbgtest {
namespace {

using debug::get_test_value;
using debug::set_test_value;

class TestValues : public DebugTest {};

OpPtr add_op() {
  return Registry::global().make_op("TestAdd");
}

TEST_F(TestValues, ShapeErrorIsReportedAtTheLineThatBuiltTheNode) {
  ScopedFlags flags(Flags{{"compute_test_value", "raise"}});
  Var x = testops::fvector("x");
  Var y = testops::fvector("y");
  set_test_value(x, fvec({1, 2, 3}));
  set_test_value(y, fvec({1, 2}));
  int line = 0;
  std::string msg = message_of<ValueError>([&] {
    line = __LINE__ + 1;
    add_op()->apply1({x, y});
  });
  std::string where = std::string(__FILE__) + ":" + std::to_string(line);
  EXPECT_EQ(msg.rfind(where, 0), 0u) << msg;  // the first thing said is the user's line
  EXPECT_TRUE(contains(msg, "shape mismatch: (3,) vs (2,)")) << msg;
  EXPECT_TRUE(contains(msg, "input 0 (x): float32 (3,)")) << msg;
  EXPECT_TRUE(contains(msg, "input 1 (y): float32 (2,)")) << msg;
}

TEST_F(TestValues, ValuesPropagateThroughTheGraph) {
  ScopedFlags flags(Flags{{"compute_test_value", "raise"}});
  Var x = testops::fvector("x");
  set_test_value(x, fvec({1, -2, 3}));
  Var z = testops::add(testops::neg(x), x);  // -x + x
  Var s = testops::sum(testops::mul(x, x));  // 1 + 4 + 9
  EXPECT_EQ(floats(get_test_value(z)), (std::vector<float>{0, 0, 0}));
  EXPECT_FLOAT_EQ(get_test_value(s).array().item<float>(), 14.0f);
}

TEST_F(TestValues, SharedVariablesAndConstantsHaveTestValues) {
  ScopedFlags flags(Flags{{"compute_test_value", "raise"}});
  auto w = shared(fvec({1, 2}), "w");
  Var x = testops::fvector("x");
  set_test_value(x, fvec({10, 20}));
  EXPECT_EQ(floats(get_test_value(testops::mul(w, x))), (std::vector<float>{10, 40}));
}

TEST_F(TestValues, AnInPlaceOpDoesNotChangeTheValuesItWasBuiltOn) {
  ScopedFlags flags(Flags{{"compute_test_value", "raise"}});
  auto w = shared(fvec({1, 2}), "w");
  Var x = testops::fvector("x");
  set_test_value(x, fvec({10, 20}));
  Var y = testops::add_inplace(w, x);
  EXPECT_EQ(floats(get_test_value(y)), (std::vector<float>{11, 22}));
  EXPECT_EQ(floats(w->get_value()), (std::vector<float>{1, 2}));
}

TEST_F(TestValues, MissingTestValueFollowsThePolicy) {
  Var x = testops::fvector("x");
  Var y = testops::fvector("y");
  set_test_value(x, fvec({1}));
  {
    ScopedFlags flags(Flags{{"compute_test_value", "raise"}});
    std::string msg = message_of<ValueError>([&] { testops::add(x, y); });
    EXPECT_TRUE(contains(msg, "input 1 (y) has no test value")) << msg;
  }
  for (const char* policy : {"warn", "ignore", "off"}) {
    ScopedFlags flags(Flags{{"compute_test_value", policy}});
    testing::internal::CaptureStderr();
    Var z = testops::add(x, y);
    std::string err = testing::internal::GetCapturedStderr();
    EXPECT_FALSE(z->tag().test_value.has_value()) << policy;
    EXPECT_EQ(contains(err, "has no test value"), std::string(policy) == "warn") << policy << err;
  }
}

TEST_F(TestValues, OffComputesNothing) {
  ScopedFlags flags(Flags{{"compute_test_value", "off"}});
  Var x = testops::fvector("x");
  Var y = testops::fvector("y");
  set_test_value(x, fvec({1, 2, 3}));
  set_test_value(y, fvec({1, 2}));
  Var z = testops::add(x, y);  // the shape bug goes unnoticed until a call
  EXPECT_FALSE(z->tag().test_value.has_value());
}

TEST_F(TestValues, SetTestValueChecksTheType) {
  Var x = testops::fvector("x");
  std::string msg = message_of<TypeError>([&] {
    set_test_value(x, Value(NDArray::from_values<float>({1, 2, 3, 4}, {2, 2})));
  });
  EXPECT_TRUE(contains(msg, "test value for x does not fit its type")) << msg;
  EXPECT_THROW(get_test_value(testops::fvector("no_value")), ValueError);
}

}  // namespace
}  // namespace dbgtest

namespace dbgtest {
namespace {

TEST_F(TestValues, ScopedPolicyOverridesTheFlagOnThisThread) {
  ScopedFlags flags(Flags{{"compute_test_value", "raise"}});
  Var x = testops::fvector("x");
  EXPECT_THROW(testops::neg(x), ValueError);
  {
    debug::ScopedTestValuePolicy off("off");
    EXPECT_EQ(debug::test_value_policy(), "off");
    EXPECT_NO_THROW(testops::neg(x));
  }
  EXPECT_EQ(debug::test_value_policy(), "raise");
}

TEST_F(TestValues, RewritesBuildNodesWithoutTestValues) {
  // The graph is built with the flag off; compiled under "raise", the
  // rewrite dbg_twice_as_add still builds TestAdd(x, x) (x has no test value).
  Var x = testops::fvector("x");
  Var y = dbg::twice(x);
  ScopedFlags flags(Flags{{"compute_test_value", "raise"}});
  Function f =
      function({x}, {y}, {.mode = Mode::named("FAST_RUN").with_including({"dbg_rebuild"})});
  EXPECT_EQ(count_op(f, "TestAdd"), 1u);
  EXPECT_EQ(floats(f.call1({fvec({2})})), (std::vector<float>{4}));
}

}  // namespace
}  // namespace dbgtest
