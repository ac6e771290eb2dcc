// CumOp and DiffOp (see cumulative.h). Both work lane by lane on a
// C-contiguous copy: a running accumulator for CumOp, repeated in-buffer
// difference steps for DiffOp; lanes run in parallel when large.
#include "cumulative.h"

#include "along_axis.h"
#include "theano/tensor.h"

namespace theano::tensor_ops::extra {

namespace T = theano::tensor;

// --- CumOp ---------------------------------------------------------------------------

CumOp::CumOp(OptAxis axis, std::string mode, bool reverse)
    : axis_(axis), mode_(std::move(mode)), reverse_(reverse) {
  if (mode_ != "add" && mode_ != "mul")
    throw ValueError("CumOp: mode must be 'add' or 'mul', got '" + mode_ + "'");
}

OpPtr CumOp::from_props(const Props& p) {
  bool reverse = p.contains("reverse") && p.get_as<bool>("reverse");
  return std::make_shared<CumOp>(axis_from(p), p.get_as<std::string>("mode"), reverse);
}

Props CumOp::props() const {
  return Props{{"axis", axis_prop(axis_)}, {"mode", mode_}, {"reverse", reverse_}};
}

ApplyPtr CumOp::make_node(std::vector<Var> inputs) const {
  expect_arity(*this, inputs, 1, 1);
  auto x = tensor_input(*this, inputs, 0);
  DType dtype = is_bool(x->dtype()) ? DType::Int64 : x->dtype();
  StaticShape shape = x->shape();
  if (axis_) {
    normalize_axis(*this, *axis_, x->ndim());
  } else {
    shape = flat_shape(*x);
  }
  return build(std::move(inputs), {TensorType::make(dtype, shape, x->device())});
}

void CumOp::perform(const Apply& node, InputRefs inputs, OutputRefs outputs) const {
  DType out_dtype = as_tensor_type(node.out(0)->type())->dtype();
  NDArray x = inputs[0].array();
  if (is_bool(x.dtype())) x = x.astype(DType::Int64);
  LaneInput in = lane_input(*this, x, axis_);
  NDArray out = in.data.copy();
  bool add = mode_ == "add";
  visit_dtype(out.dtype(), [&](auto tag) {
    using V = typename decltype(tag)::type;
    if constexpr (std::is_same_v<V, float16> || std::is_same_v<V, bool>) {
      throw TypeError(display() + ": unsupported dtype " + std::string(dtype_name(out.dtype())));
    } else {
      V* p = out.data<V>();
      const Lanes& l = in.lanes;
      for_each_lane(l, [&](std::int64_t lane) {
        std::int64_t s = l.start(lane);
        for (std::int64_t j = 1; j < l.len; ++j) {
          std::int64_t at = s + (reverse_ ? l.len - 1 - j : j) * l.inner;
          std::int64_t prev = reverse_ ? at + l.inner : at - l.inner;
          p[at] = add ? static_cast<V>(p[at] + p[prev]) : static_cast<V>(p[at] * p[prev]);
        }
      });
    }
  });
  outputs[0] = out.dtype() == out_dtype ? out : out.astype(out_dtype);
}

std::optional<std::vector<ShapeVars>> CumOp::infer_shape(
    const Apply&, const std::vector<ShapeVars>& input_shapes) const {
  if (axis_) return std::vector<ShapeVars>{input_shapes[0]};
  T::TensorVar n = T::constant(1.0, DType::Int64);
  for (const Var& d : input_shapes[0]) n = T::mul(n, T::TensorVar(d));
  return std::vector<ShapeVars>{{n}};
}

std::vector<Var> CumOp::L_op(const Apply& node, const std::vector<Var>& g) const {
  if (!has_grad(g[0])) return {disconnected()};
  T::TensorVar x = node.input(0);
  T::TensorVar gz = g[0];
  if (mode_ == "mul") gz = T::mul(gz, T::TensorVar(node.output(0)));
  Var back = std::make_shared<CumOp>(axis_, "add", !reverse_)->apply1({gz});
  T::TensorVar gx = axis_ ? back : reshape_like(back, x);
  if (mode_ == "mul") gx = T::true_div(gx, x);
  return {gx};
}

std::vector<Var> CumOp::R_op(const Apply& node, const std::vector<Var>& ev) const {
  if (!ev[0]) return {nullptr};
  if (mode_ == "add") return {std::make_shared<CumOp>(axis_, mode_, reverse_)->apply1({ev[0]})};
  // d cumprod(x)_j = cumprod(x)_j * sum_{i <= j} dx_i / x_i
  T::TensorVar rel = T::true_div(T::TensorVar(ev[0]), T::TensorVar(node.input(0)));
  Var acc = std::make_shared<CumOp>(axis_, "add", reverse_)->apply1({rel});
  return {T::mul(T::TensorVar(node.output(0)), T::TensorVar(acc))};
}

// --- DiffOp --------------------------------------------------------------------------

DiffOp::DiffOp(std::int64_t n, std::int64_t axis, bool adjoint)
    : n_(n), axis_(axis), adjoint_(adjoint) {
  if (n_ < 0) throw ValueError("DiffOp: order n must be non-negative, got " + std::to_string(n));
}

OpPtr DiffOp::from_props(const Props& p) {
  bool adjoint = p.contains("adjoint") && p.get_as<bool>("adjoint");
  return std::make_shared<DiffOp>(p.get_as<std::int64_t>("n"), p.get_as<std::int64_t>("axis"),
                                  adjoint);
}

Props DiffOp::props() const {
  return Props{{"n", n_}, {"axis", axis_}, {"adjoint", adjoint_}};
}

ApplyPtr DiffOp::make_node(std::vector<Var> inputs) const {
  expect_arity(*this, inputs, 1, 1);
  auto x = tensor_input(*this, inputs, 0);
  if (is_bool(x->dtype()) || is_complex(x->dtype()) || x->dtype() == DType::Float16) {
    throw TypeError(display() + ": input 0 has dtype " + std::string(dtype_name(x->dtype())) +
                    "; expected an integer, float32 or float64 tensor");
  }
  int a = normalize_axis(*this, axis_, x->ndim());
  StaticShape shape = x->shape();
  if (shape[a]) shape[a] = adjoint_ ? *shape[a] + n_ : std::max<std::int64_t>(*shape[a] - n_, 0);
  return build(std::move(inputs), {TensorType::make(x->dtype(), shape, x->device())});
}

namespace {

/// One difference step on `v` (forward: shrinks by one; adjoint: grows by one).
template <class V>
void diff_step(std::vector<V>& v, bool adjoint) {
  std::size_t m = v.size();
  if (!adjoint) {
    if (m == 0) return;
    for (std::size_t j = 0; j + 1 < m; ++j) v[j] = static_cast<V>(v[j + 1] - v[j]);
    v.pop_back();
    return;
  }
  v.push_back(m == 0 ? V(0) : v[m - 1]);
  for (std::size_t j = m - 1; j >= 1 && j < m; --j) v[j] = static_cast<V>(v[j - 1] - v[j]);
  if (m > 0) v[0] = static_cast<V>(-v[0]);
}

}  // namespace

void DiffOp::perform(const Apply& node, InputRefs inputs, OutputRefs outputs) const {
  const NDArray& x = inputs[0].array();
  LaneInput in = lane_input(*this, x, axis_);
  Shape shape = in.data.shape();
  shape[in.axis] = as_tensor_type(node.out(0)->type())
                       ->shape()[in.axis]
                       .value_or(adjoint_ ? shape[in.axis] + n_
                                          : std::max<std::int64_t>(shape[in.axis] - n_, 0));
  NDArray out = NDArray::empty(x.dtype(), shape);
  Lanes ol = lanes_along(shape, in.axis);
  visit_ordered(*this, x.dtype(), [&](auto tag) {
    using V = typename decltype(tag)::type;
    const V* src = in.data.data<V>();
    V* dst = out.data<V>();
    for_each_lane(in.lanes, [&](std::int64_t lane) {
      std::int64_t s = in.lanes.start(lane), os = ol.start(lane), inner = in.lanes.inner;
      std::vector<V> v(static_cast<std::size_t>(in.lanes.len));
      for (std::int64_t j = 0; j < in.lanes.len; ++j) v[j] = src[s + j * inner];
      for (std::int64_t step = 0; step < n_; ++step) diff_step(v, adjoint_);
      for (std::int64_t j = 0; j < ol.len; ++j) dst[os + j * inner] = v.at(j);
    });
  });
  outputs[0] = out;
}

std::optional<std::vector<ShapeVars>> DiffOp::infer_shape(
    const Apply&, const std::vector<ShapeVars>& input_shapes) const {
  ShapeVars shape = input_shapes[0];
  int a = normalize_axis(*this, axis_, static_cast<int>(shape.size()));
  T::TensorVar d = shape[a];
  shape[a] = adjoint_ ? T::add(d, n_) : T::maximum(T::sub(d, n_), 0);
  return std::vector<ShapeVars>{shape};
}

std::vector<Var> DiffOp::L_op(const Apply& node, const std::vector<Var>& g) const {
  if (!has_grad(g[0])) return {disconnected()};
  if (!is_float(as_tensor_type(node.input(0)->type())->dtype())) return {zeros_like(node.input(0))};
  return {std::make_shared<DiffOp>(n_, axis_, !adjoint_)->apply1({g[0]})};
}

std::vector<Var> DiffOp::R_op(const Apply&, const std::vector<Var>& ev) const {
  if (!ev[0]) return {nullptr};
  return {std::make_shared<DiffOp>(n_, axis_, adjoint_)->apply1({ev[0]})};
}

}  // namespace theano::tensor_ops::extra
