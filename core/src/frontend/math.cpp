// Elementwise functions: each is Elemwise{<scalar op>} on broadcast operands.
#include "theano/tensor/math.h"

#include <algorithm>

#include "detail.h"
#include "theano/tensor/constructors.h"

namespace theano::tensor {

namespace {

Props elemwise_props(const std::string& scalar_op, const Props& scalar_props) {
  Props p{{"scalar_op", scalar_op}};
  for (const auto& [k, v] : scalar_props.items()) p.set(k, v);
  return p;
}

std::vector<const Operand*> pointers(const std::vector<Operand>& args) {
  std::vector<const Operand*> p;
  for (const auto& a : args) p.push_back(&a);
  return p;
}

TensorVar apply_elemwise(const std::string& name, const std::vector<const Operand*>& args,
                         const Props& props = {}) {
  if (args.empty()) throw ValueError("T::" + name + ": no operands");
  const std::source_location& loc = args[0]->loc();
  std::vector<Var> vars = detail::to_vars(args);
  int ndim = 0;
  for (const auto& v : vars) ndim = std::max(ndim, detail::tensor_type(v, "T::" + name)->ndim());
  for (auto& v : vars) v = detail::pad_to(v, ndim, loc);
  return detail::apply1(detail::make_op("Elemwise", elemwise_props(name, props)), vars, loc);
}

TensorVar unary(const std::string& name, const Operand& a) {
  return apply_elemwise(name, {&a});
}
TensorVar binary(const std::string& name, const Operand& a, const Operand& b) {
  return apply_elemwise(name, {&a, &b});
}

}  // namespace

TensorVar elemwise(const std::string& scalar_op, const std::vector<Operand>& args,
                   const Props& scalar_props) {
  return apply_elemwise(scalar_op, pointers(args), scalar_props);
}

std::vector<TensorVar> elemwise_outputs(const std::string& scalar_op,
                                        const std::vector<Operand>& args,
                                        const Props& scalar_props) {
  if (args.empty()) throw ValueError("T::elemwise_outputs: no operands");
  auto ptrs = pointers(args);
  const std::source_location& loc = args[0].loc();
  std::vector<Var> vars = detail::to_vars(ptrs);
  int ndim = 0;
  for (const auto& v : vars) ndim = std::max(ndim, detail::tensor_type(v, scalar_op)->ndim());
  for (auto& v : vars) v = detail::pad_to(v, ndim, loc);
  auto outs = detail::apply(detail::make_op("Elemwise", elemwise_props(scalar_op, scalar_props)),
                            vars, loc);
  return std::vector<TensorVar>(outs.begin(), outs.end());
}

TensorVar add(const Operand& a, const Operand& b) {
  return binary("add", a, b);
}
TensorVar add(const std::vector<Operand>& terms) {
  return elemwise("add", terms);
}
TensorVar sub(const Operand& a, const Operand& b) {
  return binary("sub", a, b);
}
TensorVar mul(const Operand& a, const Operand& b) {
  return binary("mul", a, b);
}
TensorVar mul(const std::vector<Operand>& factors) {
  return elemwise("mul", factors);
}
TensorVar true_div(const Operand& a, const Operand& b) {
  return binary("true_div", a, b);
}
TensorVar int_div(const Operand& a, const Operand& b) {
  return binary("int_div", a, b);
}
TensorVar mod(const Operand& a, const Operand& b) {
  return binary("mod", a, b);
}
TensorVar pow(const Operand& a, const Operand& b) {
  return binary("pow", a, b);
}
TensorVar neg(const Operand& a) {
  return unary("neg", a);
}
TensorVar inv(const Operand& a) {
  return unary("inv", a);
}
TensorVar sqr(const Operand& a) {
  return unary("sqr", a);
}
TensorVar sqrt(const Operand& a) {
  return unary("sqrt", a);
}
TensorVar abs(const Operand& a) {
  return unary("abs", a);
}
TensorVar sgn(const Operand& a) {
  return unary("sgn", a);
}
TensorVar maximum(const Operand& a, const Operand& b) {
  return binary("maximum", a, b);
}
TensorVar minimum(const Operand& a, const Operand& b) {
  return binary("minimum", a, b);
}
TensorVar clip(const Operand& x, const Operand& lo, const Operand& hi) {
  return apply_elemwise("clip", {&x, &lo, &hi});
}
TensorVar second(const Operand& a, const Operand& b) {
  // b keeps its own dtype: a weak b takes its default dtype, not a's.
  if (b.is_weak() && !a.is_weak()) {
    Operand bv(as_tensor(b), b.loc());
    return apply_elemwise("second", {&a, &bv});
  }
  return binary("second", a, b);
}
TensorVar identity(const Operand& a) {
  return unary("identity", a);
}
TensorVar cast(const Operand& a, DType dtype) {
  if (a.is_weak()) return detail::weak_constant(a.weak(), dtype, a.loc());
  DType from = detail::tensor_type(a.var(), "T::cast")->dtype();
  if (from == dtype) return a.var();
  if (is_complex(from) && !is_complex(dtype)) {
    // NumPy silently drops the imaginary part; which real number is meant is
    // the user's choice.
    throw TypeError("T::cast from " + std::string(dtype_name(from)) + " to " +
                    std::string(dtype_name(dtype)) +
                    " is ambiguous (which real number?): take T::abs first");
  }
  return apply_elemwise("cast", {&a}, Props{{"dtype", dtype}});
}
TensorVar round(const Operand& a) {
  return unary("round_half_to_even", a);
}
TensorVar round_half_to_even(const Operand& a) {
  return unary("round_half_to_even", a);
}
TensorVar round_half_away_from_zero(const Operand& a) {
  return unary("round_half_away_from_zero", a);
}
TensorVar floor(const Operand& a) {
  return unary("floor", a);
}
TensorVar ceil(const Operand& a) {
  return unary("ceil", a);
}
TensorVar trunc(const Operand& a) {
  return unary("trunc", a);
}

TensorVar lt(const Operand& a, const Operand& b) {
  return binary("lt", a, b);
}
TensorVar gt(const Operand& a, const Operand& b) {
  return binary("gt", a, b);
}
TensorVar le(const Operand& a, const Operand& b) {
  return binary("le", a, b);
}
TensorVar ge(const Operand& a, const Operand& b) {
  return binary("ge", a, b);
}
TensorVar eq(const Operand& a, const Operand& b) {
  return binary("eq", a, b);
}
TensorVar neq(const Operand& a, const Operand& b) {
  return binary("neq", a, b);
}
TensorVar isnan(const Operand& a) {
  return unary("isnan", a);
}
TensorVar isinf(const Operand& a) {
  return unary("isinf", a);
}
TensorVar switch_(const Operand& cond, const Operand& a, const Operand& b) {
  // The condition is read as bool; it does not take part in the promotion.
  Operand c = cond.is_weak() ? Operand(as_tensor(cond), cond.loc()) : cond;
  std::vector<Var> ab = detail::to_vars({&a, &b});
  Operand av(ab[0], a.loc()), bv(ab[1], b.loc());
  return apply_elemwise("switch", {&c, &av, &bv});
}
TensorVar and_(const Operand& a, const Operand& b) {
  return binary("and", a, b);
}
TensorVar or_(const Operand& a, const Operand& b) {
  return binary("or", a, b);
}
TensorVar xor_(const Operand& a, const Operand& b) {
  return binary("xor", a, b);
}
TensorVar invert(const Operand& a) {
  return unary("invert", a);
}

#define THEANO_UNARY_FN(fn, scalar) \
  TensorVar fn(const Operand& a) {  \
    return unary(scalar, a);        \
  }
THEANO_UNARY_FN(exp, "exp")
THEANO_UNARY_FN(exp2, "exp2")
THEANO_UNARY_FN(expm1, "expm1")
THEANO_UNARY_FN(log, "log")
THEANO_UNARY_FN(log2, "log2")
THEANO_UNARY_FN(log10, "log10")
THEANO_UNARY_FN(log1p, "log1p")
THEANO_UNARY_FN(sin, "sin")
THEANO_UNARY_FN(cos, "cos")
THEANO_UNARY_FN(tan, "tan")
THEANO_UNARY_FN(arcsin, "arcsin")
THEANO_UNARY_FN(arccos, "arccos")
THEANO_UNARY_FN(arctan, "arctan")
THEANO_UNARY_FN(sinh, "sinh")
THEANO_UNARY_FN(cosh, "cosh")
THEANO_UNARY_FN(tanh, "tanh")
THEANO_UNARY_FN(arcsinh, "arcsinh")
THEANO_UNARY_FN(arccosh, "arccosh")
THEANO_UNARY_FN(arctanh, "arctanh")
THEANO_UNARY_FN(deg2rad, "deg2rad")
THEANO_UNARY_FN(rad2deg, "rad2deg")
THEANO_UNARY_FN(erf, "erf")
THEANO_UNARY_FN(erfc, "erfc")
THEANO_UNARY_FN(erfinv, "erfinv")
THEANO_UNARY_FN(erfcinv, "erfcinv")
THEANO_UNARY_FN(gamma, "gamma")
THEANO_UNARY_FN(gammaln, "gammaln")
THEANO_UNARY_FN(psi, "psi")
THEANO_UNARY_FN(tri_gamma, "tri_gamma")
THEANO_UNARY_FN(xlogx, "xlogx")
#undef THEANO_UNARY_FN
TensorVar arctan2(const Operand& y, const Operand& x) {
  return binary("arctan2", y, x);
}
TensorVar xlogy0(const Operand& x, const Operand& y) {
  return binary("xlogy0", x, y);
}

TensorVar operator+(const Operand& a, const Operand& b) {
  return add(a, b);
}
TensorVar operator-(const Operand& a, const Operand& b) {
  return sub(a, b);
}
TensorVar operator*(const Operand& a, const Operand& b) {
  return mul(a, b);
}
TensorVar operator/(const Operand& a, const Operand& b) {
  return true_div(a, b);
}
TensorVar operator%(const Operand& a, const Operand& b) {
  return mod(a, b);
}
TensorVar operator-(const Operand& a) {
  return neg(a);
}
TensorVar operator&(const Operand& a, const Operand& b) {
  return and_(a, b);
}
TensorVar operator|(const Operand& a, const Operand& b) {
  return or_(a, b);
}
TensorVar operator^(const Operand& a, const Operand& b) {
  return xor_(a, b);
}
TensorVar operator~(const Operand& a) {
  return invert(a);
}
TensorVar operator<(const Operand& a, const Operand& b) {
  return lt(a, b);
}
TensorVar operator<=(const Operand& a, const Operand& b) {
  return le(a, b);
}
TensorVar operator>(const Operand& a, const Operand& b) {
  return gt(a, b);
}
TensorVar operator>=(const Operand& a, const Operand& b) {
  return ge(a, b);
}

}  // namespace theano::tensor
