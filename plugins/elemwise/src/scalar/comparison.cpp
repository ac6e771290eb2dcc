// Comparisons, logic and selection: table entries. Their outputs are bool
// (or integers for bitwise ops), so Elemwise gives them zero gradients,
// except switch, whose value inputs receive the gradient where selected.
#include "basic_op.h"
#include "cexpr.h"
#include "functors_logic.h"

namespace theano::elemwise {

namespace {

ScalarSpec spec(std::string name, int nin, std::string doc, OutRule rule, LoopFactory loop,
                CExprRule c) {
  return ScalarSpec{std::move(name), nin, std::move(doc), rule, loop, std::move(c), nullptr};
}

std::vector<Var> switch_grad(const GradArgs& g) {
  const T::TensorVar& cond = g.x[0];
  return {zero_grad(cond, g.gz), T::switch_(cond, g.gz, 0), T::switch_(cond, 0, g.gz)};
}

}  // namespace

std::vector<ScalarSpec> comparison_specs() {
  using cexpr::helper;
  using cexpr::infix;
  std::vector<ScalarSpec> s;
  s.push_back(
      spec("lt", 2, "a < b", OutRule::CompareNoComplex, &make_binary_loop<fn::Lt>, infix("<")));
  s.push_back(
      spec("gt", 2, "a > b", OutRule::CompareNoComplex, &make_binary_loop<fn::Gt>, infix(">")));
  s.push_back(
      spec("le", 2, "a <= b", OutRule::CompareNoComplex, &make_binary_loop<fn::Le>, infix("<=")));
  s.push_back(
      spec("ge", 2, "a >= b", OutRule::CompareNoComplex, &make_binary_loop<fn::Ge>, infix(">=")));
  s.push_back(spec("eq", 2, "a == b", OutRule::Compare, &make_binary_loop<fn::Eq>, infix("==")));
  s.back().commutative = true;
  s.push_back(spec("neq", 2, "a != b", OutRule::Compare, &make_binary_loop<fn::Neq>, infix("!=")));
  s.back().commutative = true;
  s.push_back(spec("isnan", 1, "a is NaN (never for integers)", OutRule::Compare,
                   &make_unary_loop<fn::IsNan>, helper("theano_isnan")));
  s.push_back(spec("isinf", 1, "a is +-infinity (never for integers)", OutRule::Compare,
                   &make_unary_loop<fn::IsInf>, helper("theano_isinf")));
  s.push_back(spec("and", 2, "bitwise and (logical on bool)", OutRule::IntOrBool,
                   &make_binary_loop<fn::And>, infix("&")));
  s.back().commutative = s.back().associative = true;
  s.back().identity = -1.0;  // all bits set; for bool: true
  s.push_back(spec("or", 2, "bitwise or (logical on bool)", OutRule::IntOrBool,
                   &make_binary_loop<fn::Or>, infix("|")));
  s.back().commutative = s.back().associative = true;
  s.back().identity = 0.0;
  s.push_back(spec("xor", 2, "bitwise exclusive or (logical on bool)", OutRule::IntOrBool,
                   &make_binary_loop<fn::Xor>, infix("^")));
  s.back().commutative = s.back().associative = true;
  s.back().identity = 0.0;
  s.push_back(spec("invert", 1, "bitwise not (logical not on bool)", OutRule::IntOrBool,
                   &make_unary_loop<fn::Invert>, cexpr::pattern("theano_invert($0)")));
  s.push_back(spec("switch", 3, "cond ? a : b", OutRule::Switch, &make_ternary_loop<fn::Switch>,
                   cexpr::pattern("($0 ? $1 : $2)")));
  s.back().grad = switch_grad;
  for (auto& e : s) e.c_support = cexpr::support_code();
  return s;
}

}  // namespace theano::elemwise
