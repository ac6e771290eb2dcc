// Huber{delta}: node checks, the CPU kernel, shapes and derivatives. The
// kernel runs over a C-contiguous copy of the input (none when it already is
// one) and writes a fresh output; the derivatives are built with the T::
// front end, which makes Elemwise nodes of the elemwise plugin by name.
#include "huber_op.h"

#include <cmath>
#include <string>

#include "theano/core/config.h"
#include "theano/core/errors.h"
#include "theano/tensor.h"

namespace acme {

namespace T = theano::tensor;
using theano::NDArray;

namespace {

template <class F>
void huber_kernel(const F* r, F* out, std::int64_t n, F delta) {
  for (std::int64_t i = 0; i < n; ++i) {
    F a = std::abs(r[i]);
    out[i] = a <= delta ? F(0.5) * r[i] * r[i] : delta * (a - F(0.5) * delta);
  }
}

/// d Huber / d r = clip(r, -delta, delta), in r's dtype.
T::TensorVar huber_slope(const T::TensorVar& r, double delta) {
  return T::clip(r, T::constant(-delta, r.dtype()), T::constant(delta, r.dtype()));
}

}  // namespace

HuberOp::HuberOp(double delta) : delta_(delta) {
  if (!(delta > 0) || !std::isfinite(delta))
    throw theano::ValueError("Huber: delta must be finite and > 0, got " + std::to_string(delta));
}

theano::OpPtr HuberOp::from_props(const theano::Props& props) {
  if (!props.contains("delta"))
    return std::make_shared<HuberOp>(theano::Config::global().get_double("huber.default_delta"));
  const theano::PropValue& d = props.get("delta");
  if (d.is<std::int64_t>()) return std::make_shared<HuberOp>(double(d.as<std::int64_t>()));
  if (d.is<double>()) return std::make_shared<HuberOp>(d.as<double>());
  throw theano::TypeError("Huber: prop delta must be a number, got a " + d.kind_name());
}

theano::ApplyPtr HuberOp::make_node(std::vector<theano::Var> inputs) const {
  if (inputs.size() != 1)
    throw theano::TypeError(display() + ": expected 1 input, got " + std::to_string(inputs.size()));
  auto r = theano::as_tensor_type(inputs[0]->type());
  if (!r || (r->dtype() != theano::DType::Float32 && r->dtype() != theano::DType::Float64))
    theano::throw_input_type_error(*this, 0, "a float32 or float64 tensor", inputs[0]->type());
  return build(std::move(inputs), {r});
}

void HuberOp::perform(const theano::Apply&, theano::InputRefs inputs,
                      theano::OutputRefs outputs) const {
  NDArray r = inputs[0].array().ascontiguous();
  NDArray out = NDArray::empty(r.dtype(), r.shape());
  if (r.dtype() == theano::DType::Float64) {
    huber_kernel<double>(r.data<double>(), out.data<double>(), r.size(), delta_);
  } else {
    huber_kernel<float>(r.data<float>(), out.data<float>(), r.size(), float(delta_));
  }
  outputs[0] = out;
}

std::optional<std::vector<theano::ShapeVars>> HuberOp::infer_shape(
    const theano::Apply&, const std::vector<theano::ShapeVars>& input_shapes) const {
  return std::vector<theano::ShapeVars>{input_shapes[0]};
}

std::vector<theano::Var> HuberOp::L_op(const theano::Apply& node,
                                       const std::vector<theano::Var>& output_grads) const {
  T::TensorVar g = output_grads[0];
  return {g * huber_slope(node.input(0), delta_)};
}

std::vector<theano::Var> HuberOp::R_op(const theano::Apply& node,
                                       const std::vector<theano::Var>& eval_points) const {
  if (!eval_points[0]) return {nullptr};
  T::TensorVar v = eval_points[0];
  return {v * huber_slope(node.input(0), delta_)};
}

}  // namespace acme
