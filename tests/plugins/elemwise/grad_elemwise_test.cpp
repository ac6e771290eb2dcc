// verify_grad on the elemwise plugin's differentiable ops: every unary
// function over several shapes and both float dtypes, the binary and n-ary
// ones over broadcast patterns, DimShuffle and casts.
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
using Unary = std::function<T::TensorVar(const T::TensorVar&)>;

struct Domain {
  double lo, hi;
  bool random_sign = false;  ///< values in [lo, hi] or [-hi, -lo]
};

NDArray random_array(std::mt19937_64& rng, const Shape& shape, Domain d, DType dtype) {
  std::uniform_real_distribution<double> u(d.lo, d.hi);
  std::bernoulli_distribution sign(0.5);
  std::vector<double> v(static_cast<std::size_t>(shape_size(shape)));
  for (double& e : v) e = u(rng) * (d.random_sign && sign(rng) ? -1 : 1);
  return NDArray::from_vector(v, shape).astype(dtype);
}

bool has_reductions() {
  initialize();
  return Registry::global().find_op("CAReduce") != nullptr;
}

struct UnaryCase {
  const char* name;
  Unary fn;
  Domain domain;
};

std::vector<UnaryCase> unary_cases() {
  const Domain any{-2, 2}, pos{0.3, 3}, unit{-0.8, 0.8}, away{0.3, 2, true};
  return {
      {"exp", [](auto& x) { return T::exp(x); }, any},
      {"exp2", [](auto& x) { return T::exp2(x); }, any},
      {"expm1", [](auto& x) { return T::expm1(x); }, any},
      {"log", [](auto& x) { return T::log(x); }, pos},
      {"log2", [](auto& x) { return T::log2(x); }, pos},
      {"log10", [](auto& x) { return T::log10(x); }, pos},
      {"log1p", [](auto& x) { return T::log1p(x); }, {-0.5, 2}},
      {"sin", [](auto& x) { return T::sin(x); }, any},
      {"cos", [](auto& x) { return T::cos(x); }, any},
      {"tan", [](auto& x) { return T::tan(x); }, {-1, 1}},
      {"arcsin", [](auto& x) { return T::arcsin(x); }, unit},
      {"arccos", [](auto& x) { return T::arccos(x); }, unit},
      {"arctan", [](auto& x) { return T::arctan(x); }, any},
      {"sinh", [](auto& x) { return T::sinh(x); }, any},
      {"cosh", [](auto& x) { return T::cosh(x); }, any},
      {"tanh", [](auto& x) { return T::tanh(x); }, any},
      {"arcsinh", [](auto& x) { return T::arcsinh(x); }, any},
      {"arccosh", [](auto& x) { return T::arccosh(x); }, {1.3, 3}},
      {"arctanh", [](auto& x) { return T::arctanh(x); }, unit},
      {"deg2rad", [](auto& x) { return T::deg2rad(x); }, any},
      {"rad2deg", [](auto& x) { return T::rad2deg(x); }, any},
      {"erf", [](auto& x) { return T::erf(x); }, any},
      {"erfc", [](auto& x) { return T::erfc(x); }, any},
      {"erfinv", [](auto& x) { return T::erfinv(x); }, unit},
      {"erfcinv", [](auto& x) { return T::erfcinv(x); }, {0.2, 1.8}},
      {"gamma", [](auto& x) { return T::gamma(x); }, {0.5, 3}},
      {"gammaln", [](auto& x) { return T::gammaln(x); }, {0.5, 3}},
      {"psi", [](auto& x) { return T::psi(x); }, {0.5, 3}},
      {"xlogx", [](auto& x) { return T::xlogx(x); }, pos},
      {"sqrt", [](auto& x) { return T::sqrt(x); }, pos},
      {"sqr", [](auto& x) { return T::sqr(x); }, any},
      {"neg", [](auto& x) { return T::neg(x); }, any},
      {"inv", [](auto& x) { return T::inv(x); }, away},
      {"abs", [](auto& x) { return T::abs(x); }, away},
      {"identity", [](auto& x) { return T::identity(x); }, any},
      {"pow by constant", [](auto& x) { return T::pow(x, 3); }, any},
      {"chain", [](auto& x) { return T::tanh(T::exp(x) * 0.5 - T::sqr(x)); }, any},
  };
}

void check_unary(const UnaryCase& c, const Shape& shape, DType dtype, std::mt19937_64& rng) {
  NDArray x = random_array(rng, shape, c.domain, dtype);
  GradCheckReport r = check_grad([&](const std::vector<Var>& in) { return c.fn(in[0]); }, {x});
  EXPECT_TRUE(r.ok) << c.name << " " << dtype_name(dtype) << " " << shape_str(shape) << ": "
                    << r.message;
}

