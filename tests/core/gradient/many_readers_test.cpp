// The gradient of a value read by hundreds of nodes sums one term per
// reader. The sum is built as adds of at most 32 terms (a tree of them), so
// it runs in every mode: FAST_COMPILE has no fusion to split a wide add, and
// an unfused elementwise node takes a bounded number of operands.
#include <algorithm>
#include <string>

#include "helpers.h"

namespace theano::gradtest {
namespace {

// cost = sum(x*1 + x*2 + ... + x*n), so d cost / dx = n(n+1)/2 everywhere.
struct ManyReaders {
  T::TensorVar x = T::dvector("x");
  Var cost;
  explicit ManyReaders(int n) {
    T::TensorVar total = x * 1.0;
    for (int i = 2; i <= n; ++i) total = total + x * static_cast<double>(i);
    cost = T::sum(total);
  }
};

bool is_add(const Var& v) {
  return v->owner() && v->owner()->op().display().find("add") != std::string::npos;
}

TEST(GradManyReaders, FastCompileGradientOfAValueRead200Times) {
  init();
  ManyReaders g200(200);
  Var g = grad(g200.cost, {g200.x}).at(0);
  FunctionOptions options;
  options.mode = Mode::named("FAST_COMPILE");
  Function f = function({In(g200.x)}, {Out(g)}, options);
  std::vector<Value> args{dvec({1.0, -2.0, 0.5})};
  NDArray out = f(args).at(0).array();
  EXPECT_TRUE(close(out, dvec({20100.0, 20100.0, 20100.0})));
}

TEST(GradManyReaders, TermsAreSummedInAddsOfAtMost32) {
  init();
  // 200 terms: an add of ceil(200 / 32) = 7 adds, which read 200 terms in all.
  ManyReaders g200(200);
  Var g = grad(g200.cost, {g200.x}).at(0);
  ASSERT_TRUE(is_add(g));
  ASSERT_EQ(g->owner()->nin(), 7);
  int terms = 0;
  for (const Var& group : g->owner()->inputs()) {
    ASSERT_TRUE(is_add(group));
    EXPECT_LE(group->owner()->nin(), 32);
    terms += group->owner()->nin();
  }
  EXPECT_EQ(terms, 200);
  // A few terms: one add of all of them, as before.
  ManyReaders g3(3);
  Var g_small = grad(g3.cost, {g3.x}).at(0);
  ASSERT_TRUE(is_add(g_small));
  EXPECT_EQ(g_small->owner()->nin(), 3);
}

}  // namespace
}  // namespace theano::gradtest
