// Elemwise gradients: the scalar op's rule on the broadcast tensors, then
// each input's gradient summed over the dimensions it was broadcast along
// and cast back to its dtype. Discrete inputs and outputs get zeros.
#include "elemwise_op.h"
#include "theano/core/config.h"
#include "theano/tensor.h"

namespace theano::elemwise {

namespace T = theano::tensor;

namespace {

bool is_tensor(const Var& v) {
  return v && as_tensor_type(v->type()) != nullptr;
}

T::TensorVar zeros_like_float(const T::TensorVar& x) {
  return T::second(x, T::constant(0.0, is_discrete(x.dtype()) ? floatX() : x.dtype()));
}

// Sums `g` over the axes where `x` is broadcastable but the output is not,
// and casts it to x's dtype.
Var fit_to_input(const T::TensorVar& x, const T::TensorVar& out, Var g) {
  if (!is_tensor(g)) return g;
  T::TensorVar grad = g;
  std::vector<std::int64_t> axes;
  for (int d = 0; d < x.ndim(); ++d)
    if (x.static_shape()[d] == 1 && grad.static_shape()[d] != 1) axes.push_back(d);
  if (!axes.empty()) grad = T::sum(grad, T::Axes(axes), /*keepdims=*/true);
  if (grad.dtype() != x.dtype()) grad = T::cast(grad, x.dtype());
  (void)out;
  return grad;
}

}  // namespace

std::vector<Var> ElemwiseOp::L_op(const Apply& node, const std::vector<Var>& output_grads) const {
  std::vector<Var> inputs = node.inputs(), outputs = node.outputs();
  std::vector<Var> result(inputs.size());
  bool discrete_out = false;
  for (const auto& o : outputs) discrete_out |= is_discrete(as_tensor_type(o->type())->dtype());
  std::vector<Var> gz = output_grads;
  bool any_grad = false;
  for (std::size_t k = 0; k < gz.size(); ++k) {
    if (gz[k] && gz[k]->type()->kind() == "disconnected") gz[k] = nullptr;
    any_grad |= gz[k] != nullptr;
  }
  if (discrete_out || !any_grad) {
    for (std::size_t i = 0; i < inputs.size(); ++i) result[i] = zeros_like_float(inputs[i]);
    return result;
  }
  std::vector<Var> grads = scalar_->grad(inputs, outputs, gz);
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    T::TensorVar x = inputs[i];
    if (is_discrete(x.dtype()) && is_tensor(grads[i]))
      result[i] = zeros_like_float(x);
    else
      result[i] = fit_to_input(x, outputs[0], grads[i]);
  }
  return result;
}

std::vector<Var> ElemwiseOp::R_op(const Apply& node, const std::vector<Var>& eval_points) const {
  if (node.nout() != 1) throw NotImplementedError(display() + ": R_op needs a single output");
  std::vector<Var> inputs = node.inputs(), outputs = node.outputs();
  std::vector<T::Operand> terms;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    if (!eval_points[i]) continue;
    T::TensorVar x = inputs[i];
    if (is_discrete(x.dtype())) continue;
    std::vector<Var> g = scalar_->grad(inputs, outputs, {eval_points[i]});
    if (!is_tensor(g[i])) {
      throw NotImplementedError(display() + ": R_op: the derivative with respect to input " +
                                std::to_string(i) + " is undefined");
    }
    terms.emplace_back(g[i]);
  }
  T::TensorVar out = outputs[0];
  if (terms.empty()) return {zeros_like_float(out)};
  T::TensorVar r = terms.size() == 1 ? T::TensorVar(terms[0].var()) : T::add(terms);
  if (r.dtype() != out.dtype() && !is_discrete(out.dtype())) r = T::cast(r, out.dtype());
  return {r};
}

}  // namespace theano::elemwise
