// Rewrites of the softmax family and the cross-entropies: log(softmax) to
// log_softmax, bias absorption, fusion with the cross-entropy, and the
// gradient forms that would divide by an underflowed probability.
#include "../softmax/softmax_ops.h"
#include "match.h"
#include "rewrites.h"
#include "theano/tensor.h"

namespace theano::nnet {

namespace T = theano::tensor;

namespace {

int node_axis(const Apply& n) {
  return axis_prop(n.op().props());
}

bool axis_is_last(const Apply& n) {
  int ndim = as_tensor_type(n.out(0)->type())->ndim();
  int a = node_axis(n);
  return a == -1 || a == ndim - 1;
}

bool is_bias_row(const Var& v) {
  const Apply* d = owner_is(v, "DimShuffle");
  if (!d) return false;
  auto order = d->op().props().get("new_order").as_ints();
  return order == std::vector<std::int64_t>{-1, 0} && T::TensorVar(d->input(0)).ndim() == 1;
}

/// (x, b) when v is x + b[None, :] for a matrix x and a vector b of its dtype.
std::optional<std::pair<T::TensorVar, T::TensorVar>> split_bias(const T::TensorVar& v) {
  if (v.ndim() != 2) return std::nullopt;
  const Apply* add = elemwise_owner(v, "add");
  if (!add || add->nin() != 2) return std::nullopt;
  for (int k = 0; k < 2; ++k) {
    if (!is_bias_row(add->input(k))) continue;
    T::TensorVar other = add->input(1 - k), b = add->input(k)->owner()->input(0);
    if (other.ndim() == 2 && other.dtype() == v.dtype() && b.dtype() == v.dtype())
      return std::make_pair(other, b);
  }
  return std::nullopt;
}

}  // namespace

Result local_logsoftmax(FunctionGraph&, Apply& node) {
  if (elemwise_name(&node) != "log") return std::nullopt;
  const Apply* sm = owner_is(node.input(0), "Softmax");
  if (!sm) return std::nullopt;
  return replace_with(T::nnet::log_softmax(sm->input(0), node_axis(*sm)), *node.out(0));
}

Result local_logsoftmax_grad(FunctionGraph&, Apply& node) {
  T::TensorVar dy = node.input(0), sm = node.input(1);
  const Apply* div = elemwise_owner(dy, "true_div");
  if (!div || !same_expr(div->input(1), sm) || !owner_is(sm, "Softmax")) return std::nullopt;
  T::TensorVar g = div->input(0);
  if (!same_type(g->type(), dy->type())) g = T::second(sm, g);
  int axis = node_axis(node);
  return replace_with(g - T::sum(g, axis, true) * sm, *node.out(0));
}

Result local_softmax_with_bias(FunctionGraph&, Apply& node) {
  if (!axis_is_last(node)) return std::nullopt;
  auto parts = split_bias(node.input(0));
  if (!parts) return std::nullopt;
  return replace_with(T::nnet::softmax_with_bias(parts->first, parts->second), *node.out(0));
}

Result crossentropy_to_crossentropy_with_softmax(FunctionGraph&, Apply& node) {
  T::TensorVar p = node.input(0), y = node.input(1);
  if (const Apply* sm = owner_is(p, "Softmax"); sm && axis_is_last(*sm)) {
    T::TensorVar x = sm->input(0);
    if (auto parts = split_bias(x)) {
      return replace_with(
          T::nnet::crossentropy_softmax_1hot_with_bias(parts->first, parts->second, y).first,
          *node.out(0));
    }
    return replace_with(T::nnet::crossentropy_softmax_1hot(x, y).first, *node.out(0));
  }
  if (const Apply* sb = owner_is(p, "SoftmaxWithBias")) {
    return replace_with(
        T::nnet::crossentropy_softmax_1hot_with_bias(sb->input(0), sb->input(1), y).first,
        *node.out(0));
  }
  return std::nullopt;
}

Result local_softmax_grad_to_crossentropy_with_softmax_grad(FunctionGraph&, Apply& node) {
  T::TensorVar sm = node.input(1);
  if (sm.ndim() != 2 || !axis_is_last(node)) return std::nullopt;
  const Apply* g1 = owner_is(node.input(0), "CrossentropyCategorical1HotGrad");
  if (!g1 || !same_expr(g1->input(1), sm)) return std::nullopt;
  return replace_with(
      T::nnet::crossentropy_softmax_1hot_with_bias_dx(g1->input(0), sm, g1->input(2)),
      *node.out(0));
}

}  // namespace theano::nnet
