// Softmax, LogSoftmax, SoftmaxWithBias and SoftmaxGrad: node checks, row
// kernels (rows.h), shapes and symbolic gradients.
#include "softmax_ops.h"

#include "../common.h"
#include "rows.h"
#include "theano/tensor.h"

namespace theano::nnet {

namespace T = theano::tensor;

int axis_prop(const Props& p) {
  return p.contains("axis") ? static_cast<int>(p.get_as<std::int64_t>("axis")) : -1;
}

// --- Softmax / LogSoftmax -------------------------------------------------------

OpPtr SoftmaxOp::from_props(const Props& p, bool log) {
  return std::make_shared<SoftmaxOp>(log, axis_prop(p));
}

ApplyPtr SoftmaxOp::make_node(std::vector<Var> inputs) const {
  check_arity(*this, inputs, 1);
  auto tt = float_input(*this, inputs, 0);
  normalize_axis(axis_, tt->ndim(), display());
  return build(std::move(inputs), {TensorType::make(tt->dtype(), tt->shape(), tt->device())});
}

void SoftmaxOp::perform(const Apply&, InputRefs inputs, OutputRefs outputs) const {
  const NDArray& x = inputs[0].array();
  Rows r = to_rows(x, normalize_axis(axis_, x.ndim(), display()), work_dtype(x.dtype()));
  NDArray out = NDArray::empty(r.data.dtype(), {r.rows, r.len});
  with_float(r.data.dtype(), [&](auto tag) {
    using F = decltype(tag);
    softmax_rows<F>(r.data.data<F>(), nullptr, out.data<F>(), r.rows, r.len, log_);
  });
  outputs[0] = from_rows(out, r, x.dtype());
}

std::optional<std::vector<ShapeVars>> SoftmaxOp::infer_shape(
    const Apply&, const std::vector<ShapeVars>& input_shapes) const {
  return std::vector<ShapeVars>{input_shapes[0]};
}

std::vector<Var> SoftmaxOp::L_op(const Apply& node, const std::vector<Var>& output_grads) const {
  T::TensorVar out = node.out(0)->self(), gz = output_grads[0];
  if (!log_) return {T::nnet::softmax_grad(gz, out, axis_)};
  return {gz - T::exp(out) * T::sum(gz, axis_, true)};
}

std::vector<Var> SoftmaxOp::R_op(const Apply& node, const std::vector<Var>& eval_points) const {
  if (!eval_points[0]) return {nullptr};
  T::TensorVar out = node.out(0)->self(), v = eval_points[0];
  if (!log_) return {T::nnet::softmax_grad(v, out, axis_)};
  return {v - T::sum(v * T::exp(out), axis_, true)};
}

// --- SoftmaxWithBias -----------------------------------------------------------

ApplyPtr SoftmaxWithBiasOp::make_node(std::vector<Var> inputs) const {
  check_arity(*this, inputs, 2);
  auto x = float_input(*this, inputs, 0);
  auto b = float_input(*this, inputs, 1, 1);
  if (b->dtype() != x->dtype()) {
    throw TypeError(display() + ": the bias must have the dtype of x (" +
                    std::string(dtype_name(x->dtype())) + "), got " + b->str());
  }
  return build(std::move(inputs), {TensorType::make(x->dtype(), x->shape(), x->device())});
}

void SoftmaxWithBiasOp::perform(const Apply&, InputRefs inputs, OutputRefs outputs) const {
  const NDArray& x = inputs[0].array();
  DType work = work_dtype(x.dtype());
  Rows r = to_rows(x, x.ndim() - 1, work);
  NDArray b = as_dtype(inputs[1].array(), work);
  if (b.dim(0) != r.len) {
    throw ValueError(display() + ": bias length " + std::to_string(b.dim(0)) +
                     " does not match the last dim of x, shape " + shape_str(x.shape()));
  }
  NDArray out = NDArray::empty(work, {r.rows, r.len});
  with_float(work, [&](auto tag) {
    using F = decltype(tag);
    softmax_rows<F>(r.data.data<F>(), b.data<F>(), out.data<F>(), r.rows, r.len, false);
  });
  outputs[0] = from_rows(out, r, x.dtype());
}

std::optional<std::vector<ShapeVars>> SoftmaxWithBiasOp::infer_shape(
    const Apply&, const std::vector<ShapeVars>& input_shapes) const {
  return std::vector<ShapeVars>{input_shapes[0]};
}

std::vector<Var> SoftmaxWithBiasOp::L_op(const Apply& node,
                                         const std::vector<Var>& output_grads) const {
  T::TensorVar dx = T::nnet::softmax_grad(output_grads[0], node.out(0)->self(), -1);
  std::vector<std::int64_t> lead;
  for (int d = 0; d + 1 < dx.ndim(); ++d) lead.push_back(d);
  return {dx, lead.empty() ? dx : T::sum(dx, T::Axes(lead))};
}

// --- SoftmaxGrad ----------------------------------------------------------------

ApplyPtr SoftmaxGradOp::make_node(std::vector<Var> inputs) const {
  check_arity(*this, inputs, 2);
  auto dy = float_input(*this, inputs, 0);
  auto sm = float_input(*this, inputs, 1);
  if (dy->ndim() != sm->ndim() || dy->dtype() != sm->dtype()) {
    throw TypeError(display() + ": dy and sm must have the same dtype and ndim, got " + dy->str() +
                    " and " + sm->str());
  }
  normalize_axis(axis_, sm->ndim(), display());
  return build(std::move(inputs), {TensorType::make(sm->dtype(), sm->shape(), sm->device())});
}

void SoftmaxGradOp::perform(const Apply&, InputRefs inputs, OutputRefs outputs) const {
  const NDArray& dy = inputs[0].array();
  const NDArray& sm = inputs[1].array();
  if (dy.shape() != sm.shape()) {
    throw ValueError(display() + ": dy shape " + shape_str(dy.shape()) + " != sm shape " +
                     shape_str(sm.shape()));
  }
  int axis = normalize_axis(axis_, sm.ndim(), display());
  DType work = work_dtype(sm.dtype());
  Rows d = to_rows(dy, axis, work), s = to_rows(sm, axis, work);
  NDArray out = NDArray::empty(work, {s.rows, s.len});
  with_float(work, [&](auto tag) {
    using F = decltype(tag);
    softmax_grad_rows<F>(d.data.data<F>(), s.data.data<F>(), out.data<F>(), s.rows, s.len);
  });
  outputs[0] = from_rows(out, s, sm.dtype());
}

std::optional<std::vector<ShapeVars>> SoftmaxGradOp::infer_shape(
    const Apply&, const std::vector<ShapeVars>& input_shapes) const {
  return std::vector<ShapeVars>{input_shapes[1]};
}

std::vector<Var> SoftmaxGradOp::L_op(const Apply& node,
                                     const std::vector<Var>& output_grads) const {
  T::TensorVar dy = node.input(0), sm = node.input(1), g = output_grads[0];
  T::TensorVar s = T::sum(dy * sm, axis_, true);
  T::TensorVar g_dy = T::nnet::softmax_grad(g, sm, axis_);
  T::TensorVar g_sm = g * (dy - s) - dy * T::sum(g * sm, axis_, true);
  return {g_dy, g_sm};
}

}  // namespace theano::nnet
