// Stabilising rewrites around sigmoid and softplus: the log forms of
// sigmoid become softplus, and the quotients the gradient of those log forms
// leaves behind ((g / sigmoid(x)) * sigmoid(x) ...) are cancelled so the
// gradient stays finite when sigmoid saturates.
#include "match.h"
#include "rewrites.h"
#include "theano/tensor.h"

namespace theano::nnet {

namespace T = theano::tensor;

namespace {

/// x when v is sigmoid(x).
Var sigmoid_arg(const Var& v) {
  const Apply* s = elemwise_owner(v, "sigmoid");
  return s ? s->input(0) : nullptr;
}

/// c when v is c + a or a + c (either order) for the constant 1, else null.
Var one_plus(const Var& v) {
  const Apply* add = elemwise_owner(v, "add");
  if (!add || add->nin() != 2) return nullptr;
  for (int k = 0; k < 2; ++k)
    if (constant_value(add->input(k)) == 1.0) return add->input(1 - k);
  return nullptr;
}

/// x when v is 1 - sigmoid(x) (also written 1 + -sigmoid(x)).
Var one_minus_sigmoid_arg(const Var& v) {
  if (const Apply* sub = elemwise_owner(v, "sub"))
    return constant_value(sub->input(0)) == 1.0 ? sigmoid_arg(sub->input(1)) : nullptr;
  Var rest = one_plus(v);
  const Apply* neg = rest ? elemwise_owner(rest, "neg") : nullptr;
  return neg ? sigmoid_arg(neg->input(0)) : nullptr;
}

/// x when v is 1 + exp(x).
Var one_plus_exp_arg(const Var& v) {
  Var rest = one_plus(v);
  const Apply* e = rest ? elemwise_owner(rest, "exp") : nullptr;
  return e ? e->input(0) : nullptr;
}

/// A factor (a / d) or -(a / d): its numerator, denominator and sign.
struct Quotient {
  Var num, den;
  bool negated = false;
};

std::optional<Quotient> as_quotient(const Var& v) {
  bool neg = false;
  Var q = v;
  if (const Apply* n = elemwise_owner(v, "neg")) {
    neg = true;
    q = n->input(0);
  }
  const Apply* div = elemwise_owner(q, "true_div");
  if (!div) return std::nullopt;
  return Quotient{div->input(0), div->input(1), neg};
}

/// The factor replacing (num / den) * other, without num and the sign: 1
/// (null) when den and other are the same sigmoid(x) or 1 - sigmoid(x),
/// sigmoid(x) when den is 1 + exp(x) and other exp(x); nullopt otherwise.
std::optional<Var> cancel(const Var& den, const Var& other) {
  Var a, b;
  if ((a = sigmoid_arg(den)) && (b = sigmoid_arg(other)) && same_expr(a, b)) return Var();
  if ((a = one_minus_sigmoid_arg(den)) && (b = one_minus_sigmoid_arg(other)) && same_expr(a, b))
    return Var();
  if ((a = one_plus_exp_arg(den))) {
    const Apply* e = elemwise_owner(other, "exp");
    if (e && same_expr(a, e->input(0))) return T::nnet::sigmoid(a).var();
  }
  return std::nullopt;
}

/// `r` broadcast like the node's output when cancelling dropped a dimension.
Result fit(T::TensorVar r, const Apply& node, const Var& shape_source) {
  if (!same_type(r->type(), node.out(0)->type()) &&
      r.dtype() == as_tensor_type(node.out(0)->type())->dtype())
    r = T::second(shape_source, r);
  return replace_with(r, *node.out(0));
}

}  // namespace

Result logsigm_to_softplus(FunctionGraph&, Apply& node) {
  if (elemwise_name(&node) != "log") return std::nullopt;
  Var x = sigmoid_arg(node.input(0));
  if (!x) return std::nullopt;
  return replace_with(-T::nnet::softplus(-T::TensorVar(x)), *node.out(0));
}

Result log1msigm_to_softplus(FunctionGraph&, Apply& node) {
  std::string_view name = elemwise_name(&node);
  Var x;
  if (name == "log") {
    x = one_minus_sigmoid_arg(node.input(0));
  } else if (name == "log1p") {
    if (const Apply* n = elemwise_owner(node.input(0), "neg")) x = sigmoid_arg(n->input(0));
  }
  if (!x) return std::nullopt;
  return replace_with(-T::nnet::softplus(x), *node.out(0));
}

Result log1pexp_to_softplus(FunctionGraph&, Apply& node) {
  std::string_view name = elemwise_name(&node);
  const Apply* e = nullptr;
  if (name == "log1p") {
    e = elemwise_owner(node.input(0), "exp");
  } else if (name == "log") {
    const Apply* add = elemwise_owner(node.input(0), "add");
    if (add && add->nin() == 2) {
      for (int k = 0; k < 2 && !e; ++k)
        if (constant_value(add->input(k)) == 1.0) e = elemwise_owner(add->input(1 - k), "exp");
    }
  }
  if (!e) return std::nullopt;
  return replace_with(T::nnet::softplus(e->input(0)), *node.out(0));
}

Result local_sigm_grad_cancel(FunctionGraph&, Apply& node) {
  if (elemwise_name(&node) != "mul") return std::nullopt;
  const int n = node.nin();
  auto others = [&](int skip1, int skip2) {
    std::vector<T::Operand> f;
    for (int k = 0; k < n; ++k)
      if (k != skip1 && k != skip2) f.emplace_back(node.input(k));
    return f;
  };
  for (int i = 0; i < n; ++i) {
    auto q = as_quotient(node.input(i));
    for (int j = 0; q && j < n; ++j) {
      if (j == i) continue;
      std::optional<Var> left = cancel(q->den, node.input(j));
      if (!left) continue;
      std::vector<T::Operand> f = others(i, j);
      f.emplace_back(q->negated ? T::neg(q->num) : T::TensorVar(q->num));
      if (*left) f.emplace_back(*left);
      return fit(f.size() == 1 ? T::TensorVar(f[0].var()) : T::mul(f), node, node.input(j));
    }
  }
  // (a / d + b) * d * ... -> a * ... + b * d * ...: distribute, then cancel.
  for (int i = 0; i < n; ++i) {
    const Apply* add = elemwise_owner(node.input(i), "add");
    if (!add) continue;
    bool has_quotient = false;
    for (int t = 0; t < add->nin() && !has_quotient; ++t) {
      auto q = as_quotient(add->input(t));
      for (int j = 0; q && j < n && !has_quotient; ++j)
        has_quotient = j != i && cancel(q->den, node.input(j)).has_value();
    }
    if (!has_quotient) continue;
    std::vector<T::Operand> terms;
    for (int t = 0; t < add->nin(); ++t) {
      std::vector<T::Operand> f = others(i, -1);
      f.emplace_back(add->input(t));
      terms.emplace_back(T::mul(f));
    }
    return fit(T::add(terms), node, node.input(i));
  }
  return std::nullopt;
}

}  // namespace theano::nnet
