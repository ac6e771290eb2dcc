// Gradients of the reductions checked against finite differences: sums and
// means over axes and with keepdims, products with zero, one and two zeros
// along the reduced axis, max/min, var/std, and R_op of a sum.
#include <random>

#include "helpers.h"
#include "theano/core/gradient.h"

namespace theano::testing {
namespace {

NDArray uniform(Shape shape, double lo, double hi, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> d(lo, hi);
  std::vector<double> v(static_cast<std::size_t>(shape_size(shape)));
  for (double& e : v) e = d(rng);
  return NDArray::from_vector(v, shape);
}

void expect_grad_ok(const GradFunction& fn, const NDArray& x, const std::string& what) {
  GradCheckReport r = check_grad_fn(fn, {x});
  EXPECT_TRUE(r.ok) << what << ": " << r.message;
}

TEST(ReduceGrad, SumsAndMeans) {
  init();
  NDArray x = uniform({3, 4, 2}, -1, 1, 1);
  for (T::Axes axes : {T::Axes(), T::Axes(0), T::Axes(2), T::Axes{0, 2}}) {
    expect_grad_ok([&](auto& in) -> std::vector<Var> { return {T::sum(T::exp(in[0]), axes)}; }, x,
                   "sum");
    expect_grad_ok(
        [&](auto& in) -> std::vector<Var> { return {T::mean(T::sqr(in[0]), axes, true)}; }, x,
        "mean keepdims");
  }
}

TEST(ReduceGrad, ProductsWithZeros) {
  init();
  NDArray none = uniform({3, 4}, 0.5, 1.5, 2);
  NDArray one = none.copy(), two = none.copy();
  auto set = [](NDArray& a, std::int64_t i, std::int64_t j) {
    a.data<double>()[i * a.dim(1) + j] = 0.0;
  };
  set(one, 1, 2);
  set(two, 2, 0);
  set(two, 2, 3);
  set(two, 0, 1);
  for (const NDArray& x : {none, one, two}) {
    expect_grad_ok([](auto& in) -> std::vector<Var> { return {T::prod(in[0], 1)}; }, x,
                   "prod rows");
    expect_grad_ok([](auto& in) -> std::vector<Var> { return {T::prod(in[0])}; }, x, "prod all");
  }
}

TEST(ReduceGrad, ExtremaAndStatistics) {
  init();
  NDArray x = uniform({4, 5}, -2, 2, 3);  // distinct values: max is differentiable
  expect_grad_ok([](auto& in) -> std::vector<Var> { return {T::max(in[0], 0)}; }, x, "max");
  expect_grad_ok([](auto& in) -> std::vector<Var> { return {T::min(in[0], 1, true)}; }, x, "min");
  expect_grad_ok([](auto& in) -> std::vector<Var> { return {T::var(in[0], 1)}; }, x, "var");
  expect_grad_ok([](auto& in) -> std::vector<Var> { return {T::std(in[0], 0, false, 1)}; }, x,
                 "std");
  expect_grad_ok([](auto& in) -> std::vector<Var> { return {T::ptp(in[0], 1)}; }, x, "ptp");
}

TEST(ReduceGrad, DimShuffleAndBroadcastSums) {
  init();
  NDArray x = uniform({3, 1}, -1, 1, 4);
  GradCheckReport r = check_grad_fn(
      [](auto& in) -> std::vector<Var> {
        return {T::sum(T::dimshuffle(in[0], {1, 0}) * 3.0 + T::tanh(in[0]))};
      },
      {x});
  EXPECT_TRUE(r.ok) << r.message;
}

TEST(ReduceGrad, ArgmaxHasZeroGradient) {
  init();
  auto x = T::dmatrix("x");
  Var cost = T::sum(T::cast(T::argmax(x, 1), DType::Float64) * T::sum(x, 1));
  std::vector<Var> g = grad(cost, std::vector<Var>{x});
  NDArray xv = arr<double>({1, 5, 2, 7, 0, 3}, {2, 3});
  NDArray gv = eval1({x}, g[0], {xv});
  // d/dx of argmax(x) * sum(x): argmax is constant, so the gradient is argmax per row.
  EXPECT_TRUE(close(gv, arr<double>({1, 1, 1, 0, 0, 0}, {2, 3})));
}

TEST(ReduceGrad, ROpOfASum) {
  init();
  auto x = T::dmatrix("x"), v = T::dmatrix("v");
  std::vector<Var> r =
      Rop(std::vector<Var>{T::sum(x * 2.0, 0)}, std::vector<Var>{x}, std::vector<Var>{v});
  NDArray vv = arr<double>({1, 2, 3, 4, 5, 6}, {2, 3});
  FunctionOptions options;
  options.on_unused_input = "ignore";  // a linear map: the R-op does not read x
  NDArray out = eval1({x, v}, r[0], {NDArray::zeros(DType::Float64, {2, 3}), vv}, options);
  EXPECT_TRUE(close(out, arr<double>({10, 14, 18})));
}

TEST(Pool, ReturnedArraysAreNeverRecycledWhileHeld) {
  init();
  auto x = T::fvector("x");
  Function f = function({x}, {T::exp(x) + 1});
  const std::int64_t n = 300001;  // 1.2 MB outputs: pooled (an odd size no other test uses)
  NDArray a = NDArray::full(DType::Float32, {n}, 0), b = NDArray::full(DType::Float32, {n}, 1);
  NDArray first = f({a})[0].array();
  NDArray second = f({b})[0].array();
  EXPECT_FALSE(first.may_share_memory(second));
  EXPECT_EQ(first.to_vector<float>()[n - 1], 2.0f);
  EXPECT_FLOAT_EQ(second.to_vector<float>()[0], 1 + 2.7182817f);
  const void* old = second.raw_data();
  second = NDArray();  // released: the next call may reuse its block
  NDArray third = f({a})[0].array();
  EXPECT_EQ(third.raw_data(), old);
  EXPECT_EQ(third.to_vector<float>()[7], 2.0f);
}

}  // namespace
}  // namespace theano::testing
