// Helpers shared by the extra ops (see common.h).
#include "common.h"

#include "theano/core/config.h"
#include "theano/tensor.h"

namespace theano::tensor_ops::extra {

namespace T = theano::tensor;

PropValue axis_prop(const OptAxis& axis) {
  return axis ? PropValue(*axis) : PropValue();
}

OptAxis axis_from(const Props& props, std::string_view key) {
  if (!props.contains(key)) return std::nullopt;
  const PropValue& v = props.get(key);
  if (v.is<std::monostate>()) return std::nullopt;
  return v.as<std::int64_t>();
}

std::string axis_str(const OptAxis& axis) {
  return axis ? "axis=" + std::to_string(*axis) : std::string("axis=None");
}

void expect_arity(const Op& op, const std::vector<Var>& inputs, std::size_t lo, std::size_t hi) {
  if (inputs.size() < lo || inputs.size() > hi) {
    std::string want =
        lo == hi ? std::to_string(lo) : std::to_string(lo) + " to " + std::to_string(hi);
    throw TypeError(op.display() + ": expected " + want + " inputs, got " +
                    std::to_string(inputs.size()));
  }
  for (std::size_t i = 0; i < inputs.size(); ++i)
    if (!inputs[i]) throw TypeError(op.display() + ": input " + std::to_string(i) + " is null");
}

std::shared_ptr<const TensorType> tensor_input(const Op& op, const std::vector<Var>& inputs,
                                               int i) {
  auto tt = as_tensor_type(inputs.at(i)->type());
  if (!tt) throw_input_type_error(op, i, "a tensor", inputs.at(i)->type());
  return tt;
}

int normalize_axis(const Op& op, std::int64_t axis, int ndim) {
  if (axis < -ndim || axis >= ndim || ndim == 0) {
    throw ValueError(op.display() + ": axis " + std::to_string(axis) +
                     " is out of bounds for an array of dimension " + std::to_string(ndim));
  }
  return static_cast<int>(axis < 0 ? axis + ndim : axis);
}

void require_ordered(const Op& op, DType dtype, int input) {
  if (is_complex(dtype)) {
    throw TypeError(op.display() + ": input " + std::to_string(input) + " has dtype " +
                    std::string(dtype_name(dtype)) + ", and complex numbers have no order");
  }
}

StaticShape flat_shape(const TensorType& type) {
  std::int64_t n = 1;
  for (const StaticDim& d : type.shape()) {
    if (!d) return StaticShape{std::nullopt};
    n *= *d;
  }
  return StaticShape{n};
}

Lanes lanes_along(const Shape& shape, int axis) {
  Lanes l;
  for (int d = 0; d < static_cast<int>(shape.size()); ++d) {
    if (d < axis) l.outer *= shape[d];
    if (d > axis) l.inner *= shape[d];
  }
  l.len = shape.empty() ? 1 : shape[axis];
  return l;
}

LaneInput lane_input(const Op& op, const NDArray& x, const OptAxis& axis) {
  LaneInput in;
  NDArray a = x.dtype() == DType::Float16 ? x.astype(DType::Float32) : x;
  if (!axis) {
    in.data = a.ascontiguous().reshape({a.size()});
    in.lanes = lanes_along(in.data.shape(), 0);
    return in;
  }
  in.axis = normalize_axis(op, *axis, a.ndim());
  in.data = a.ascontiguous();
  in.lanes = lanes_along(in.data.shape(), in.axis);
  return in;
}

Var zeros_like(const Var& x, bool float_for_discrete) {
  T::TensorVar t = x;
  DType d = t.dtype();
  if (float_for_discrete && is_discrete(d)) d = floatX();
  return T::second(t, T::constant(0.0, d));
}

Var disconnected() {
  return Variable::make(DisconnectedType::make());
}

bool has_grad(const Var& g) {
  return g && g->type()->kind() != "disconnected" && g->type()->kind() != "null";
}

}  // namespace theano::tensor_ops::extra