TEST(GradElemwise, UnaryFunctionsFloat64) {
  std::mt19937_64 rng(1);
  for (const UnaryCase& c : unary_cases()) {
    for (const Shape& shape : {Shape{}, Shape{5}, Shape{2, 3}})
      check_unary(c, shape, DType::Float64, rng);
  }
}

TEST(GradElemwise, UnaryFunctionsFloat32) {
  std::mt19937_64 rng(2);
  for (const UnaryCase& c : unary_cases()) check_unary(c, Shape{3, 2}, DType::Float32, rng);
}

using Binary = std::function<T::TensorVar(const T::TensorVar&, const T::TensorVar&)>;

struct BinaryCase {
  const char* name;
  Binary fn;
  Domain a, b;
};

std::vector<BinaryCase> binary_cases() {
  const Domain any{-2, 2}, pos{0.5, 2}, away{0.5, 2, true};
  return {
      {"add", [](auto& a, auto& b) { return a + b; }, any, any},
      {"sub", [](auto& a, auto& b) { return a - b; }, any, any},
      {"mul", [](auto& a, auto& b) { return a * b; }, any, any},
      {"true_div", [](auto& a, auto& b) { return a / b; }, any, away},
      {"pow", [](auto& a, auto& b) { return T::pow(a, b); }, pos, any},
      {"maximum", [](auto& a, auto& b) { return T::maximum(a, b); }, {0.5, 2}, {-2, -0.5}},
      {"minimum", [](auto& a, auto& b) { return T::minimum(a, b); }, {0.5, 2}, {-2, -0.5}},
      {"arctan2", [](auto& a, auto& b) { return T::arctan2(a, b); }, any, away},
      {"xlogy0", [](auto& a, auto& b) { return T::xlogy0(a, b); }, any, pos},
      {"second", [](auto& a, auto& b) { return T::second(a, b); }, any, any},
      {"switch on a comparison", [](auto& a, auto& b) { return T::switch_(T::gt(a, 0), a * b, b); },
       away, any},
      {"n-ary add",
       [](auto& a, auto& b) {
         return T::add(std::vector<T::Operand>{a, b, a * 2.0});
       },
       any, any},
      {"n-ary mul",
       [](auto& a, auto& b) {
         return T::mul(std::vector<T::Operand>{a, b, a});
       },
       any, any},
  };
}

void check_binary(const BinaryCase& c, const Shape& sa, const Shape& sb, std::mt19937_64& rng) {
  NDArray a = random_array(rng, sa, c.a, DType::Float64),
          b = random_array(rng, sb, c.b, DType::Float64);
  GradCheckReport r =
      check_grad([&](const std::vector<Var>& in) { return c.fn(in[0], in[1]); }, {a, b});
  EXPECT_TRUE(r.ok) << c.name << " " << shape_str(sa) << " with " << shape_str(sb) << ": "
                    << r.message;
}

TEST(GradElemwise, BinaryFunctionsSameShape) {
  std::mt19937_64 rng(3);
  for (const BinaryCase& c : binary_cases()) {
    check_binary(c, Shape{}, Shape{}, rng);
    check_binary(c, Shape{2, 3}, Shape{2, 3}, rng);
  }
}

TEST(GradElemwise, BinaryFunctionsBroadcasting) {
  if (!has_reductions())
    GTEST_SKIP() << "broadcast gradients need CAReduce (sum), not registered yet";
  std::mt19937_64 rng(4);
  const std::vector<std::pair<Shape, Shape>> patterns{{{2, 3}, {1, 3}}, {{2, 3}, {2, 1}},
                                                      {{1, 3}, {2, 1}}, {{2, 3}, {3}},
                                                      {{2, 3}, {}},     {{}, {2, 2}}};
  for (const BinaryCase& c : binary_cases()) {
    for (const auto& [sa, sb] : patterns) check_binary(c, sa, sb, rng);
  }
}

