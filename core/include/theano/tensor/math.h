// Elementwise tensor functions and operators. Each builds an Elemwise node of
// the named scalar op (from the theano.ops.elemwise plugin) with NumPy
// broadcasting and dtype promotion; C++ numbers are weak (see WeakScalar).
#pragma once

#include <string>
#include <vector>

#include "theano/core/props.h"
#include "theano/tensor/var.h"

namespace theano::tensor {

/// Elemwise of any registered scalar op ("scalar.<name>") on `args`: the
/// generic entry used by every function below and by other plugins' ops.
TensorVar elemwise(const std::string& scalar_op, const std::vector<Operand>& args,
                   const Props& scalar_props = {});
/// All outputs of a multi-output scalar op.
std::vector<TensorVar> elemwise_outputs(const std::string& scalar_op,
                                        const std::vector<Operand>& args,
                                        const Props& scalar_props = {});

// --- arithmetic ---------------------------------------------------------------------
TensorVar add(const Operand& a, const Operand& b);
/// n-ary sum in one node.
TensorVar add(const std::vector<Operand>& terms);
TensorVar sub(const Operand& a, const Operand& b);
TensorVar mul(const Operand& a, const Operand& b);
/// n-ary product in one node.
TensorVar mul(const std::vector<Operand>& factors);
/// a / b; integers are divided as floats (Python 3 semantics).
TensorVar true_div(const Operand& a, const Operand& b);
/// floor(a / b) (Python's //); integer division by zero gives 0.
TensorVar int_div(const Operand& a, const Operand& b);
inline TensorVar floor_div(const Operand& a, const Operand& b) {
  return int_div(a, b);
}
/// a - floor(a / b) * b: the result has the sign of b (Python's %).
TensorVar mod(const Operand& a, const Operand& b);
TensorVar pow(const Operand& a, const Operand& b);
TensorVar neg(const Operand& a);
/// 1 / a.
TensorVar inv(const Operand& a);
TensorVar sqr(const Operand& a);
TensorVar sqrt(const Operand& a);
TensorVar abs(const Operand& a);
/// Sign: -1, 0 or 1.
TensorVar sgn(const Operand& a);
TensorVar maximum(const Operand& a, const Operand& b);
TensorVar minimum(const Operand& a, const Operand& b);
TensorVar clip(const Operand& x, const Operand& lo, const Operand& hi);
/// b broadcast to the shape of a (Theano's second / fill).
TensorVar second(const Operand& a, const Operand& b);
inline TensorVar fill(const Operand& shape_of, const Operand& value) {
  return second(shape_of, value);
}
/// A copy of a (Theano's tensor_copy).
TensorVar identity(const Operand& a);
inline TensorVar tensor_copy(const Operand& a) {
  return identity(a);
}
/// Converts to `dtype` (a no-op when a already has it).
TensorVar cast(const Operand& a, DType dtype);
/// Banker's rounding (NumPy's round).
TensorVar round(const Operand& a);
TensorVar round_half_to_even(const Operand& a);
TensorVar round_half_away_from_zero(const Operand& a);
TensorVar floor(const Operand& a);
TensorVar ceil(const Operand& a);
TensorVar trunc(const Operand& a);

// --- comparisons, logic, selection -------------------------------------------------
TensorVar lt(const Operand& a, const Operand& b);
TensorVar gt(const Operand& a, const Operand& b);
TensorVar le(const Operand& a, const Operand& b);
TensorVar ge(const Operand& a, const Operand& b);
TensorVar eq(const Operand& a, const Operand& b);
TensorVar neq(const Operand& a, const Operand& b);
TensorVar isnan(const Operand& a);
TensorVar isinf(const Operand& a);
/// cond ? a : b elementwise (both sides are computed).
TensorVar switch_(const Operand& cond, const Operand& a, const Operand& b);
inline TensorVar where(const Operand& cond, const Operand& a, const Operand& b) {
  return switch_(cond, a, b);
}
/// Bitwise on integers, logical on bool.
TensorVar and_(const Operand& a, const Operand& b);
TensorVar or_(const Operand& a, const Operand& b);
TensorVar xor_(const Operand& a, const Operand& b);
TensorVar invert(const Operand& a);

// --- exponential, logarithmic, trigonometric, special ----------------------------
TensorVar exp(const Operand& a);
TensorVar exp2(const Operand& a);
TensorVar expm1(const Operand& a);
TensorVar log(const Operand& a);
TensorVar log2(const Operand& a);
TensorVar log10(const Operand& a);
TensorVar log1p(const Operand& a);
TensorVar sin(const Operand& a);
TensorVar cos(const Operand& a);
TensorVar tan(const Operand& a);
TensorVar arcsin(const Operand& a);
TensorVar arccos(const Operand& a);
TensorVar arctan(const Operand& a);
TensorVar arctan2(const Operand& y, const Operand& x);
TensorVar sinh(const Operand& a);
TensorVar cosh(const Operand& a);
TensorVar tanh(const Operand& a);
TensorVar arcsinh(const Operand& a);
TensorVar arccosh(const Operand& a);
TensorVar arctanh(const Operand& a);
TensorVar deg2rad(const Operand& a);
TensorVar rad2deg(const Operand& a);
TensorVar erf(const Operand& a);
TensorVar erfc(const Operand& a);
TensorVar erfinv(const Operand& a);
TensorVar erfcinv(const Operand& a);
TensorVar gamma(const Operand& a);
TensorVar gammaln(const Operand& a);
/// Digamma.
TensorVar psi(const Operand& a);
TensorVar tri_gamma(const Operand& a);
/// x * log(x), 0 at x = 0.
TensorVar xlogx(const Operand& x);
/// x * log(y), 0 where x = 0.
TensorVar xlogy0(const Operand& x, const Operand& y);

// --- operators ---------------------------------------------------------------------
// Declared here for TensorVar; also made visible for plain Var (see below).
TensorVar operator+(const Operand& a, const Operand& b);
TensorVar operator-(const Operand& a, const Operand& b);
TensorVar operator*(const Operand& a, const Operand& b);
TensorVar operator/(const Operand& a, const Operand& b);
TensorVar operator%(const Operand& a, const Operand& b);
TensorVar operator-(const Operand& a);
TensorVar operator&(const Operand& a, const Operand& b);
TensorVar operator|(const Operand& a, const Operand& b);
TensorVar operator^(const Operand& a, const Operand& b);
TensorVar operator~(const Operand& a);
// Comparisons are found only when a TensorVar (or Operand) takes part: on two
// plain Vars, `<` stays shared_ptr's pointer comparison.
TensorVar operator<(const Operand& a, const Operand& b);
TensorVar operator<=(const Operand& a, const Operand& b);
TensorVar operator>(const Operand& a, const Operand& b);
TensorVar operator>=(const Operand& a, const Operand& b);

}  // namespace theano::tensor

namespace theano {
// So that `grads[0] * lr` works on the plain Vars that grad() returns.
using tensor::operator+;
using tensor::operator-;
using tensor::operator*;
using tensor::operator/;
using tensor::operator%;
using tensor::operator&;
using tensor::operator|;
using tensor::operator^;
using tensor::operator~;
}  // namespace theano
