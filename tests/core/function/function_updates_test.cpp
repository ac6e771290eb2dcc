// Shared-variable updates: computed from old values, applied together, never half-applied.
#include <gtest/gtest.h>

#include <thread>

#include "testops/testops.h"
#include "theano/core/function.h"

using namespace theano;

namespace {
NDArray vec(std::initializer_list<double> v) { return NDArray::from_values<double>(v); }
std::vector<double> values(const Value& v) { return v.array().to_vector<double>(); }
}  // namespace

class FunctionUpdates : public ::testing::Test {
 protected:
  void SetUp() override { testops::init(); }
  Var x = testops::dvector("x");
};

TEST_F(FunctionUpdates, UpdatesUseOldValuesAndApplyAfterOutputs) {
  auto a = shared(vec({1, 2}), "a");
  auto b = shared(vec({10, 20}), "b");
  FunctionOptions opt;
  opt.updates = {{a, testops::add(a, b)}, {b, testops::add(a, x)}};
  Function f = function({x}, {testops::neg(a)}, opt);
  Value out = f.call1({vec({100, 100})});
  EXPECT_EQ(values(out), (std::vector<double>{-1, -2})) << "outputs see the values before the update";
  EXPECT_EQ(values(a->get_value()), (std::vector<double>{11, 22}));
  EXPECT_EQ(values(b->get_value()), (std::vector<double>{101, 102})) << "b's update read the old a";
}

TEST_F(FunctionUpdates, FailedCallLeavesSharedVariablesUntouched) {
  auto w = shared(vec({1, 2}), "w");
  FunctionOptions opt;
  opt.updates = {{w, testops::add(w, w)}};
  Function f = function({x}, {testops::fail_if_negative(x)}, opt);
  f({vec({1, 1})});
  EXPECT_EQ(values(w->get_value()), (std::vector<double>{2, 4}));
  EXPECT_THROW(f({vec({1, -1})}), NodeError);
  EXPECT_EQ(values(w->get_value()), (std::vector<double>{2, 4})) << "no half-applied update";
  f({vec({1, 1})});
  EXPECT_EQ(values(w->get_value()), (std::vector<double>{4, 8})) << "the function still works";
}

TEST_F(FunctionUpdates, UpdateTargetsAndTypesAreChecked) {
  auto w = shared(vec({1, 2}), "w");
  FunctionOptions not_shared;
  not_shared.updates = {{x, testops::neg(x)}};
  EXPECT_THROW(function({x}, {testops::neg(x)}, not_shared), TypeError);
  FunctionOptions wrong_type;
  wrong_type.updates = {{w, testops::fvector("f")}};
  try {
    function({}, {testops::neg(w)}, wrong_type);
    FAIL();
  } catch (const TypeError& e) {
    EXPECT_NE(std::string(e.what()).find("same type as its shared variable"), std::string::npos) << e.what();
  }
  FunctionOptions twice;
  twice.updates = {{w, testops::neg(w)}, {w, testops::neg(w)}};
  EXPECT_THROW(function({}, {testops::neg(w)}, twice), TypeError);
}

TEST_F(FunctionUpdates, DefaultUpdatesAreAppliedUnlessDisabled) {
  auto state = shared(vec({0}), "state");
  auto one = Constant::make(state->type(), vec({1}));
  state->set_default_update(testops::add(state, one));
  Function f = function({}, {testops::neg(state)});
  f();
  f();
  EXPECT_EQ(values(state->get_value()), (std::vector<double>{2}));
  FunctionOptions opt;
  opt.no_default_updates = true;
  Function g = function({}, {testops::neg(state)}, opt);
  g();
  EXPECT_EQ(values(state->get_value()), (std::vector<double>{2}));
  FunctionOptions only;
  only.no_default_updates_for = {state};
  function({}, {testops::neg(state)}, only)();
  EXPECT_EQ(values(state->get_value()), (std::vector<double>{2}));
}

TEST_F(FunctionUpdates, CopyWithSwappedSharedVariables) {
  auto w = shared(vec({1, 1}), "w");
  auto v = shared(vec({5, 5}), "v");
  FunctionOptions opt;
  opt.updates = {{w, testops::add(w, x)}};
  Function f = function({x}, {testops::neg(w)}, opt);
  Function g = f.copy({{w, v}});
  EXPECT_EQ(values(g.call1({vec({1, 2})})), (std::vector<double>{-5, -5}));
  EXPECT_EQ(values(v->get_value()), (std::vector<double>{6, 7}));
  EXPECT_EQ(values(w->get_value()), (std::vector<double>{1, 1})) << "the original's variable is untouched";
  Function h = f.copy({}, /*delete_updates=*/true);
  h({vec({1, 1})});
  EXPECT_EQ(values(w->get_value()), (std::vector<double>{1, 1}));
  auto wrong = shared(NDArray::from_values<float>({1.f}), "wrong");
  EXPECT_THROW(f.copy({{w, wrong}}), TypeError);
}

// Many threads call one function whose update increments a counter: every
// increment must land exactly once and every output must be consistent.
TEST_F(FunctionUpdates, ConcurrentCallsAreSafe) {
  auto count = shared(vec({0}), "count");
  auto one = Constant::make(count->type(), vec({1}));
  FunctionOptions opt;
  opt.updates = {{count, testops::add(count, one)}};
  Function inc = function({}, {testops::neg(count)}, opt);
  Function pure = function({x}, {testops::mul(x, x)});
  constexpr int kThreads = 8, kCalls = 200;
  std::vector<std::thread> threads;
  std::atomic<int> bad{0};
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kCalls; ++i) {
        inc();
        double v = t * 1000 + i;
        if (pure.call1({vec({v})}).array().at({0}) != v * v) ++bad;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(bad.load(), 0);
  EXPECT_EQ(count->get_value().array().at({0}), kThreads * kCalls);
}
