// Alloc, AllocEmpty, ARange, Eye and Tri: ops that create new arrays.
#include <cmath>

#include "common.h"
#include "ops.h"
#include "theano/tensor.h"

namespace theano::tensor_ops {

namespace T = theano::tensor;

namespace {

// Checks inputs [first, end) are 0-d integers; returns the static shape they
// give (constants known, others unknown).
StaticShape shape_from_scalars(const Op& op, const std::vector<Var>& inputs, int first) {
  StaticShape out;
  for (int i = first; i < static_cast<int>(inputs.size()); ++i) {
    require_int_scalar(op, inputs, i, "a dimension");
    auto c = constant_int(inputs[i]);
    if (c && *c < 0) {
      throw ValueError(op.display() + ": input " + std::to_string(i) +
                       " is a negative dimension (" + std::to_string(*c) + ")");
    }
    out.push_back(c);
  }
  return out;
}

Shape runtime_shape(const Op& op, InputRefs inputs, int first) {
  Shape out;
  for (int i = first; i < static_cast<int>(inputs.size()); ++i) {
    std::int64_t d = scalar_value(inputs[i]);
    if (d < 0) {
      throw ValueError(op.display() + ": dimension " + std::to_string(i - first) +
                       " is negative (" + std::to_string(d) + ")");
    }
    out.push_back(d);
  }
  return out;
}

ShapeVars dims_of(const Apply& node, int first) {
  ShapeVars out;
  for (int i = first; i < node.nin(); ++i) out.push_back(as_int64(node.input(i)));
  return out;
}

std::vector<std::vector<bool>> only_first_connected(const Apply& node) {
  std::vector<std::vector<bool>> p(node.nin(), {false});
  p[0] = {true};
  return p;
}

}  // namespace

// --- Alloc --------------------------------------------------------------------------

ApplyPtr AllocOp::make_node(std::vector<Var> inputs) const {
  if (inputs.empty()) throw TypeError(display() + ": expected a value and dimensions, got nothing");
  auto vt = tensor_input(*this, inputs, 0);
  StaticShape out = shape_from_scalars(*this, inputs, 1);
  int lead = static_cast<int>(out.size()) - vt->ndim();
  if (lead < 0) {
    throw ValueError(display() + ": the value " + vt->str() + " has more dimensions than the " +
                     std::to_string(out.size()) + " requested");
  }
  for (int d = 0; d < vt->ndim(); ++d) {
    const StaticDim& v = vt->shape()[d];
    StaticDim& o = out[lead + d];
    if (v && *v != 1 && o && *o != *v) {
      throw ValueError(display() + ": cannot broadcast a value of static shape " +
                       static_shape_str(vt->shape()) + " into shape " + static_shape_str(out));
    }
    if (v && *v != 1) o = v;
  }
  return build(std::move(inputs), {vt->with_shape(std::move(out))});
}

void AllocOp::perform(const Apply& node, InputRefs inputs, OutputRefs outputs) const {
  const NDArray& v = inputs[0].array();
  Shape shape = runtime_shape(*this, inputs, 1);
  int lead = static_cast<int>(shape.size()) - v.ndim();
  auto vt = as_tensor_type(node.input(0)->type());
  for (int d = 0; d < v.ndim(); ++d) {
    bool ok = v.dim(d) == shape[lead + d] || vt->shape()[d] == 1;
    if (!ok) {
      throw ValueError(display() + ": cannot broadcast a value of shape " + shape_str(v.shape()) +
                       " into shape " + shape_str(shape) +
                       " (only dimensions of static size 1 broadcast)");
    }
  }
  NDArray out = NDArray::empty(v.dtype(), std::move(shape));
  out.assign(v);
  outputs[0] = std::move(out);
}

std::optional<std::vector<ShapeVars>> AllocOp::infer_shape(const Apply& node,
                                                           const std::vector<ShapeVars>&) const {
  return std::vector<ShapeVars>{dims_of(node, 1)};
}

std::vector<std::vector<bool>> AllocOp::connection_pattern(const Apply& node) const {
  return only_first_connected(node);
}

std::vector<Var> AllocOp::L_op(const Apply& node, const std::vector<Var>& grads) const {
  const Var& v = node.input(0);
  auto vt = as_tensor_type(v->type());
  std::vector<Var> out(node.nin(), disconnected());
  if (is_discrete(vt->dtype())) {
    out[0] = zero_grad_like(v);
    return out;
  }
  auto gt = as_tensor_type(grads[0]->type());
  int lead = gt->ndim() - vt->ndim();
  T::TensorVar g = grads[0];
  std::vector<std::int64_t> broadcast;
  for (int d = 0; d < vt->ndim(); ++d)
    if (vt->shape()[d] == 1 && gt->shape()[lead + d] != 1) broadcast.push_back(lead + d);
  if (!broadcast.empty()) g = T::sum(g, T::Axes(broadcast), true);
  if (lead > 0) {
    std::vector<std::int64_t> axes;
    for (int d = 0; d < lead; ++d) axes.push_back(d);
    g = T::sum(g, T::Axes(axes), false);
  }
  out[0] = cast_like(g, v);
  return out;
}

std::vector<Var> AllocOp::R_op(const Apply& node, const std::vector<Var>& evs) const {
  if (!evs[0]) return {nullptr};
  std::vector<Var> in = node.inputs();
  in[0] = evs[0];
  return {apply1(std::move(in))};
}

// --- AllocEmpty ---------------------------------------------------------------------

ApplyPtr AllocEmptyOp::make_node(std::vector<Var> inputs) const {
  StaticShape out = shape_from_scalars(*this, inputs, 0);
  return build(std::move(inputs), {TensorType::make(dtype_, std::move(out))});
}

void AllocEmptyOp::perform(const Apply&, InputRefs inputs, OutputRefs outputs) const {
  outputs[0] = NDArray::empty(dtype_, runtime_shape(*this, inputs, 0));
}

std::optional<std::vector<ShapeVars>> AllocEmptyOp::infer_shape(
    const Apply& node, const std::vector<ShapeVars>&) const {
  return std::vector<ShapeVars>{dims_of(node, 0)};
}

std::vector<std::vector<bool>> AllocEmptyOp::connection_pattern(const Apply& node) const {
  return std::vector<std::vector<bool>>(node.nin(), {false});
}

std::vector<Var> AllocEmptyOp::L_op(const Apply& node, const std::vector<Var>&) const {
  return std::vector<Var>(node.nin(), disconnected());
}

// --- ARange -------------------------------------------------------------------------

namespace {

double scalar_double(const Value& v) {
  return v.array().item<double>();
}

std::int64_t arange_length(double start, double stop, double step) {
  double n = std::ceil((stop - start) / step);
  return n > 0 ? static_cast<std::int64_t>(n) : 0;
}

}  // namespace

ApplyPtr ARangeOp::make_node(std::vector<Var> inputs) const {
  require_arity(*this, inputs, 3);
  const char* names[] = {"start", "stop", "step"};
  std::optional<double> values[3];
  for (int i = 0; i < 3; ++i) {
    auto tt = tensor_input(*this, inputs, i);
    if (tt->ndim() != 0 || is_complex(tt->dtype()))
      throw_input_type_error(*this, i, std::string("a 0-d real tensor (") + names[i] + ")",
                             inputs[i]->type());
    if (auto* c = dynamic_cast<const Constant*>(inputs[i].get()))
      values[i] = c->value().array().item<double>();
  }
  if (values[2] && *values[2] == 0) throw ValueError(display() + ": step must not be 0");
  StaticDim len;
  if (values[0] && values[1] && values[2]) len = arange_length(*values[0], *values[1], *values[2]);
  return build(std::move(inputs), {TensorType::make(dtype_, StaticShape{len})});
}

void ARangeOp::perform(const Apply&, InputRefs inputs, OutputRefs outputs) const {
  double start = scalar_double(inputs[0]), stop = scalar_double(inputs[1]);
  double step = scalar_double(inputs[2]);
  if (step == 0) throw ValueError(display() + ": step must not be 0");
  std::int64_t n = arange_length(start, stop, step);
  NDArray out = NDArray::empty(dtype_, {n});
  visit_dtype(dtype_, [&](auto tag) {
    using V = typename decltype(tag)::type;
    V* p = out.data<V>();
    if constexpr (std::is_same_v<V, float16>) {
      for (std::int64_t i = 0; i < n; ++i) p[i] = float16(start + static_cast<double>(i) * step);
    } else if constexpr (std::is_integral_v<V>) {
      auto s = static_cast<std::int64_t>(start), d = static_cast<std::int64_t>(step);
      for (std::int64_t i = 0; i < n; ++i) p[i] = static_cast<V>(s + i * d);
    } else {
      // NumPy's fill: the first two values in the output dtype, then their difference.
      V first = static_cast<V>(start);
      V delta = static_cast<V>(start + step) - first;
      for (std::int64_t i = 0; i < n; ++i)
        p[i] = first + static_cast<V>(static_cast<double>(i)) * delta;
    }
  });
  outputs[0] = std::move(out);
}

std::optional<std::vector<ShapeVars>> ARangeOp::infer_shape(const Apply& node,
                                                            const std::vector<ShapeVars>&) const {
  auto out = as_tensor_type(node.out(0)->type());
  if (out->shape()[0]) return std::vector<ShapeVars>{{int64_scalar(*out->shape()[0])}};
  auto f = [&](int i) { return T::cast(node.input(i), DType::Float64); };
  T::TensorVar n = T::ceil(T::true_div(T::sub(f(1), f(0)), f(2)));
  return std::vector<ShapeVars>{{T::cast(T::maximum(n, 0.0), DType::Int64).var()}};
}

std::vector<Var> ARangeOp::L_op(const Apply& node, const std::vector<Var>& grads) const {
  if (is_discrete(dtype_)) {
    return {zero_grad_like(node.input(0)), disconnected(), zero_grad_like(node.input(2))};
  }
  T::TensorVar gz = grads[0];
  T::TensorVar steps = T::cast(T::arange(T::shape_i(gz, 0)), gz.dtype());
  Var gstart = cast_like(T::sum(gz).var(), node.input(0));
  Var gstep = cast_like(T::sum(T::mul(gz, steps)).var(), node.input(2));
  return {gstart, disconnected(), gstep};
}

// --- Eye and Tri --------------------------------------------------------------------

ApplyPtr DiagonalMaskOp::make_node(std::vector<Var> inputs) const {
  require_arity(*this, inputs, 3);
  require_int_scalar(*this, inputs, 0, "rows");
  require_int_scalar(*this, inputs, 1, "columns");
  require_int_scalar(*this, inputs, 2, "diagonal offset");
  StaticShape out{constant_int(inputs[0]), constant_int(inputs[1])};
  return build(std::move(inputs), {TensorType::make(dtype_, std::move(out))});
}

void DiagonalMaskOp::perform(const Apply&, InputRefs inputs, OutputRefs outputs) const {
  std::int64_t n = scalar_value(inputs[0]), m = scalar_value(inputs[1]);
  std::int64_t k = scalar_value(inputs[2]);
  if (n < 0 || m < 0) {
    throw ValueError(display() + ": negative dimensions (" + std::to_string(n) + ", " +
                     std::to_string(m) + ")");
  }
  NDArray out = NDArray::empty(dtype_, {n, m});
  visit_dtype(dtype_, [&](auto tag) {
    using V = typename decltype(tag)::type;
    V* p = out.data<V>();
    for (std::int64_t i = 0; i < n; ++i) {
      for (std::int64_t j = 0; j < m; ++j) {
        bool one = lower_ ? j - i <= k : j - i == k;
        p[i * m + j] = one ? V(1.0) : V(0.0);
      }
    }
  });
  outputs[0] = std::move(out);
}

std::optional<std::vector<ShapeVars>> DiagonalMaskOp::infer_shape(
    const Apply& node, const std::vector<ShapeVars>&) const {
  return std::vector<ShapeVars>{{as_int64(node.input(0)), as_int64(node.input(1))}};
}

std::vector<Var> DiagonalMaskOp::L_op(const Apply&, const std::vector<Var>&) const {
  return {disconnected(), disconnected(), disconnected()};
}

}  // namespace theano::tensor_ops
