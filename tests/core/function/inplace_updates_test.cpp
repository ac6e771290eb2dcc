// Shared-variable updates computed in the variable's own storage
// (inplace_shared_updates=checked, the default): the update ops run last,
// every one of them checks its inputs before the first writes, so a call
// that fails changes no shared variable; a buffer someone else still holds
// (a borrowed value, a concurrent call) is copied before it is written.
#include <gtest/gtest.h>

#include "testops/testops.h"
#include "theano/core/config.h"
#include "theano/core/function.h"
#include "theano/tensor.h"

namespace theano {
namespace {

namespace T = theano::tensor;

class ScopedPolicy {
 public:
  explicit ScopedPolicy(const std::string& value)
      : old_(Config::global().get("inplace_shared_updates")) {
    Config::global().set("inplace_shared_updates", value);
  }
  ~ScopedPolicy() { Config::global().set("inplace_shared_updates", old_); }

 private:
  std::string old_;
};

NDArray vec(std::vector<double> v) {
  auto n = static_cast<std::int64_t>(v.size());
  return NDArray::from_vector(v, {n});
}

NDArray mat(std::vector<double> v, std::int64_t rows) {
  auto n = static_cast<std::int64_t>(v.size());
  return NDArray::from_vector(v, {rows, n / rows});
}

bool equal(const NDArray& a, const NDArray& b) {
  return a.shape() == b.shape() && allclose(a, b);
}

// The display names of the nodes at the end of the compiled schedule that
// overwrite a shared variable's storage (the commit steps).
std::vector<std::string> commit_steps(const Function& f) {
  std::vector<std::string> names;
  const auto& order = f.fgraph().toposort();
  for (auto it = order.rbegin(); it != order.rend(); ++it) {
    bool writes_shared = false;
    for (const auto& [out, ins] : (*it)->op().destroy_map())
      for (int i : ins) writes_shared |= (*it)->input(i)->kind() == Variable::Kind::Shared;
    if (!writes_shared) break;
    names.insert(names.begin(), (*it)->op().display());
  }
  return names;
}

TEST(InplaceUpdates, ByDefaultAnElementwiseUpdateWritesTheSharedBuffer) {
  testops::init();
  auto w = shared(vec({1, 2, 3}), "w");
  auto g = T::dvector("g");
  FunctionOptions options;
  options.updates = {{w, T::TensorVar(w) - 0.5 * g}};
  Function f = function({g}, {}, options);
  ASSERT_EQ(commit_steps(f).size(), 1u);
  const void* before = w->get_value(/*borrow=*/true).array().raw_data();
  f({Value(vec({2, 2, 2}))});
  NDArray now = w->get_value(true).array();
  EXPECT_TRUE(equal(now, vec({0, 1, 2})));
  EXPECT_EQ(now.raw_data(), before) << "the update was not computed in place";
}

TEST(InplaceUpdates, NeverAndAlwaysPolicies) {
  testops::init();
  for (const char* policy : {"never", "False"}) {
    ScopedPolicy p(policy);
    auto w = shared(vec({1, 2}), "w");
    FunctionOptions options;
    options.updates = {{w, T::TensorVar(w) * 3.0}};
    Function f = function({}, {}, options);
    EXPECT_TRUE(commit_steps(f).empty()) << policy;
    f({});
    EXPECT_TRUE(equal(w->get_value().array(), vec({3, 6})));
  }
  ScopedPolicy p("always");
  auto w = shared(vec({1, 2}), "w");
  FunctionOptions options;
  options.updates = {{w, T::TensorVar(w) * 3.0}};
  Function f = function({}, {}, options);
  EXPECT_EQ(commit_steps(f).size(), 1u);
}

// Three updates (elementwise, gemm, row increment); the last has a bad
// index. The error is found by the prechecks, before any update wrote.
TEST(InplaceUpdates, AFailingUpdateLeavesEverySharedVariableUnchanged) {
  testops::init();
  auto b = shared(vec({1, 1}), "b");
  auto m = shared(mat({1, 0, 0, 1}, 2), "m");
  auto c = shared(mat({0, 1, 2, 3, 4, 5}, 3), "c");
  auto x = T::dmatrix("x");
  auto idx = T::lvector("idx");
  FunctionOptions options;
  options.updates = {{b, T::TensorVar(b) + 1.0},
                     {m, T::TensorVar(m) - 0.5 * T::dot(x, x)},
                     {c, T::inc_subtensor(T::TensorVar(c), {idx}, x)}};
  Function f = function({x, idx}, {T::sum(x)}, options);
  EXPECT_EQ(commit_steps(f).size(), 3u);
  NDArray eye = mat({1, 0, 0, 1}, 2);
  auto out = f({Value(eye), Value(NDArray::from_values<std::int64_t>({0, 2}))});
  EXPECT_DOUBLE_EQ(out[0].array().item<double>(), 2.0);
  NDArray b1 = vec({2, 2}), m1 = mat({0.5, 0, 0, 0.5}, 2), c1 = mat({1, 1, 2, 3, 4, 6}, 3);
  EXPECT_TRUE(equal(b->get_value().array(), b1));
  EXPECT_TRUE(equal(m->get_value().array(), m1));
  EXPECT_TRUE(equal(c->get_value().array(), c1));
  try {
    f({Value(eye), Value(NDArray::from_values<std::int64_t>({0, 7}))});
    ADD_FAILURE() << "an out-of-bounds index was accepted";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("index 7"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("before any shared variable changed"), std::string::npos)
        << e.what();
  }
  EXPECT_TRUE(equal(b->get_value().array(), b1));
  EXPECT_TRUE(equal(m->get_value().array(), m1));
  EXPECT_TRUE(equal(c->get_value().array(), c1));
}

// A borrowed value is someone else's reference to the buffer: the update
// goes to a private copy, and the borrowed array keeps the old value.
TEST(InplaceUpdates, ABorrowedValueIsNotOverwritten) {
  testops::init();
  auto w = shared(vec({1, 2, 3}), "w");
  FunctionOptions options;
  options.updates = {{w, T::TensorVar(w) + 1.0}};
  Function f = function({}, {}, options);
  NDArray held = w->get_value(/*borrow=*/true).array();
  f({});
  EXPECT_TRUE(equal(held, vec({1, 2, 3})));
  EXPECT_TRUE(equal(w->get_value().array(), vec({2, 3, 4})));
  EXPECT_NE(w->get_value(true).array().raw_data(), held.raw_data());
}

// When another node reads the updated value (here an output computed from
// it), that node would run after the write and could fail: the update is
// not done in place.
TEST(InplaceUpdates, AnUpdateWhoseResultIsReadAgainIsCopied) {
  testops::init();
  auto w = shared(vec({1, 2}), "w");
  T::TensorVar next = T::TensorVar(w) * 2.0;
  FunctionOptions options;
  options.updates = {{w, next}};
  Function f = function({}, {T::exp(next)}, options);
  EXPECT_TRUE(commit_steps(f).empty());
  auto out = f({});
  EXPECT_TRUE(equal(out[0].array(), vec({std::exp(2.0), std::exp(4.0)})));
  EXPECT_TRUE(equal(w->get_value().array(), vec({2, 4})));
}

}  // namespace
}  // namespace theano
