// Exponential, logarithmic, trigonometric and special functions: table
// entries. All compute in floating point (integers are upgraded first).
#include <cmath>

#include "basic_op.h"
#include "cexpr.h"
#include "functors_math.h"

namespace theano::elemwise {

namespace {

using G = GradArgs;
using T::TensorVar;
constexpr double kLn2 = 0.69314718055994530942;
constexpr double kLn10 = 2.30258509299404568402;
constexpr double kTwoOverSqrtPi = 1.12837916709551257390;
constexpr double kSqrtPiOverTwo = 0.88622692545275801365;

ScalarSpec unary(std::string name, std::string doc, OutRule rule, LoopFactory loop, CExprRule c,
                 std::function<Var(const G&)> grad) {
  GradRule rule_fn = nullptr;
  if (grad) rule_fn = [grad](const G& g) -> std::vector<Var> { return {grad(g)}; };
  return ScalarSpec{std::move(name), 1, std::move(doc), rule, loop, std::move(c), rule_fn};
}

}  // namespace

std::vector<ScalarSpec> transcendental_specs() {
  using cexpr::math;
  const auto F = OutRule::ToFloat;
  const auto FR = OutRule::ToFloatNoComplex;
  std::vector<ScalarSpec> s;
  s.push_back(unary("exp", "e ** a", F, &make_unary_loop<fn::Exp>, math("exp"),
                    [](const G& g) { return g.gz * g.out; }));
  s.push_back(unary("exp2", "2 ** a", FR, &make_unary_loop<fn::Exp2>, math("exp2"),
                    [](const G& g) { return g.gz * g.out * kLn2; }));
  s.push_back(unary("expm1", "e ** a - 1", FR, &make_unary_loop<fn::Expm1>, math("expm1"),
                    [](const G& g) { return g.gz * (g.out + 1); }));
  s.push_back(unary("log", "natural logarithm", F, &make_unary_loop<fn::Log>, math("log"),
                    [](const G& g) { return g.gz / g.x[0]; }));
  s.push_back(unary("log2", "base-2 logarithm", FR, &make_unary_loop<fn::Log2>, math("log2"),
                    [](const G& g) { return g.gz / (g.x[0] * kLn2); }));
  s.push_back(unary("log10", "base-10 logarithm", F, &make_unary_loop<fn::Log10>, math("log10"),
                    [](const G& g) { return g.gz / (g.x[0] * kLn10); }));
  s.push_back(unary("log1p", "log(1 + a), accurate near 0", FR, &make_unary_loop<fn::Log1p>,
                    math("log1p"), [](const G& g) { return g.gz / (g.x[0] + 1); }));
  s.push_back(unary("sin", "sine", F, &make_unary_loop<fn::Sin>, math("sin"),
                    [](const G& g) { return g.gz * T::cos(g.x[0]); }));
  s.push_back(unary("cos", "cosine", F, &make_unary_loop<fn::Cos>, math("cos"),
                    [](const G& g) { return -(g.gz * T::sin(g.x[0])); }));
  s.push_back(unary("tan", "tangent", F, &make_unary_loop<fn::Tan>, math("tan"),
                    [](const G& g) { return g.gz * (T::sqr(g.out) + 1); }));
  s.push_back(unary("arcsin", "inverse sine", F, &make_unary_loop<fn::ArcSin>, math("asin"),
                    [](const G& g) { return g.gz / T::sqrt(1 - T::sqr(g.x[0])); }));
  s.push_back(unary("arccos", "inverse cosine", F, &make_unary_loop<fn::ArcCos>, math("acos"),
                    [](const G& g) { return -(g.gz / T::sqrt(1 - T::sqr(g.x[0]))); }));
  s.push_back(unary("arctan", "inverse tangent", F, &make_unary_loop<fn::ArcTan>, math("atan"),
                    [](const G& g) { return g.gz / (T::sqr(g.x[0]) + 1); }));
  s.push_back(unary("sinh", "hyperbolic sine", F, &make_unary_loop<fn::Sinh>, math("sinh"),
                    [](const G& g) { return g.gz * T::cosh(g.x[0]); }));
  s.push_back(unary("cosh", "hyperbolic cosine", F, &make_unary_loop<fn::Cosh>, math("cosh"),
                    [](const G& g) { return g.gz * T::sinh(g.x[0]); }));
  s.push_back(unary("tanh", "hyperbolic tangent", F, &make_unary_loop<fn::Tanh>, math("tanh"),
                    [](const G& g) { return g.gz * (1 - T::sqr(g.out)); }));
  s.push_back(unary("arcsinh", "inverse hyperbolic sine", F, &make_unary_loop<fn::ArcSinh>,
                    math("asinh"), [](const G& g) { return g.gz / T::sqrt(T::sqr(g.x[0]) + 1); }));
  s.push_back(unary("arccosh", "inverse hyperbolic cosine", F, &make_unary_loop<fn::ArcCosh>,
                    math("acosh"), [](const G& g) { return g.gz / T::sqrt(T::sqr(g.x[0]) - 1); }));
  s.push_back(unary("arctanh", "inverse hyperbolic tangent", F, &make_unary_loop<fn::ArcTanh>,
                    math("atanh"), [](const G& g) { return g.gz / (1 - T::sqr(g.x[0])); }));
  s.push_back(unary("deg2rad", "degrees to radians", FR, &make_unary_loop<fn::Deg2Rad>,
                    cexpr::pattern("($0 * ($T)0.017453292519943295769)"),
                    [](const G& g) { return g.gz * 0.017453292519943295769; }));
  s.push_back(unary("rad2deg", "radians to degrees", FR, &make_unary_loop<fn::Rad2Deg>,
                    cexpr::pattern("($0 * ($T)57.295779513082320877)"),
                    [](const G& g) { return g.gz * 57.295779513082320877; }));
  ScalarSpec atan2{"arctan2",
                   2,
                   "atan2(y, x): the angle of (x, y)",
                   FR,
                   &make_binary_loop<fn::ArcTan2>,
                   math("atan2"),
                   [](const G& g) -> std::vector<Var> {
                     TensorVar r2 = T::sqr(g.x[0]) + T::sqr(g.x[1]);
                     return {g.gz * g.x[1] / r2, -(g.gz * g.x[0] / r2)};
                   }};
  s.push_back(atan2);
  for (auto& e : s) e.c_support = cexpr::support_code();
  return s;
}

std::vector<ScalarSpec> special_specs() {
  using cexpr::helper;
  using cexpr::math;
  const auto FR = OutRule::ToFloatNoComplex;
  std::vector<ScalarSpec> s;
  s.push_back(unary("erf", "error function", FR, &make_unary_loop<fn::Erf>, math("erf"),
                    [](const G& g) { return g.gz * kTwoOverSqrtPi * T::exp(-T::sqr(g.x[0])); }));
  s.push_back(unary("erfc", "1 - erf(a), accurate for large a", FR, &make_unary_loop<fn::Erfc>,
                    math("erfc"),
                    [](const G& g) { return -(g.gz * kTwoOverSqrtPi * T::exp(-T::sqr(g.x[0]))); }));
  s.push_back(unary("erfinv", "inverse error function", FR, &make_unary_loop<fn::ErfInv>,
                    helper("theano_erfinv"),
                    [](const G& g) { return g.gz * kSqrtPiOverTwo * T::exp(T::sqr(g.out)); }));
  s.push_back(unary("erfcinv", "inverse of erfc", FR, &make_unary_loop<fn::ErfcInv>,
                    helper("theano_erfcinv"),
                    [](const G& g) { return -(g.gz * kSqrtPiOverTwo * T::exp(T::sqr(g.out))); }));
  s.push_back(unary("gamma", "the gamma function", FR, &make_unary_loop<fn::Gamma>, math("tgamma"),
                    [](const G& g) { return g.gz * g.out * T::psi(g.x[0]); }));
  s.push_back(unary("gammaln", "log |gamma(a)|", FR, &make_unary_loop<fn::GammaLn>, math("lgamma"),
                    [](const G& g) { return g.gz * T::psi(g.x[0]); }));
  s.push_back(unary("psi", "digamma: d/da log gamma(a)", FR, &make_unary_loop<fn::Psi>,
                    helper("theano_psi"), [](const G& g) { return g.gz * T::tri_gamma(g.x[0]); }));
  ScalarSpec tri = unary("tri_gamma", "trigamma: d/da psi(a)", FR, &make_unary_loop<fn::TriGamma>,
                         helper("theano_trigamma"), nullptr);
  tri.grad = [](const G&) -> std::vector<Var> { return {}; };  // undefined
  s.push_back(tri);
  s.push_back(unary("xlogx", "a * log(a), 0 at a = 0", FR, &make_unary_loop<fn::XLogX>,
                    helper("theano_xlogx"),
                    [](const G& g) { return g.gz * (T::log(g.x[0]) + 1); }));
  ScalarSpec xlogy0{"xlogy0",
                    2,
                    "x * log(y), 0 where x = 0",
                    FR,
                    &make_binary_loop<fn::XLogY0>,
                    helper("theano_xlogy0"),
                    [](const G& g) -> std::vector<Var> {
                      return {g.gz * T::log(g.x[1]), g.gz * g.x[0] / g.x[1]};
                    }};
  s.push_back(xlogy0);
  for (auto& e : s) e.c_support = cexpr::support_code();
  return s;
}

}  // namespace theano::elemwise