// Forward mode: Rop(f, x, v) against Lop(Lop(f, x, u), u, v), which holds
// for any u, on random points.
void expect_rop_matches(const char* name, const std::vector<T::TensorVar>& in,
                        const T::TensorVar& f, const std::vector<NDArray>& values,
                        std::mt19937_64& rng) {
  std::vector<Var> wrt(in.begin(), in.end()), tangents, fun_inputs(in.begin(), in.end());
  std::vector<Value> args(values.begin(), values.end());
  for (std::size_t i = 0; i < in.size(); ++i) {
    tangents.push_back(Variable::make(in[i].type(), "v" + std::to_string(i)));
    fun_inputs.push_back(tangents.back());
    args.emplace_back(random_array(rng, values[i].shape(), {-1, 1}, values[i].dtype()));
  }
  Var r = Rop({f.var()}, wrt, tangents)[0];
  Var u = Variable::make(f->type(), "u");
  GradOptions ignore;  // second(a, b) does not depend on a's values
  ignore.disconnected_inputs = DisconnectedPolicy::Ignore;
  std::vector<Var> g = Lop({f.var()}, wrt, {u}, ignore);
  Var reference = Lop(g, {u}, tangents)[0];
  fun_inputs.push_back(u);
  args.emplace_back(random_array(rng, values[0].shape(), {-3, 3}, values[0].dtype()));
  FunctionOptions options;
  options.on_unused_input = "ignore";
  auto got = function(std::vector<In>(fun_inputs.begin(), fun_inputs.end()),
                      {Out(r), Out(reference)}, options)(args);
  EXPECT_TRUE(allclose(got[0].array(), got[1].array(), 1e-10, 1e-12))
      << name << ": Rop " << got[0].array().str() << " vs Lop of Lop " << got[1].array().str();
}

// Disabled: exposes a known fusion+in-place bug (a Composite output overwrites an input it
// reads again, e.g. Composite{((-i0) * i1 * i1)}[(0, 1)]); re-enable with the fix.
TEST(GradElemwise, RopMatchesLopOfLop) {
  std::mt19937_64 rng(8);
  for (const UnaryCase& c : unary_cases()) {
    T::TensorVar x = T::dmatrix("x");
    expect_rop_matches(c.name, {x}, c.fn(x), {random_array(rng, {2, 3}, c.domain, DType::Float64)},
                       rng);
  }
  for (const BinaryCase& c : binary_cases()) {
    T::TensorVar a = T::dmatrix("a"), b = T::dmatrix("b");
    expect_rop_matches(c.name, {a, b}, c.fn(a, b),
                       {random_array(rng, {2, 3}, c.a, DType::Float64),
                        random_array(rng, {2, 3}, c.b, DType::Float64)},
                       rng);
  }
}

TEST(GradElemwise, ClipInsideAndOutside) {
  std::mt19937_64 rng(5);
  // Values kept away from the bounds, where the derivative jumps.
  NDArray x = NDArray::from_vector(std::vector<double>{-3, -0.5, 0.2, 0.7, 4, 1.5}, {2, 3});
  NDArray lo = NDArray::full(DType::Float64, {2, 3}, -1),
          hi = NDArray::full(DType::Float64, {2, 3}, 1);
  GradCheckReport r = check_grad(
      [](const std::vector<Var>& in) { return T::clip(in[0], in[1], in[2]); }, {x, lo, hi});
  EXPECT_TRUE(r.ok) << r.message;
}

TEST(GradElemwise, DimShuffleAndCast) {
  std::mt19937_64 rng(6);
  NDArray m = random_array(rng, {2, 3}, {-2, 2}, DType::Float64);
  NDArray row = random_array(rng, {1, 3}, {-2, 2}, DType::Float64);
  auto expect_ok = [](const GradCheckReport& r, const char* what) {
    EXPECT_TRUE(r.ok) << what << ": " << r.message;
  };
  expect_ok(check_grad([](auto& in) { return T::transpose(T::exp(in[0])); }, {m}), "transpose");
  expect_ok(check_grad(
                [](auto& in) {
                  return T::dimshuffle(in[0], {1, T::newaxis, 0});
                },
                {m}),
            "add axis");
  expect_ok(check_grad([](auto& in) { return T::sin(T::dimshuffle(in[0], {1})); }, {row}),
            "drop axis");
  expect_ok(check_grad([](auto& in) { return T::cast(in[0], DType::Float32) * 2.0; }, {m}),
            "cast down");
  NDArray f = m.astype(DType::Float32);
  expect_ok(check_grad([](auto& in) { return T::cast(in[0], DType::Float64) * 2.0; }, {f}),
            "cast up");
}

TEST(GradElemwise, CatchesAMissingTerm) {
  // zero_grad hides exp's derivative from the symbolic gradient, so
  // f = exp(zero_grad(x)) + x claims df/dx = 1 where it is exp(x) + 1.
  std::mt19937_64 rng(7);
  NDArray x = random_array(rng, {4}, {0.5, 1.5}, DType::Float64);
  GradCheckReport r =
      check_grad([](auto& in) { return T::exp(zero_grad(in[0])) + T::TensorVar(in[0]); }, {x});
  ASSERT_FALSE(r.ok);
  double xe = x.to_vector<double>().at(r.element);
  EXPECT_NEAR(r.numeric, r.analytic * (std::exp(xe) + 1), 1e-6 * std::abs(r.numeric)) << r.message;
}

}  // namespace
}  // namespace theano::gradtest
