// Rewrites that recognise softmax and sigmoid written out by hand
// (exp(x) / sum(exp(x)), exp(x) / (1 + exp(x)), 1 / (1 + exp(-x))), and the
// opt-in replacements of sigmoid by its cheap approximations.
#include "../softmax/softmax_ops.h"
#include "match.h"
#include "rewrites.h"
#include "theano/tensor.h"

namespace theano::nnet {

namespace T = theano::tensor;

namespace {

/// x when v is 1 + exp(x) (either order).
Var one_plus_exp(const Var& v) {
  const Apply* add = elemwise_owner(v, "add");
  if (!add || add->nin() != 2) return nullptr;
  for (int k = 0; k < 2; ++k) {
    if (constant_value(add->input(k)) != 1.0) continue;
    if (const Apply* e = elemwise_owner(add->input(1 - k), "exp")) return e->input(0);
  }
  return nullptr;
}

/// The axis `v` sums over when v is sum(e, axis, keepdims=true) of `e`'s
/// dtype; nullopt otherwise.
std::optional<int> keepdims_sum_axis(const Var& v, const Var& e) {
  const Apply* ds = owner_is(v, "DimShuffle");
  const Apply* red = ds ? owner_is(ds->input(0), "CAReduce") : nullptr;
  if (!red || !same_expr(red->input(0), e)) return std::nullopt;
  Props p = red->op().props();
  if (p.get_as<std::string>("scalar_op") != "add" || p.contains("pre")) return std::nullopt;
  std::vector<std::int64_t> axes = p.get("axis").as_ints();
  int ndim = as_tensor_type(e->type())->ndim();
  if (axes.size() != 1 ||
      as_tensor_type(red->out(0)->type())->dtype() != as_tensor_type(e->type())->dtype())
    return std::nullopt;
  std::vector<std::int64_t> order = ds->op().props().get("new_order").as_ints();
  std::vector<std::int64_t> want;
  for (int d = 0, src = 0; d < ndim; ++d) want.push_back(d == axes[0] ? -1 : src++);
  if (order != want) return std::nullopt;
  return static_cast<int>(axes[0]);
}

}  // namespace

Result local_softmax_simplifier(FunctionGraph&, Apply& node) {
  if (elemwise_name(&node) != "true_div") return std::nullopt;
  const Apply* e = elemwise_owner(node.input(0), "exp");
  if (!e) return std::nullopt;
  std::optional<int> axis = keepdims_sum_axis(node.input(1), node.input(0));
  if (!axis || !is_float(as_tensor_type(e->input(0)->type())->dtype())) return std::nullopt;
  return replace_with(T::nnet::softmax(e->input(0), *axis), *node.out(0));
}

Result local_exp_over_1_plus_exp(FunctionGraph&, Apply& node) {
  if (elemwise_name(&node) != "true_div") return std::nullopt;
  const Apply* e = elemwise_owner(node.input(0), "exp");
  Var x = one_plus_exp(node.input(1));
  if (!e || !x || !same_expr(e->input(0), x)) return std::nullopt;
  return replace_with(T::nnet::sigmoid(x), *node.out(0));
}

Result local_inv_1_plus_exp(FunctionGraph&, Apply& node) {
  std::string_view name = elemwise_name(&node);
  Var den;
  if (name == "true_div" && constant_value(node.input(0)) == 1.0) den = node.input(1);
  if (name == "inv") den = node.input(0);
  Var minus_x = den ? one_plus_exp(den) : nullptr;
  const Apply* neg = minus_x ? elemwise_owner(minus_x, "neg") : nullptr;
  if (!neg) return std::nullopt;
  return replace_with(T::nnet::sigmoid(neg->input(0)), *node.out(0));
}

Result local_argmax_pushdown(FunctionGraph&, Apply& node) {
  Var x = node.input(0);
  const Apply* src = x->owner();
  if (!src) return std::nullopt;
  std::vector<std::int64_t> axes = node.op().props().get("axis").as_ints();
  int ndim = as_tensor_type(x->type())->ndim();
  std::string_view name = elemwise_name(src);
  bool monotonic = name == "sigmoid" || name == "softplus" || name == "exp";
  if (src->op().name() == "Softmax" || src->op().name() == "LogSoftmax") {
    int a = axis_prop(src->op().props());
    a = a < 0 ? a + ndim : a;
    monotonic = axes == std::vector<std::int64_t>{a};
  } else if (src->op().name() == "SoftmaxWithBias") {
    if (axes != std::vector<std::int64_t>{ndim - 1}) return std::nullopt;
    T::TensorVar b = src->input(1);
    T::TensorVar logits = T::TensorVar(src->input(0)) +
                          b.dimshuffle(ndim == 2 ? std::vector<std::int64_t>{T::newaxis, 0}
                                                 : std::vector<std::int64_t>{0});
    return replace_with(T::argmax(logits, T::Axes(axes)), *node.out(0));
  }
  if (!monotonic) return std::nullopt;
  return replace_with(T::argmax(src->input(0), T::Axes(axes)), *node.out(0));
}

Result local_ultra_fast_sigmoid(FunctionGraph&, Apply& node) {
  if (elemwise_name(&node) != "sigmoid") return std::nullopt;
  return replace_with(T::nnet::ultra_fast_sigmoid(node.input(0)), *node.out(0));
}

Result local_hard_sigmoid(FunctionGraph&, Apply& node) {
  if (elemwise_name(&node) != "sigmoid") return std::nullopt;
  return replace_with(T::nnet::hard_sigmoid(node.input(0)), *node.out(0));
}

}  // namespace theano::nnet
