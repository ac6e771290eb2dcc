// NanGuardMode names the first node producing NaN, Inf or a huge value.
#include "theano/core/debug/nan_guard.h"
#include "helpers.h"
#include "theano/core/config.h"

namespace dbgtest {
namespace {

using debug::NanGuardError;
using debug::NanGuardOptions;

class NanGuard : public DebugTest {};

Function log_of_neg(const Mode& mode) {
  Var x = testops::fvector("x");
  return function({x}, {testops::neg(dbg::log(testops::mul(x, x)))}, {.mode = mode});
}

TEST_F(NanGuard, LogOfZeroIsCaughtAtTheLogNode) {
  Function f = log_of_neg(debug::nan_guard_mode());
  EXPECT_EQ(floats(f.call1({fvec({1, 1})})), (std::vector<float>{-0.0f, -0.0f}));
  try {
    f({fvec({1, 0, 2})});
    FAIL() << "log(0) went unnoticed";
  } catch (const NanGuardError& e) {
    EXPECT_EQ(e.problem(), "Inf");
    std::string msg = e.what();
    EXPECT_TRUE(contains(msg, "NanGuardMode: Inf in output 0 of DbgLog(")) << msg;
    EXPECT_TRUE(contains(msg, "Inputs of the node:\n  input 0 (")) << msg;
    EXPECT_TRUE(contains(msg, "): float32 (3,) min=0 max=4 mean=1.66667")) << msg;
    EXPECT_TRUE(contains(msg, "Apply node that caused the error: DbgLog")) << msg;
  }
}

TEST_F(NanGuard, NaNIsCaught) {
  Var x = testops::fvector("x");
  Function f = function({x}, {testops::neg(dbg::log(x))}, {.mode = debug::nan_guard_mode()});
  try {
    f({fvec({1, -1})});
    FAIL() << "log(-1) went unnoticed";
  } catch (const NanGuardError& e) {
    EXPECT_EQ(e.problem(), "NaN");
  }
}

TEST_F(NanGuard, HugeValuesAreCaughtAboveTheThreshold) {
  Var x = testops::fvector("x");
  NanGuardOptions o;
  o.big_threshold = 100;
  Function f = function({x}, {testops::mul(x, x)}, {.mode = debug::nan_guard_mode(o)});
  EXPECT_NO_THROW(f({fvec({10})}));
  try {
    f({fvec({11})});
    FAIL() << "121 > 100 went unnoticed";
  } catch (const NanGuardError& e) {
    EXPECT_EQ(e.problem(), "big");
  }
}

TEST_F(NanGuard, BadGraphInputsAreCaughtAtTheirFirstUse) {
  Var x = testops::fvector("x");
  Function f = function({x}, {testops::neg(x)}, {.mode = debug::nan_guard_mode()});
  try {
    f({fvec({1, std::numeric_limits<float>::quiet_NaN()})});
    FAIL() << "a NaN input went unnoticed";
  } catch (const NanGuardError& e) {
    EXPECT_TRUE(contains(e.what(), "NaN in input 0 (x, a graph input) of TestNeg")) << e.what();
  }
}

TEST_F(NanGuard, WarnReportsOncePerCallAndGoesOn) {
  NanGuardOptions o;
  o.action = "warn";
  Function f = log_of_neg(debug::nan_guard_mode(o));
  testing::internal::CaptureStderr();
  Value out = f.call1({fvec({0})});
  std::string err = testing::internal::GetCapturedStderr();
  EXPECT_TRUE(std::isinf(floats(out)[0]));
  EXPECT_TRUE(contains(err, "NanGuardMode: Inf in output 0 of DbgLog")) << err;
  EXPECT_FALSE(contains(err, "of TestNeg")) << err;  // only the first offending node
}

TEST_F(NanGuard, KindsCanBeAllowed) {
  NanGuardOptions o;
  o.inf_is_error = false;
  Function f = log_of_neg(debug::nan_guard_mode(o));
  EXPECT_NO_THROW(f({fvec({0})}));
}

}  // namespace
}  // namespace dbgtest
