// Front end of theano.tensor.nnet: activations as Elemwise of the nnet
// plugin's scalar ops or as small graphs, and the softmax / cross-entropy
// ops built by name.
#include "theano/tensor/nnet.h"

#include <optional>

#include "detail.h"
#include "theano/core/config.h"
#include "theano/tensor/constructors.h"
#include "theano/tensor/math.h"
#include "theano/tensor/reduce.h"

namespace theano::tensor::nnet {

namespace {

Var var_of(const Operand& x) {
  return detail::to_vars({&x}).at(0);
}

TensorVar apply_named(const std::string& op, const Props& props,
                      const std::vector<const Operand*>& args) {
  std::vector<Var> vars;
  for (const Operand* a : args) vars.push_back(var_of(*a));
  return detail::apply1(detail::make_op(op, props), std::move(vars), args.at(0)->loc());
}

std::vector<Var> apply_all(const std::string& op, const std::vector<const Operand*>& args) {
  std::vector<Var> vars;
  for (const Operand* a : args) vars.push_back(var_of(*a));
  return detail::apply(detail::make_op(op), std::move(vars), args.at(0)->loc());
}

/// The value of a real weak scalar (a C++ number), if `a` is one.
std::optional<double> weak_value(const Operand& a) {
  if (!a.is_weak()) return std::nullopt;
  const WeakScalar& w = a.weak();
  switch (w.kind) {
    case WeakScalar::Kind::Bool:
      return w.b ? 1.0 : 0.0;
    case WeakScalar::Kind::Int:
      return static_cast<double>(w.i);
    case WeakScalar::Kind::Float:
      return w.f;
    default:
      return std::nullopt;
  }
}

}  // namespace

TensorVar sigmoid(const Operand& x) {
  return elemwise("sigmoid", {x});
}
TensorVar ultra_fast_sigmoid(const Operand& x) {
  return elemwise("ultra_fast_sigmoid", {x});
}
TensorVar softplus(const Operand& x) {
  return elemwise("softplus", {x});
}
TensorVar softsign(const Operand& x) {
  return elemwise("softsign", {x});
}

TensorVar hard_sigmoid(const Operand& x) {
  TensorVar v = var_of(x);
  if (!is_float(v.dtype())) v = cast(v, floatX());
  return clip(0.2 * v + 0.5, 0, 1);
}

TensorVar relu(const Operand& x, const Operand& alpha) {
  TensorVar v = var_of(x);
  std::optional<double> a = weak_value(alpha);
  if (a == 0.0) return 0.5 * (v + abs(v));
  // Constant slopes are folded here so they keep x's dtype (weak scalars).
  if (a) return 0.5 * (1 + *a) * v + 0.5 * (1 - *a) * abs(v);
  return 0.5 * (1 + alpha) * v + 0.5 * (1 - alpha) * abs(v);
}

TensorVar elu(const Operand& x, const Operand& alpha) {
  TensorVar v = var_of(x);
  return switch_(v > 0, v, alpha * expm1(v));
}

TensorVar selu(const Operand& x) {
  constexpr double kAlpha = 1.6732632423543772848170429916717;
  constexpr double kScale = 1.0507009873554804934193349852946;
  return kScale * elu(x, kAlpha);
}

TensorVar softmax(const Operand& x, int axis) {
  return apply_named("Softmax", Props{{"axis", axis}}, {&x});
}
TensorVar log_softmax(const Operand& x, int axis) {
  return apply_named("LogSoftmax", Props{{"axis", axis}}, {&x});
}
TensorVar softmax_with_bias(const Operand& x, const Operand& b) {
  return apply_named("SoftmaxWithBias", {}, {&x, &b});
}
TensorVar softmax_grad(const Operand& dy, const Operand& sm, int axis) {
  return apply_named("SoftmaxGrad", Props{{"axis", axis}}, {&dy, &sm});
}
TensorVar softmax_graph(const Operand& x) {
  TensorVar e = exp(x);
  return e / sum(e, -1, true);
}

TensorVar crossentropy_categorical_1hot(const Operand& p, const Operand& y) {
  return apply_named("CrossentropyCategorical1Hot", {}, {&p, &y});
}
TensorVar crossentropy_categorical_1hot_grad(const Operand& g, const Operand& p, const Operand& y) {
  return apply_named("CrossentropyCategorical1HotGrad", {}, {&g, &p, &y});
}

TensorVar categorical_crossentropy(const Operand& coding_dist, const Operand& true_dist) {
  TensorVar p = var_of(coding_dist), t = var_of(true_dist);
  if (t.ndim() == p.ndim()) return -sum(t * log(p), -1);
  if (t.ndim() == p.ndim() - 1 && is_int(t.dtype()))
    return crossentropy_categorical_1hot(coding_dist, true_dist);
  throw TypeError("categorical_crossentropy: true_dist must have coding_dist's ndim (" +
                  std::to_string(p.ndim()) + ") or be an integer vector of class indices, got " +
                  t.type()->str());
}

TensorVar binary_crossentropy(const Operand& output, const Operand& target) {
  TensorVar o = var_of(output);
  return -(target * log(o) + (1 - target) * log(1 - o));
}

TensorVar sigmoid_binary_crossentropy(const Operand& logits, const Operand& target) {
  // -(t log s + (1 - t) log(1 - s)) = softplus(z) - t z; the gradient is sigmoid(z) - t.
  TensorVar z = var_of(logits);
  return softplus(z) - target * z;
}

XentSoftmaxArgmax crossentropy_softmax_argmax_1hot_with_bias(const Operand& x, const Operand& b,
                                                             const Operand& y) {
  std::vector<Var> out = apply_all("CrossentropySoftmaxArgmax1HotWithBias", {&x, &b, &y});
  return {out.at(0), out.at(1), out.at(2)};
}

std::pair<TensorVar, TensorVar> crossentropy_softmax_1hot_with_bias(const Operand& x,
                                                                    const Operand& b,
                                                                    const Operand& y) {
  XentSoftmaxArgmax r = crossentropy_softmax_argmax_1hot_with_bias(x, b, y);
  return {r.nll, r.sm};
}

std::pair<TensorVar, TensorVar> crossentropy_softmax_1hot(const Operand& x, const Operand& y) {
  TensorVar v = var_of(x);
  return crossentropy_softmax_1hot_with_bias(v, constant(0.0, v.dtype()), y);
}

TensorVar crossentropy_softmax_1hot_with_bias_dx(const Operand& dnll, const Operand& sm,
                                                 const Operand& y) {
  return apply_named("CrossentropySoftmax1HotWithBiasDx", {}, {&dnll, &sm, &y});
}

}  // namespace theano::tensor::nnet
