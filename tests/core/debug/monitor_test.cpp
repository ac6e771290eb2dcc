// MonitorMode-style hooks run around every node, in order.
#include <sstream>

#include "helpers.h"
#include "theano/core/config.h"
#include "theano/core/debug/monitor.h"

namespace dbgtest {
namespace {

class Monitor : public DebugTest {};

TEST_F(Monitor, HooksSeeEveryNodeInOrderWithItsValues) {
  std::vector<std::string> seen;
  NodeHooks hooks;
  hooks.before = [&](int p, const Apply& node, InputRefs) {
    seen.push_back("before " + std::to_string(p) + " " + node.op().name());
  };
  hooks.after = [&](int p, const Apply& node, InputRefs, OutputRefs out) {
    seen.push_back("after " + std::to_string(p) + " " + node.op().name() + " " +
                   out[0].array().str());
  };
  Var x = testops::fvector("x");
  Function f = function({x}, {testops::neg(testops::mul(x, x))},
                        {.mode = debug::monitor_mode(hooks, Mode::named("FAST_RUN"))});
  f({fvec({2, 3})});
  EXPECT_EQ(seen, (std::vector<std::string>{"before 0 TestMul", "after 0 TestMul [4. 9.]",
                                            "before 1 TestNeg", "after 1 TestNeg [-4. -9.]"}));
}

TEST_F(Monitor, CombinedHooksNestTheSecondInsideTheFirst) {
  std::string order;
  NodeHooks a, b;
  a.before = [&](int, const Apply&, InputRefs) { order += "A<"; };
  a.after = [&](int, const Apply&, InputRefs, OutputRefs) { order += ">A"; };
  b.before = [&](int, const Apply&, InputRefs) { order += "B<"; };
  b.after = [&](int, const Apply&, InputRefs, OutputRefs) { order += ">B"; };
  NodeHooks both = debug::combine_hooks(a, b);
  Var x = testops::fvector("x");
  Function f = function({x}, {testops::neg(x)}, {.mode = debug::monitor_mode(both)});
  f({fvec({1})});
  EXPECT_EQ(order, "A<B<>B>A");
}

TEST_F(Monitor, TraceHooksStepThroughTheRun) {
  std::ostringstream out;
  Var x = testops::fvector("x");
  Function f =
      function({x}, {testops::neg(x)}, {.mode = debug::monitor_mode(debug::trace_hooks(out))});
  f({fvec({1, 3})});
  EXPECT_EQ(out.str(),
            "[0] TestNeg(x)\n"
            "    input 0 (x): float32 (2,) min=1 max=3 mean=2\n"
            "    output 0 (TestNeg.out): float32 (2,) min=-3 max=-1 mean=-2\n");
}

TEST_F(Monitor, DetectNanPrintsTheNodeAndGoesOn) {
  std::ostringstream out;
  Var x = testops::fvector("x");
  Function f = function({x}, {testops::neg(dbg::log(x))},
                        {.mode = debug::monitor_mode(debug::detect_nan_hooks(out))});
  f({fvec({1})});
  EXPECT_EQ(out.str(), "");
  f({fvec({-1})});
  EXPECT_TRUE(contains(out.str(), "*** NaN detected *** in node [0] DbgLog(x)")) << out.str();
  EXPECT_TRUE(contains(out.str(), "*** NaN detected *** in node [1] TestNeg(")) << out.str();
}

}  // namespace
}  // namespace dbgtest
