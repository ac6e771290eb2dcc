// The gradient-helper ops and their front-end functions (see helper_ops.h).
#include "helper_ops.h"

#include <cmath>

#include "grad_util.h"
#include "theano/core/gradient.h"
#include "theano/tensor.h"

namespace theano {

namespace gradient_detail {

namespace T = theano::tensor;

namespace {

double number_prop(const Props& props, const std::string& op, const char* name) {
  const PropValue& v = props.get(name);
  if (v.is<double>()) return v.as<double>();
  if (v.is<std::int64_t>()) return static_cast<double>(v.as<std::int64_t>());
  throw TypeError(op + ": prop " + name + " must be a number, got a " + v.kind_name());
}

}  // namespace

GradHelperOp::GradHelperOp(Kind kind, double a, double b) : kind_(kind), a_(a), b_(b) {
  if (kind_ == Kind::Clip && !(a_ <= b_)) {
    throw ValueError("GradClip: the lower bound " + std::to_string(a_) +
                     " must not exceed the upper bound " + std::to_string(b_));
  }
  if ((kind_ == Kind::Clip || kind_ == Kind::Scale) && (std::isnan(a_) || std::isnan(b_))) {
    throw ValueError(name() + ": NaN parameter");
  }
}

OpPtr GradHelperOp::from_props(const std::string& name, const Props& props) {
  if (name == "ZeroGrad") return std::make_shared<GradHelperOp>(Kind::Zero);
  if (name == "DisconnectedGrad") return std::make_shared<GradHelperOp>(Kind::Disconnected);
  if (name == "UndefinedGrad") return std::make_shared<GradHelperOp>(Kind::Undefined);
  if (name == "ConsiderConstant") return std::make_shared<GradHelperOp>(Kind::ConsiderConstant);
  if (name == "GradScale") {
    return std::make_shared<GradHelperOp>(Kind::Scale, number_prop(props, name, "multiplier"));
  }
  if (name == "GradClip") {
    return std::make_shared<GradHelperOp>(Kind::Clip, number_prop(props, name, "clip_lower_bound"),
                                          number_prop(props, name, "clip_upper_bound"));
  }
  throw ValueError("no gradient-helper op named '" + name + "'");
}

std::string GradHelperOp::name() const {
  switch (kind_) {
    case Kind::Zero:
      return "ZeroGrad";
    case Kind::Disconnected:
      return "DisconnectedGrad";
    case Kind::Undefined:
      return "UndefinedGrad";
    case Kind::Clip:
      return "GradClip";
    case Kind::Scale:
      return "GradScale";
    case Kind::ConsiderConstant:
      return "ConsiderConstant";
  }
  return "ZeroGrad";
}

Props GradHelperOp::props() const {
  if (kind_ == Kind::Clip) return Props{{"clip_lower_bound", a_}, {"clip_upper_bound", b_}};
  if (kind_ == Kind::Scale) return Props{{"multiplier", a_}};
  return {};
}

ApplyPtr GradHelperOp::make_node(std::vector<Var> inputs) const {
  if (inputs.size() != 1 || !inputs[0]) {
    throw ValueError(display() + ": expected one input, got " + std::to_string(inputs.size()));
  }
  if ((kind_ == Kind::Clip || kind_ == Kind::Scale) && !as_tensor_type(inputs[0]->type())) {
    throw_input_type_error(*this, 0, "a tensor", inputs[0]->type());
  }
  TypePtr type = inputs[0]->type();
  return build(std::move(inputs), {type});
}

void GradHelperOp::perform(const Apply&, InputRefs inputs, OutputRefs outputs) const {
  outputs[0] = inputs[0];
}

std::optional<std::vector<ShapeVars>> GradHelperOp::infer_shape(
    const Apply&, const std::vector<ShapeVars>& input_shapes) const {
  return std::vector<ShapeVars>{input_shapes.at(0)};
}

std::vector<Var> GradHelperOp::L_op(const Apply& node, const std::vector<Var>& output_grads) const {
  const Var& g = output_grads.at(0);
  switch (kind_) {
    case Kind::Zero:
    case Kind::ConsiderConstant:
      return {float_zeros_like(g ? g : node.input(0))};
    case Kind::Disconnected:
      return {disconnected()};
    case Kind::Undefined:
      return {grad_undefined(0, "undefined_grad marks this gradient as undefined")};
    case Kind::Clip:
      return {g ? Var(T::clip(T::TensorVar(g), a_, b_)) : nullptr};
    case Kind::Scale:
      return {g ? Var(T::mul(T::TensorVar(g), a_)) : nullptr};
  }
  return {nullptr};
}

std::vector<Var> GradHelperOp::R_op(const Apply& node, const std::vector<Var>& eval_points) const {
  const Var& v = eval_points.at(0);
  if (!v) return {nullptr};
  switch (kind_) {
    case Kind::Zero:
    case Kind::ConsiderConstant:
      return {float_zeros_like(node.output(0))};
    case Kind::Disconnected:
      return {nullptr};
    case Kind::Undefined:
      return {grad_undefined(0, "undefined_grad marks this derivative as undefined")};
    case Kind::Clip:
    case Kind::Scale:
      return {v};  // they only change the backward pass
  }
  return {nullptr};
}

std::vector<std::vector<bool>> GradHelperOp::connection_pattern(const Apply&) const {
  return {{kind_ != Kind::Disconnected}};
}

}  // namespace gradient_detail

namespace {

using gradient_detail::GradHelperOp;

Var apply_helper(GradHelperOp::Kind kind, const Var& x, const std::source_location& loc,
                 double a = 0, double b = 0) {
  if (!x) throw ValueError("gradient helper applied to a null variable");
  auto op = std::make_shared<const GradHelperOp>(kind, a, b);
  return op->apply1({x}, loc);
}

}  // namespace

Var zero_grad(const Var& x, std::source_location loc) {
  return apply_helper(GradHelperOp::Kind::Zero, x, loc);
}
Var disconnected_grad(const Var& x, std::source_location loc) {
  return apply_helper(GradHelperOp::Kind::Disconnected, x, loc);
}
Var undefined_grad(const Var& x, std::source_location loc) {
  return apply_helper(GradHelperOp::Kind::Undefined, x, loc);
}
Var grad_clip(const Var& x, double lower, double upper, std::source_location loc) {
  return apply_helper(GradHelperOp::Kind::Clip, x, loc, lower, upper);
}
Var grad_scale(const Var& x, double multiplier, std::source_location loc) {
  return apply_helper(GradHelperOp::Kind::Scale, x, loc, multiplier);
}
Var consider_constant(const Var& x, std::source_location loc) {
  return apply_helper(GradHelperOp::Kind::ConsiderConstant, x, loc);
}

}  // namespace theano
