// Gradients of the reductions: verify_grad over axes, keepdims and shapes;
// Theano's rules for ties in max/min and zeros in prod, checked by hand;
// forward mode through reductions against Lop of Lop.
#include <gtest/gtest.h>

#include <functional>
#include <random>

#include "theano/core/function.h"
#include "theano/core/gradient.h"
#include "theano/core/init.h"
#include "theano/core/registry.h"
#include "theano/tensor.h"

namespace theano::gradtest {
namespace {

namespace T = theano::tensor;
using Reduce = std::function<T::TensorVar(const T::TensorVar&, T::Axes, bool)>;

bool has_reductions() {
  initialize();
  return Registry::global().find_op("CAReduce") != nullptr;
}

NDArray random_array(std::mt19937_64& rng, const Shape& shape, double lo, double hi) {
  std::uniform_real_distribution<double> u(lo, hi);
  std::vector<double> v(static_cast<std::size_t>(shape_size(shape)));
  for (double& e : v) e = u(rng);
  return NDArray::from_vector(v, shape);
}

NDArray eval1(const std::vector<Var>& inputs, const Var& output, const std::vector<Value>& args) {
  return function(std::vector<In>(inputs.begin(), inputs.end()), {Out(output)})(args).at(0).array();
}

struct ReduceCase {
  const char* name;
  Reduce fn;
  double lo, hi;
};

std::vector<ReduceCase> reduce_cases() {
  return {
      {"sum", [](auto& x, T::Axes a, bool k) { return T::sum(x, a, k); }, -2, 2},
      {"prod", [](auto& x, T::Axes a, bool k) { return T::prod(x, a, k); }, 0.5, 2},
      {"max", [](auto& x, T::Axes a, bool k) { return T::max(x, a, k); }, -2, 2},
      {"min", [](auto& x, T::Axes a, bool k) { return T::min(x, a, k); }, -2, 2},
      {"mean", [](auto& x, T::Axes a, bool k) { return T::mean(x, a, k); }, -2, 2},
      {"var", [](auto& x, T::Axes a, bool k) { return T::var(x, a, k); }, -2, 2},
      {"std", [](auto& x, T::Axes a, bool k) { return T::std(x, a, k); }, -2, 2},
  };
}

TEST(GradReduce, VerifyGradOverAxesAndShapes) {
  if (!has_reductions()) GTEST_SKIP() << "CAReduce is not registered";
  std::mt19937_64 rng(21);
  const std::vector<std::pair<Shape, std::vector<T::Axes>>> layouts{
      {{5}, {T::Axes(), T::Axes(0)}},
      {{2, 3}, {T::Axes(), T::Axes(0), T::Axes(1), T::Axes({0, 1})}},
      {{3, 1, 2}, {T::Axes(), T::Axes(1), T::Axes({0, 2}), T::Axes(-1)}},
  };
  for (const ReduceCase& c : reduce_cases()) {
    for (const auto& [shape, axes_list] : layouts) {
      for (const T::Axes& axes : axes_list) {
        // std over one element is sqrt(0): its derivative is NaN, as in Theano.
        if (std::string(c.name) == "std" && shape == Shape{3, 1, 2} &&
            axes.resolve(3, "test") == std::vector<std::int64_t>{1}) {
          continue;
        }
        for (bool keepdims : {false, true}) {
          NDArray x = random_array(rng, shape, c.lo, c.hi);
          GradCheckReport r = check_grad(
              [&](const std::vector<Var>& in) { return T::exp(c.fn(in[0], axes, keepdims)); }, {x});
          EXPECT_TRUE(r.ok) << c.name << " of " << shape_str(shape) << " keepdims " << keepdims
                            << ": " << r.message;
        }
      }
    }
  }
}

TEST(GradReduce, MaxSendsTheGradientToEveryTiedMaximum) {
  if (!has_reductions()) GTEST_SKIP() << "CAReduce is not registered";
  T::TensorVar x = T::dmatrix("x");
  Var g = grad(T::sum(T::max(x, 1) * T::constant(NDArray::from_values<double>({1, 10}))), x);
  NDArray xs = NDArray::from_vector(std::vector<double>{1, 3, 3, -1, -2, -1}, {2, 3});
  NDArray want = NDArray::from_vector(std::vector<double>{0, 1, 1, 10, 0, 10}, {2, 3});
  EXPECT_TRUE(allclose(eval1({x}, g, {xs}), want)) << eval1({x}, g, {xs}).str();
  Var gmin = grad(T::min(x), x);
  NDArray want_min = NDArray::from_vector(std::vector<double>{0, 0, 0, 0, 1, 0}, {2, 3});
  EXPECT_TRUE(allclose(eval1({x}, gmin, {xs}), want_min)) << eval1({x}, gmin, {xs}).str();
}

TEST(GradReduce, ProdWithZeros) {
  if (!has_reductions()) GTEST_SKIP() << "CAReduce is not registered";
  T::TensorVar x = T::dvector("x");
  Var g = grad(T::prod(x), x);
  // No zero: prod / x_i. One zero: the product of the others at the zero, 0 elsewhere. Two: 0.
  EXPECT_TRUE(allclose(eval1({x}, g, {NDArray::from_values<double>({2, 3, 4})}),
                       NDArray::from_values<double>({12, 8, 6})));
  EXPECT_TRUE(allclose(eval1({x}, g, {NDArray::from_values<double>({2, 0, 4})}),
                       NDArray::from_values<double>({0, 8, 0})));
  EXPECT_TRUE(allclose(eval1({x}, g, {NDArray::from_values<double>({0, 3, 0})}),
                       NDArray::from_values<double>({0, 0, 0})));
  // prod is multilinear: finite differences are exact enough even at zeros.
  GradCheckReport r =
      check_grad([](auto& in) { return T::prod(in[0], T::Axes(1)); },
                 {NDArray::from_vector(std::vector<double>{0, 2, 3, 0, 0, 5}, {2, 3})});
  EXPECT_TRUE(r.ok) << r.message;
}

TEST(GradReduce, ForwardModeMatchesLopOfLop) {
  if (!has_reductions()) GTEST_SKIP() << "CAReduce is not registered";
  std::mt19937_64 rng(22);
  T::TensorVar x = T::dmatrix("x"), v = T::dmatrix("v");
  for (const ReduceCase& c : reduce_cases()) {
    T::TensorVar f = c.fn(x, T::Axes(1), false);
    Var r = Rop(f, x, v);
    Var u = Variable::make(f->type(), "u");
    Var reference = Lop(Lop(f, x, u), u, v);
    std::vector<Value> args{random_array(rng, {3, 4}, c.lo, c.hi), random_array(rng, {3, 4}, -1, 1),
                            random_array(rng, {3}, -5, 5)};
    FunctionOptions options;
    options.on_unused_input = "ignore";  // the Rop of a sum does not read x
    auto got = function({x.var(), v.var(), u}, {Out(r), Out(reference)}, options)(args);
    EXPECT_TRUE(allclose(got[0].array(), got[1].array(), 1e-10, 1e-12))
        << c.name << ": Rop " << got[0].array().str() << " vs " << got[1].array().str();
  }
}

}  // namespace
}  // namespace theano::gradtest
