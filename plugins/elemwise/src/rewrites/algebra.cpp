// Canonicalize, stabilize and specialize rewrites of elementwise algebra:
// neutral elements, x - x, double negation, flattening of add/mul, useless
// casts and dimshuffles; log(1 + x) -> log1p, exp(x) - 1 -> expm1,
// log(exp(x)) -> x; pow with small constant exponents, division by powers of
// two, multiplication by -1, x * x -> sqr(x).
#include <cmath>

#include "../dimshuffle/dimshuffle_op.h"
#include "../elemwise/elemwise_op.h"
#include "algebra.h"
#include "match.h"
#include "theano/tensor.h"

namespace theano::elemwise {

namespace T = theano::tensor;
using Result = std::optional<std::vector<Var>>;

namespace {

Result fitted(const Var& candidate, const Apply& node) {
  if (!candidate) return std::nullopt;
  Var r = fit_to(candidate, *node.out(0));
  if (!r) return std::nullopt;
  return std::vector<Var>{r};
}

std::vector<T::Operand> operands(const std::vector<Var>& vars) {
  return std::vector<T::Operand>(vars.begin(), vars.end());
}

}  // namespace

Result local_neutral_elements(FunctionGraph&, Apply& node) {
  std::string_view name = elemwise_name(&node);
  double neutral = name == "add" ? 0.0 : name == "mul" ? 1.0 : std::nan("");
  if (std::isnan(neutral)) return std::nullopt;
  std::vector<Var> kept;
  for (const auto& in : node.inputs())
    if (constant_value(in) != neutral) kept.push_back(in);
  if (kept.size() == node.inputs().size() || kept.empty()) return std::nullopt;
  if (kept.size() == 1) return fitted(kept[0], node);
  return fitted(name == "add" ? T::add(operands(kept)) : T::mul(operands(kept)), node);
}

Result local_sub_self(FunctionGraph&, Apply& node) {
  if (elemwise_name(&node) != "sub" || node.input(0) != node.input(1)) return std::nullopt;
  DType d = as_tensor_type(node.out(0)->type())->dtype();
  return fitted(T::second(node.input(0), T::constant(0.0, d)), node);
}

Result local_double_neg(FunctionGraph&, Apply& node) {
  if (elemwise_name(&node) != "neg") return std::nullopt;
  const Apply* inner = node.input(0)->owner();
  if (elemwise_name(inner) != "neg") return std::nullopt;
  return fitted(inner->input(0), node);
}

Result local_flatten_add_mul(FunctionGraph& fg, Apply& node) {
  std::string_view name = elemwise_name(&node);
  if (name != "add" && name != "mul") return std::nullopt;
  std::vector<Var> terms;
  bool changed = false;
  for (const auto& in : node.inputs()) {
    const Apply* p = in->owner();
    if (elemwise_name(p) == name && single_client(fg, in.get()) &&
        same_type(in->type(), node.out(0)->type())) {
      for (const auto& t : p->inputs()) terms.push_back(t);
      changed = true;
    } else {
      terms.push_back(in);
    }
  }
  if (!changed) return std::nullopt;
  return fitted(name == "add" ? T::add(operands(terms)) : T::mul(operands(terms)), node);
}

Result local_useless_cast(FunctionGraph&, Apply& node) {
  if (elemwise_name(&node) != "cast" && elemwise_name(&node) != "identity") return std::nullopt;
  if (!same_type(node.input(0)->type(), node.out(0)->type())) return std::nullopt;
  return std::vector<Var>{node.input(0)};
}

Result local_dimshuffle_merge(FunctionGraph&, Apply& node) {
  const auto* outer = dynamic_cast<const DimShuffleOp*>(&node.op());
  if (!outer) return std::nullopt;
  int in_ndim = as_tensor_type(node.input(0)->type())->ndim();
  if (outer->is_identity_for(in_ndim) && static_cast<int>(outer->new_order().size()) == in_ndim) {
    return std::vector<Var>{node.input(0)};
  }
  const Apply* p = node.input(0)->owner();
  const auto* inner = p ? dynamic_cast<const DimShuffleOp*>(&p->op()) : nullptr;
  if (!inner) return std::nullopt;
  std::vector<std::int64_t> order;
  for (std::int64_t a : outer->new_order()) order.push_back(a < 0 ? -1 : inner->new_order()[a]);
  return fitted(T::dimshuffle(p->input(0), order), node);
}

Result local_log1p(FunctionGraph&, Apply& node) {
  if (elemwise_name(&node) != "log") return std::nullopt;
  const Apply* p = node.input(0)->owner();
  std::string_view pn = elemwise_name(p);
  if (pn == "add" && p->nin() == 2) {
    for (int k = 0; k < 2; ++k)
      if (constant_value(p->input(k)) == 1.0) return fitted(T::log1p(p->input(1 - k)), node);
  }
  if (pn == "sub" && constant_value(p->input(0)) == 1.0)
    return fitted(T::log1p(T::neg(p->input(1))), node);
  return std::nullopt;
}

Result local_expm1(FunctionGraph&, Apply& node) {
  if (elemwise_name(&node) != "sub" || constant_value(node.input(1)) != 1.0) return std::nullopt;
  const Apply* p = node.input(0)->owner();
  if (elemwise_name(p) != "exp") return std::nullopt;
  return fitted(T::expm1(p->input(0)), node);
}

Result local_log_exp(FunctionGraph&, Apply& node) {
  if (elemwise_name(&node) != "log") return std::nullopt;
  const Apply* p = node.input(0)->owner();
  if (elemwise_name(p) != "exp") return std::nullopt;
  return fitted(p->input(0), node);
}

Result local_pow_specialize(FunctionGraph&, Apply& node) {
  if (elemwise_name(&node) != "pow") return std::nullopt;
  std::optional<double> c = constant_value(node.input(1));
  T::TensorVar x = node.input(0);
  if (!c || !is_float(x.dtype())) return std::nullopt;
  double e = *c;
  if (e == 0) return fitted(T::second(x, T::constant(1.0, x.dtype())), node);
  if (e == 1) return fitted(x, node);
  if (e == 0.5) return fitted(T::sqrt(x), node);
  if (e == -0.5) return fitted(T::inv(T::sqrt(x)), node);
  if (std::floor(e) != e || std::fabs(e) > 16) return std::nullopt;
  // x ** n by repeated squaring: x^13 = x^8 * x^4 * x.
  auto n = static_cast<std::int64_t>(std::fabs(e));
  std::vector<T::Operand> factors;
  T::TensorVar square = x;
  for (; n > 0; n >>= 1) {
    if (n & 1) factors.emplace_back(square);
    if (n > 1) square = T::sqr(square);
  }
  T::TensorVar r = factors.size() == 1 ? T::TensorVar(factors[0].var()) : T::mul(factors);
  return fitted(e < 0 ? T::inv(r) : r, node);
}

Result local_div_by_constant(FunctionGraph&, Apply& node) {
  if (elemwise_name(&node) != "true_div") return std::nullopt;
  std::optional<double> c = constant_value(node.input(1));
  if (!c || *c == 0 || !std::isfinite(*c)) return std::nullopt;
  int exponent = 0;
  double mantissa = std::frexp(*c, &exponent);
  if (std::fabs(mantissa) != 0.5) return std::nullopt;  // only exact reciprocals
  if (*c == 1) return fitted(node.input(0), node);
  DType d = as_tensor_type(node.out(0)->type())->dtype();
  return fitted(T::mul(node.input(0), T::constant(1.0 / *c, d)), node);
}

Result local_mul_neg_one(FunctionGraph&, Apply& node) {
  if (elemwise_name(&node) != "mul" || node.nin() != 2) return std::nullopt;
  for (int k = 0; k < 2; ++k) {
    if (constant_value(node.input(k)) == -1.0 &&
        !is_bool(as_tensor_type(node.out(0)->type())->dtype()))
      return fitted(T::neg(node.input(1 - k)), node);
  }
  return std::nullopt;
}

Result local_mul_to_sqr(FunctionGraph&, Apply& node) {
  if (elemwise_name(&node) != "mul" || node.nin() != 2 || node.input(0) != node.input(1))
    return std::nullopt;
  return fitted(T::sqr(node.input(0)), node);
}

}  // namespace theano::elemwise
