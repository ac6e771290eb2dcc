// Print and Assert: their output, their failures, and their survival
// through the rewrites (and removal on request).
#include "helpers.h"
#include "theano/core/config.h"
#include "theano/core/debug/debug_ops.h"
#include "theano/core/registry.h"

namespace dbgtest {
namespace {

using debug::assert_that;
using debug::print;
using debug::PrintCapture;

class PrintAssert : public DebugTest {};

Mode fast_run() {
  return Mode::named("FAST_RUN");
}

TEST_F(PrintAssert, PrintWritesTheMessageAndTheAttributesAsked) {
  Var x = testops::fvector("x");
  Var y = testops::neg(print(x, "x is", {"shape", "dtype", "min", "max", "mean"}));
  Function f = function({x}, {y}, {.mode = fast_run()});
  PrintCapture capture;
  Value out = f.call1({fvec({1, -2, 4})});
  EXPECT_EQ(floats(out), (std::vector<float>{-1, 2, -4}));
  EXPECT_EQ(capture.lines(),
            (std::vector<std::string>{"x is shape=(3,) dtype=float32 min=-2 max=4 mean=1"}));
  f.call1({fvec({0.5f})});
  ASSERT_EQ(capture.lines().size(), 2u);
  EXPECT_EQ(capture.lines()[1], "x is shape=(1,) dtype=float32 min=0.5 max=0.5 mean=0.5");
}

TEST_F(PrintAssert, PrintShowsTheWholeValueByDefault) {
  Var x = testops::fvector("x");
  Function f = function({x}, {testops::neg(print(x, "value:"))});
  PrintCapture capture;
  f({fvec({1, 2})});
  EXPECT_EQ(capture.text(), "value: value=[1. 2.]\n");
}

TEST_F(PrintAssert, PrintRejectsUnknownAttributes) {
  Var x = testops::fvector("x");
  EXPECT_THROW(print(x, "", {"colour"}), ValueError);
}

TEST_F(PrintAssert, PrintSurvivesFastRunAndIsNeverFolded) {
  // A Print of a constant stays (no folding); two different Prints both stay.
  Var c = Constant::make(TensorType::make(DType::Float32, 1), fvec({3, 4}));
  Var x = testops::fvector("x");
  Var y = testops::add(print(c, "c", {"value"}), print(x, "x", {"shape"}));
  Function f = function({x}, {y}, {.mode = fast_run()});
  EXPECT_EQ(count_op(f, "Print"), 2u);
  PrintCapture capture;
  EXPECT_EQ(floats(f.call1({fvec({1, 1})})), (std::vector<float>{4, 5}));
  std::vector<std::string> lines = capture.lines();
  std::sort(lines.begin(), lines.end());
  EXPECT_EQ(lines, (std::vector<std::string>{"c value=[3. 4.]", "x shape=(2,)"}));
}

TEST_F(PrintAssert, FlagRemovesPrint) {
  ScopedFlags flags(Flags{{"debug.remove_print", "True"}});
  Var x = testops::fvector("x");
  Function f = function({x}, {testops::neg(print(x, "gone"))}, {.mode = fast_run()});
  EXPECT_EQ(count_op(f, "Print"), 0u);
  PrintCapture capture;
  EXPECT_EQ(floats(f.call1({fvec({2})})), (std::vector<float>{-2}));
  EXPECT_TRUE(capture.lines().empty());
}

TEST_F(PrintAssert, AssertPassesItsInputThrough) {
  Var x = testops::fvector("x");
  Var ok = Variable::make(TensorType::make(DType::Bool, 0), "ok");
  Function f = function({x, ok}, {testops::neg(assert_that(x, {ok}, "x must be fine"))},
                        {.mode = fast_run()});
  EXPECT_EQ(count_op(f, "Assert"), 1u);
  EXPECT_EQ(floats(f({fvec({1, 2}), Value(NDArray::scalar<bool>(true))})[0]),
            (std::vector<float>{-1, -2}));
}

TEST_F(PrintAssert, AssertFailureNamesTheMessageTheConditionAndTheNode) {
  Var x = testops::fvector("x");
  Var ok = Variable::make(TensorType::make(DType::Int8, 1), "positive");
  Function f = function({x, ok}, {testops::neg(assert_that(x, {ok}, "x must be positive"))},
                        {.mode = fast_run()});
  Value flags = Value(NDArray::from_values<std::int8_t>({1, 0, 1}));
  std::string msg = message_of<NodeError>([&] { f({fvec({1, -2, 3}), flags}); });
  EXPECT_TRUE(contains(msg,
                       "Assert failed: x must be positive: condition 0 (positive) is false "
                       "at flat index 1 of shape (3,)"))
      << msg;
  EXPECT_TRUE(contains(msg, "Apply node that caused the error: Assert")) << msg;
  EXPECT_TRUE(contains(msg, __FILE__)) << msg;  // where the Assert was built
}

TEST_F(PrintAssert, ConstantTrueConditionsAreDropped) {
  Var x = testops::fvector("x");
  Var yes = Constant::make(TensorType::make(DType::Bool, 0), Value(NDArray::scalar<bool>(true)));
  Function f = function({x}, {testops::neg(assert_that(x, {yes}))}, {.mode = fast_run()});
  EXPECT_EQ(count_op(f, "Assert"), 0u);
  Var no = Constant::make(TensorType::make(DType::Bool, 0), Value(NDArray::scalar<bool>(false)));
  Function g =
      function({x}, {testops::neg(assert_that(x, {yes, no}, "never"))}, {.mode = fast_run()});
  EXPECT_EQ(count_op(g, "Assert"), 1u);
  EXPECT_EQ(g.fgraph().nodes_with_op("Assert").front()->nin(), 2);  // x and the false one
  EXPECT_THROW(g({fvec({1})}), NodeError);
}

TEST_F(PrintAssert, FlagRemovesAssert) {
  ScopedFlags flags(Flags{{"debug.remove_assert", "True"}});
  Var x = testops::fvector("x");
  Var ok = Variable::make(TensorType::make(DType::Bool, 0), "ok");
  Function f = function({x, ok}, {testops::neg(assert_that(x, {ok}, "off"))},
                        {.mode = fast_run(), .on_unused_input = "ignore"});
  EXPECT_EQ(count_op(f, "Assert"), 0u);
  EXPECT_EQ(floats(f({fvec({1}), Value(NDArray::scalar<bool>(false))})[0]),
            (std::vector<float>{-1}));
}

TEST_F(PrintAssert, BothAreRegisteredOps) {
  const OpSchema* p = Registry::global().find_op("Print");
  const OpSchema* a = Registry::global().find_op("Assert");
  ASSERT_TRUE(p && a);
  OpPtr op = p->from_props(Props{{"message", "m"}, {"attrs", PropList{"shape"}}});
  EXPECT_EQ(op->display(), "Print{message=m,attrs=(shape,)}");
  EXPECT_FALSE(op->do_constant_folding(*print(testops::fvector("x"))->owner()));
}

}  // namespace
}  // namespace dbgtest
