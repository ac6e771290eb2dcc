// The arithmetic scalar ops: their dtype rules, kernels, C expressions and
// gradients, one table entry each.
#include "../vecmath/vecmath.h"
#include "basic_op.h"
#include "cexpr.h"
#include "functors_arith.h"

namespace theano::elemwise {

namespace fn {
bool Pow::vec2(const float* a, const float* b, float* o, std::int64_t n) {
  auto k = vecmath::binary_f32(vecmath::Fn2::Pow);
  if (k) k(a, b, o, n);
  return k != nullptr;
}
bool Pow::vec2(const double* a, const double* b, double* o, std::int64_t n) {
  auto k = vecmath::binary_f64(vecmath::Fn2::Pow);
  if (k) k(a, b, o, n);
  return k != nullptr;
}
}  // namespace fn

namespace {

using T::TensorVar;
using G = GradArgs;

std::vector<Var> add_grad(const G& g) {
  return std::vector<Var>(g.x.size(), g.gz.var());
}

std::vector<Var> mul_grad(const G& g) {
  std::vector<Var> out;
  for (std::size_t i = 0; i < g.x.size(); ++i) {
    std::vector<T::Operand> factors{g.gz};
    for (std::size_t j = 0; j < g.x.size(); ++j)
      if (j != i) factors.emplace_back(g.x[j]);
    out.push_back(T::mul(factors));
  }
  return out;
}

std::vector<Var> pow_grad(const G& g) {
  const TensorVar &x = g.x[0], &y = g.x[1];
  TensorVar gx = g.gz * y * T::pow(x, y - 1);
  TensorVar gy = g.gz * T::switch_(T::eq(x, 0), 0, T::log(x) * g.out);
  return {gx, gy};
}

std::vector<Var> minmax_grad(const G& g) {
  TensorVar first = T::eq(g.out, g.x[0]);
  return {g.gz * first, g.gz * T::invert(first)};
}

std::vector<Var> clip_grad(const G& g) {
  const TensorVar &x = g.x[0], &lo = g.x[1], &hi = g.x[2];
  TensorVar below = T::lt(x, lo), above = T::gt(x, hi);
  TensorVar inside = T::invert(T::or_(below, above));
  return {g.gz * inside, g.gz * below, g.gz * above};
}

ScalarSpec spec(std::string name, int nin, std::string doc, OutRule rule, LoopFactory loop,
                CExprRule c, GradRule grad) {
  return ScalarSpec{std::move(name), nin, std::move(doc), rule, loop, std::move(c),
                    std::move(grad)};
}

}  // namespace

std::vector<ScalarSpec> arithmetic_specs() {
  using cexpr::helper;
  using cexpr::infix;
  using cexpr::math;
  using cexpr::pattern;
  const std::string& support = cexpr::support_code();
  std::vector<ScalarSpec> s;

  ScalarSpec add = spec("add", -1, "sum of the inputs (n-ary)", OutRule::Upcast,
                        &make_accumulate_loop<fn::Add>, infix("+"), add_grad);
  add.commutative = add.associative = true;
  add.identity = 0.0;
  s.push_back(add);
  s.push_back(spec("sub", 2, "a - b", OutRule::UpcastNoBool, &make_binary_loop<fn::Sub>, infix("-"),
                   [](const G& g) -> std::vector<Var> {
                     return {g.gz, -g.gz};
                   }));
  ScalarSpec mul = spec("mul", -1, "product of the inputs (n-ary)", OutRule::Upcast,
                        &make_accumulate_loop<fn::Mul>, infix("*"), mul_grad);
  mul.commutative = mul.associative = true;
  mul.identity = 1.0;
  s.push_back(mul);
  s.push_back(spec("true_div", 2, "a / b in floating point", OutRule::ToFloat,
                   &make_binary_loop<fn::TrueDiv>, infix("/"), [](const G& g) -> std::vector<Var> {
                     return {g.gz / g.x[1], -(g.gz * g.out / g.x[1])};
                   }));
  s.push_back(spec("int_div", 2, "floor(a / b); integer division by zero gives 0",
                   OutRule::UpcastMin8NoComplex, &make_binary_loop<fn::IntDiv>,
                   helper("theano_floordiv"), nullptr));
  s.push_back(spec("mod", 2, "a - floor(a / b) * b (sign of b, as Python's %)",
                   OutRule::UpcastMin8NoComplex, &make_binary_loop<fn::Mod>, helper("theano_mod"),
                   [](const G& g) -> std::vector<Var> {
                     return {g.gz, -(g.gz * T::int_div(g.x[0], g.x[1]))};
                   }));
  s.push_back(spec("pow", 2, "a ** b (integer powers of integers are exact)", OutRule::UpcastMin8,
                   &make_binary_loop<fn::Pow>, helper("theano_pow"), pow_grad));
  s.push_back(spec("neg", 1, "-a", OutRule::UpcastNoBool, &make_unary_loop<fn::Neg>,
                   cexpr::prefix("-"), [](const G& g) -> std::vector<Var> { return {-g.gz}; }));
  s.push_back(spec("inv", 1, "1 / a", OutRule::ToFloat, &make_unary_loop<fn::Inv>,
                   pattern("(($T)1 / $0)"),
                   [](const G& g) -> std::vector<Var> { return {-(g.gz * g.out * g.out)}; }));
  s.push_back(spec("sqr", 1, "a * a", OutRule::Upcast, &make_unary_loop<fn::Sqr>,
                   pattern("($0 * $0)"),
                   [](const G& g) -> std::vector<Var> { return {g.gz * g.x[0] * 2}; }));
  s.push_back(spec("sqrt", 1, "square root", OutRule::ToFloat, &make_unary_loop<fn::Sqrt>,
                   math("sqrt"),
                   [](const G& g) -> std::vector<Var> { return {g.gz * 0.5 / g.out}; }));
  s.push_back(spec("abs", 1, "absolute value (magnitude of complex numbers)", OutRule::Magnitude,
                   &make_unary_loop<fn::Abs>, helper("theano_abs"),
                   [](const G& g) -> std::vector<Var> { return {g.gz * T::sgn(g.x[0])}; }));
  s.push_back(spec("sgn", 1, "sign: -1, 0 or 1 (NaN stays NaN)", OutRule::RoundLike,
                   &make_unary_loop<fn::Sgn>, helper("theano_sgn"), nullptr));
  s.push_back(spec("maximum", 2, "larger of a and b; NaN wins", OutRule::UpcastNoComplex,
                   &make_binary_loop<fn::Maximum>, helper("theano_maximum"), minmax_grad));
  s.back().commutative = s.back().associative = true;
  s.push_back(spec("minimum", 2, "smaller of a and b; NaN wins", OutRule::UpcastNoComplex,
                   &make_binary_loop<fn::Minimum>, helper("theano_minimum"), minmax_grad));
  s.back().commutative = s.back().associative = true;
  s.push_back(spec("identity", 1, "a copy of a", OutRule::Upcast, &make_unary_loop<fn::Identity>,
                   pattern("$0"), [](const G& g) -> std::vector<Var> { return {g.gz}; }));
  s.push_back(spec("round_half_to_even", 1, "round to nearest, ties to even", OutRule::RoundLike,
                   &make_unary_loop<fn::RoundHalfEven>, helper("theano_round"), nullptr));
  s.push_back(spec("round_half_away_from_zero", 1, "round to nearest, ties away from zero",
                   OutRule::RoundLike, &make_unary_loop<fn::RoundHalfAway>,
                   helper("theano_round_away"), nullptr));
  s.push_back(spec("floor", 1, "largest integer <= a", OutRule::ToFloatNoComplex,
                   &make_unary_loop<fn::Floor>, math("floor"), nullptr));
  s.push_back(spec("ceil", 1, "smallest integer >= a", OutRule::ToFloatNoComplex,
                   &make_unary_loop<fn::Ceil>, math("ceil"), nullptr));
  s.push_back(spec("trunc", 1, "a rounded toward zero", OutRule::ToFloatNoComplex,
                   &make_unary_loop<fn::Trunc>, math("trunc"), nullptr));
  s.push_back(spec("clip", 3, "min(max(x, lo), hi)", OutRule::UpcastNoComplex,
                   &make_ternary_loop<fn::Clip>, pattern("($0 < $1 ? $1 : ($0 > $2 ? $2 : $0))"),
                   clip_grad));
  for (auto& e : s) e.c_support = support;
  return s;
}

}  // namespace theano::elemwise
