// DebugMode catches each planted dishonesty and names it.
#include "theano/core/debug/debug_mode.h"
#include "helpers.h"
#include "theano/core/config.h"
#include "theano/core/debug/debug_ops.h"

namespace dbgtest {
namespace {

using debug::DebugModeError;
using debug::DebugModeOptions;

class DebugModeTest : public DebugTest {};

// Compiles x -> out(x) in DebugMode and calls it on {1, -2, 3}; returns the
// DebugModeError raised (failing the test if none is).
template <class Build>
DebugModeError failure(Build build, Mode mode = debug::debug_mode()) {
  Var x = testops::fvector("x");
  Function f = function({x}, {build(x)}, {.mode = mode});
  try {
    f({fvec({1, -2, 3})});
  } catch (const DebugModeError& e) {
    return e;
  }
  ADD_FAILURE() << "DebugMode found nothing wrong";
  return DebugModeError("none", "", NodeError("", "", {}, -1));
}

TEST_F(DebugModeTest, HonestGraphsPass) {
  Var x = testops::fvector("x");
  Var y = testops::fvector("y");
  Var z = testops::add(testops::mul(x, y), testops::view(testops::neg(x)));
  Function f = function({x, y}, {z, debug::print(testops::sum(z), "", {"shape"})},
                        {.mode = debug::debug_mode()});
  debug::PrintCapture quiet;
  auto out = f({fvec({1, 2}), fvec({3, 4})});
  EXPECT_EQ(floats(out[0]), (std::vector<float>{2, 6}));
  EXPECT_FLOAT_EQ(out[1].array().item<float>(), 8);
  EXPECT_EQ(quiet.lines().size(), 1u);  // DebugMode's re-runs do not print again
}

TEST_F(DebugModeTest, InPlaceUpdatesOfSharedVariablesPass) {
  auto w = shared(fvec({1, 2}), "w");
  Var x = testops::fvector("x");
  Function f = function({x}, {testops::sum(w)},
                        {.updates = {{w, testops::add(w, x)}}, .mode = debug::debug_mode()});
  f({fvec({1, 1})});
  f({fvec({1, 1})});
  EXPECT_EQ(floats(w->get_value()), (std::vector<float>{3, 4}));
}

TEST_F(DebugModeTest, UndeclaredInputWriteIsBadDestroyMap) {
  DebugModeError e = failure([](const Var& x) { return dbg::writes_input(testops::neg(x)); });
  EXPECT_EQ(e.check(), "BadDestroyMap");
  std::string msg = e.what();
  EXPECT_TRUE(contains(msg, "modified input 0")) << msg;
  EXPECT_TRUE(contains(msg, "Apply node that caused the error: DbgWritesInput")) << msg;
}

TEST_F(DebugModeTest, UndeclaredAliasIsBadViewMap) {
  DebugModeError e = failure([](const Var& x) { return dbg::undeclared_view(testops::neg(x)); });
  EXPECT_EQ(e.check(), "BadViewMap");
  EXPECT_TRUE(contains(e.what(), "output 0 of kernel 'perform' shares memory with input 0"))
      << e.what();
}

TEST_F(DebugModeTest, LyingInferShapeIsBadInferShape) {
  DebugModeError e = failure([](const Var& x) { return testops::neg(dbg::lying_shape(x)); });
  EXPECT_EQ(e.check(), "BadInferShape");
  EXPECT_TRUE(contains(e.what(),
                       "infer_shape says output 0 has shape (7,), but the kernel "
                       "produced shape (3,)"))
      << e.what();
}

TEST_F(DebugModeTest, KernelDisagreeingWithPerformIsBadThunkOutput) {
  DebugModeError e = failure([](const Var& x) { return dbg::bad_kernel(x); });
  EXPECT_EQ(e.check(), "BadThunkOutput");
  std::string msg = e.what();
  EXPECT_TRUE(contains(msg, "kernel 'dbg_bad_kernel' and perform disagree on output 0")) << msg;
  EXPECT_TRUE(contains(msg, "the kernel gives float32 (3,) min=-2 max=3")) << msg;
  EXPECT_TRUE(contains(msg, "perform gives float32 (3,) min=-3 max=2")) << msg;
}

TEST_F(DebugModeTest, KernelTrustingAStridedBufferIsBadPreallocatedOutput) {
  DebugModeError e = failure([](const Var& x) { return dbg::trusts_buffer(testops::neg(x)); });
  EXPECT_EQ(e.check(), "BadPreallocatedOutput");
  EXPECT_TRUE(contains(e.what(), "with strided buffers in its output cells")) << e.what();
  // Without the awkward buffers the bug goes unseen (and the values are right).
  DebugModeOptions o;
  o.check_preallocated_output = "reused:wrong_size";
  Var x = testops::fvector("x");
  Function f = function({x}, {dbg::trusts_buffer(x)}, {.mode = debug::debug_mode(o)});
  EXPECT_EQ(floats(f.call1({fvec({1, -2})})), (std::vector<float>{-1, 2}));
}

TEST_F(DebugModeTest, WrongRewriteIsBadOptimizationNamingIt) {
  Mode mode = debug::debug_mode().with_including({"dbg_wrong"});
  DebugModeError e = failure([](const Var& x) { return testops::neg(dbg::twice(x)); }, mode);
  EXPECT_EQ(e.check(), "BadOptimization");
  EXPECT_EQ(e.rewrite(), "dbg_wrong_twice");
  std::string msg = e.what();
  EXPECT_TRUE(contains(msg,
                       "rewrite 'dbg_wrong_twice' (phase canonicalize) replaced "
                       "DbgTwice(x) by x"))
      << msg;
  EXPECT_TRUE(contains(msg, "before float32 (3,) min=-4 max=6")) << msg;
  EXPECT_TRUE(contains(msg, "after float32 (3,) min=-2 max=3")) << msg;
}

TEST_F(DebugModeTest, RewriteGivingNoReasonIsNamedByTheStepRunning) {
  Mode mode = debug::debug_mode().with_including({"dbg_unnamed"});
  DebugModeError e = failure([](const Var& x) { return testops::neg(dbg::quintuple(x)); }, mode);
  EXPECT_EQ(e.check(), "BadOptimization");
  EXPECT_EQ(e.rewrite(), "dbg_unnamed_quintuple");
  EXPECT_TRUE(contains(e.what(), "(phase fusion)")) << e.what();
}

TEST_F(DebugModeTest, UnrecordedChangeIsFoundPhaseByPhase) {
  Mode mode = debug::debug_mode().with_including({"dbg_hidden"});
  DebugModeError e = failure([](const Var& x) { return testops::neg(dbg::thrice(x)); }, mode);
  EXPECT_EQ(e.check(), "BadOptimization");
  EXPECT_EQ(e.rewrite().rfind("jit", 0), 0u) << e.rewrite();
  EXPECT_TRUE(contains(e.what(),
                       "the values change in phase jit (rewrites applied in it: "
                       "dbg_hidden_thrice)"))
      << e.what();
}

TEST_F(DebugModeTest, ChecksCanBeTurnedOff) {
  DebugModeOptions o;
  o.check_destroy_map = false;
  o.check_view_map = false;
  o.check_infer_shape = false;
  o.check_perform = false;
  o.check_rewrites = false;
  o.check_preallocated_output = "none";
  Var x = testops::fvector("x");
  Var y = testops::neg(dbg::lying_shape(dbg::undeclared_view(dbg::bad_kernel(x))));
  Function f = function({x}, {y}, {.mode = debug::debug_mode(o)});
  EXPECT_EQ(floats(f.call1({fvec({1, 2})})), (std::vector<float>{0, 1}));  // -(-x + 1)
}

TEST_F(DebugModeTest, KernelBugIsStillFoundWhenPerformChecksAreOff) {
  // The outputs differ from the graph as written, and no phase explains it.
  DebugModeOptions o;
  o.check_perform = false;
  DebugModeError e = failure([](const Var& x) { return dbg::bad_kernel(x); }, debug::debug_mode(o));
  EXPECT_EQ(e.check(), "BadThunkOutput");
  EXPECT_TRUE(contains(e.what(), "a kernel disagrees with its op's perform")) << e.what();
}

TEST_F(DebugModeTest, ModeOptionsFallBackToFlags) {
  ScopedFlags flags(Flags{{"DebugMode.check_infer_shape", "False"}});
  Var x = testops::fvector("x");
  Function f =
      function({x}, {testops::neg(dbg::lying_shape(x))}, {.mode = Mode::named("DebugMode")});
  EXPECT_EQ(floats(f.call1({fvec({1})})), (std::vector<float>{-1}));
}

}  // namespace
}  // namespace dbgtest
