// Sort, ArgSort and TopK (see sort_ops.h). Each lane is copied into a
// scratch buffer, ordered with a stable sort (or a partial sort for TopK)
// under NumPy's NaN-last order, and written back; lanes run in parallel.
#include "sort_ops.h"

#include <algorithm>
#include <numeric>

#include "along_axis.h"
#include "theano/tensor.h"

namespace theano::tensor_ops::extra {

namespace T = theano::tensor;

namespace {

std::shared_ptr<const TensorType> sorted_type(const Op& op, const std::vector<Var>& inputs,
                                              const OptAxis& axis, DType dtype) {
  auto x = tensor_input(op, inputs, 0);
  require_ordered(op, x->dtype(), 0);
  if (!axis) return TensorType::make(dtype, flat_shape(*x), x->device());
  normalize_axis(op, *axis, x->ndim());
  return TensorType::make(dtype, x->shape(), x->device());
}

std::optional<std::vector<ShapeVars>> sorted_shape(const ShapeVars& in, const OptAxis& axis) {
  if (axis) return std::vector<ShapeVars>{in};
  if (in.empty()) return std::vector<ShapeVars>{{T::constant(1.0, DType::Int64)}};
  T::TensorVar n = in[0];
  for (std::size_t d = 1; d < in.size(); ++d) n = T::mul(n, T::TensorVar(in[d]));
  return std::vector<ShapeVars>{{n}};
}

/// The stable sorting permutation of lane values `v`.
template <class V>
void argsort_lane(const std::vector<V>& v, std::vector<std::int64_t>& perm) {
  perm.resize(v.size());
  std::iota(perm.begin(), perm.end(), 0);
  std::stable_sort(perm.begin(), perm.end(),
                   [&](std::int64_t a, std::int64_t b) { return less_nan_last(v[a], v[b]); });
}

/// Runs `body(in, out, lane_values, lane_start)` over every lane of x.
template <class V, class Body>
void sort_lanes(const LaneInput& in, Body body) {
  const V* src = in.data.data<V>();
  const Lanes& l = in.lanes;
  for_each_lane(l, [&](std::int64_t lane) {
    std::vector<V> values(static_cast<std::size_t>(l.len));
    std::int64_t s = l.start(lane);
    for (std::int64_t j = 0; j < l.len; ++j) values[j] = src[s + j * l.inner];
    body(values, s);
  });
}

}  // namespace

// --- Sort ----------------------------------------------------------------------------

ApplyPtr SortOp::make_node(std::vector<Var> inputs) const {
  expect_arity(*this, inputs, 1, 1);
  auto x = tensor_input(*this, inputs, 0);
  TypePtr out = sorted_type(*this, inputs, axis_, x->dtype());
  return build(std::move(inputs), {out});
}

void SortOp::perform(const Apply&, InputRefs inputs, OutputRefs outputs) const {
  const NDArray& x = inputs[0].array();
  LaneInput in = lane_input(*this, x, axis_);
  NDArray out = NDArray::empty(in.data.dtype(), in.data.shape());
  visit_ordered(*this, in.data.dtype(), [&](auto tag) {
    using V = typename decltype(tag)::type;
    V* dst = out.data<V>();
    std::int64_t inner = in.lanes.inner;
    sort_lanes<V>(in, [&](std::vector<V>& values, std::int64_t s) {
      std::stable_sort(values.begin(), values.end(), less_nan_last<V>);
      for (std::size_t j = 0; j < values.size(); ++j) dst[s + j * inner] = values[j];
    });
  });
  outputs[0] = out.dtype() == x.dtype() ? out : out.astype(x.dtype());
}

std::optional<std::vector<ShapeVars>> SortOp::infer_shape(
    const Apply&, const std::vector<ShapeVars>& input_shapes) const {
  return sorted_shape(input_shapes[0], axis_);
}

std::vector<Var> SortOp::L_op(const Apply& node, const std::vector<Var>& g) const {
  if (!has_grad(g[0])) return {disconnected()};
  Var x = node.input(0);
  Var perm = std::make_shared<ArgSortOp>(axis_)->apply1({x});
  return {scatter_add_along_axis(zeros_like(x, false), perm, g[0], axis_)};
}

std::vector<Var> SortOp::R_op(const Apply& node, const std::vector<Var>& ev) const {
  if (!ev[0]) return {nullptr};
  Var perm = std::make_shared<ArgSortOp>(axis_)->apply1({node.input(0)});
  return {take_along_axis(ev[0], perm, axis_)};
}

// --- ArgSort -------------------------------------------------------------------------

ApplyPtr ArgSortOp::make_node(std::vector<Var> inputs) const {
  expect_arity(*this, inputs, 1, 1);
  TypePtr out = sorted_type(*this, inputs, axis_, DType::Int64);
  return build(std::move(inputs), {out});
}

void ArgSortOp::perform(const Apply&, InputRefs inputs, OutputRefs outputs) const {
  LaneInput in = lane_input(*this, inputs[0].array(), axis_);
  NDArray out = NDArray::empty(DType::Int64, in.data.shape());
  std::int64_t* dst = out.data<std::int64_t>();
  visit_ordered(*this, in.data.dtype(), [&](auto tag) {
    using V = typename decltype(tag)::type;
    std::int64_t inner = in.lanes.inner;
    sort_lanes<V>(in, [&](std::vector<V>& values, std::int64_t s) {
      std::vector<std::int64_t> perm;
      argsort_lane(values, perm);
      for (std::size_t j = 0; j < perm.size(); ++j) dst[s + j * inner] = perm[j];
    });
  });
  outputs[0] = out;
}

std::optional<std::vector<ShapeVars>> ArgSortOp::infer_shape(
    const Apply&, const std::vector<ShapeVars>& input_shapes) const {
  return sorted_shape(input_shapes[0], axis_);
}

std::vector<Var> ArgSortOp::L_op(const Apply& node, const std::vector<Var>&) const {
  return {zeros_like(node.input(0))};
}

std::vector<Var> ArgSortOp::R_op(const Apply& node, const std::vector<Var>&) const {
  return {zeros_like(node.output(0))};
}

// --- TopK ----------------------------------------------------------------------------

TopKOp::TopKOp(OptAxis axis, bool return_values, bool return_indices, DType idx_dtype)
    : axis_(axis), values_(return_values), indices_(return_indices), idx_dtype_(idx_dtype) {
  if (!values_ && !indices_)
    throw ValueError("TopK: return_values and return_indices cannot both be false");
  if (!is_int(idx_dtype_)) {
    throw TypeError("TopK: idx_dtype must be an integer dtype, got " +
                    std::string(dtype_name(idx_dtype_)));
  }
}

OpPtr TopKOp::from_props(const Props& p) {
  auto flag = [&](const char* key) { return !p.contains(key) || p.get_as<bool>(key); };
  DType idx = p.contains("idx_dtype") ? p.get_as<DType>("idx_dtype") : DType::Int64;
  return std::make_shared<TopKOp>(axis_from(p), flag("return_values"), flag("return_indices"), idx);
}

Props TopKOp::props() const {
  return Props{{"axis", axis_prop(axis_)},
               {"return_values", values_},
               {"return_indices", indices_},
               {"idx_dtype", idx_dtype_}};
}

ApplyPtr TopKOp::make_node(std::vector<Var> inputs) const {
  expect_arity(*this, inputs, 2, 2);
  auto x = tensor_input(*this, inputs, 0);
  require_ordered(*this, x->dtype(), 0);
  auto k = tensor_input(*this, inputs, 1);
  if (k->ndim() != 0 || !is_int(k->dtype())) throw_input_type_error(*this, 1, "an int scalar", k);
  StaticShape shape = axis_ ? x->shape() : flat_shape(*x);
  int a = axis_ ? normalize_axis(*this, *axis_, x->ndim()) : 0;
  shape[a] = std::nullopt;
  if (auto c = std::dynamic_pointer_cast<const Constant>(inputs[1])) {
    shape[a] = std::abs(c->value().array().item<std::int64_t>());
  }
  std::vector<TypePtr> outs;
  if (values_) outs.push_back(TensorType::make(x->dtype(), shape, x->device()));
  if (indices_) outs.push_back(TensorType::make(idx_dtype_, shape, x->device()));
  return build(std::move(inputs), std::move(outs));
}

void TopKOp::perform(const Apply&, InputRefs inputs, OutputRefs outputs) const {
  const NDArray& x = inputs[0].array();
  LaneInput in = lane_input(*this, x, axis_);
  std::int64_t k = inputs[1].array().item<std::int64_t>();
  std::int64_t n = std::abs(k);
  if (k == 0 || n > in.lanes.len) {
    throw ValueError(display() + ": k=" + std::to_string(k) + " must be nonzero and at most " +
                     std::to_string(in.lanes.len) + " in magnitude (the axis length)");
  }
  Shape shape = in.data.shape();
  shape[in.axis] = n;
  Lanes ol = lanes_along(shape, in.axis);
  NDArray vals = NDArray::empty(in.data.dtype(), shape);
  NDArray idx = NDArray::empty(DType::Int64, shape);
  std::int64_t* ip = idx.data<std::int64_t>();
  visit_ordered(*this, in.data.dtype(), [&](auto tag) {
    using V = typename decltype(tag)::type;
    V* vp = vals.data<V>();
    const V* src = in.data.data<V>();
    for_each_lane(in.lanes, [&](std::int64_t lane) {
      std::int64_t s = in.lanes.start(lane), os = ol.start(lane), inner = in.lanes.inner;
      std::vector<std::int64_t> perm(static_cast<std::size_t>(in.lanes.len));
      std::iota(perm.begin(), perm.end(), 0);
      auto value = [&](std::int64_t j) { return src[s + j * inner]; };
      auto before = [&](std::int64_t a, std::int64_t b) {
        V va = value(a), vb = value(b);
        if (k > 0 ? less_nan_last(vb, va) : less_nan_last(va, vb)) return true;
        return same_nan_equal(va, vb) && a < b;
      };
      std::partial_sort(perm.begin(), perm.begin() + n, perm.end(), before);
      for (std::int64_t j = 0; j < n; ++j) {
        vp[os + j * inner] = value(perm[j]);
        ip[os + j * inner] = perm[j];
      }
    });
  });
  int o = 0;
  if (values_) outputs[o++] = vals.dtype() == x.dtype() ? vals : vals.astype(x.dtype());
  if (indices_) outputs[o] = idx_dtype_ == DType::Int64 ? idx : idx.astype(idx_dtype_);
}

std::optional<std::vector<ShapeVars>> TopKOp::infer_shape(
    const Apply& node, const std::vector<ShapeVars>& input_shapes) const {
  ShapeVars shape = *sorted_shape(input_shapes[0], axis_)->begin();
  int a = axis_ ? normalize_axis(*this, *axis_, static_cast<int>(input_shapes[0].size())) : 0;
  shape[a] = T::abs(T::cast(T::TensorVar(node.input(1)), DType::Int64));
  return std::vector<ShapeVars>(static_cast<std::size_t>(node.nout()), shape);
}

std::vector<Var> TopKOp::L_op(const Apply& node, const std::vector<Var>& g) const {
  Var k_grad = disconnected();  // k is an integer
  if (!values_ || !has_grad(g[0])) return {disconnected(), k_grad};
  Var idx = indices_ ? node.output(1)
                     : std::make_shared<TopKOp>(axis_, false, true, idx_dtype_)
                           ->apply1({node.input(0), node.input(1)});
  Var x = node.input(0);
  return {scatter_add_along_axis(zeros_like(x, false), idx, g[0], axis_), k_grad};
}

std::vector<std::vector<bool>> TopKOp::connection_pattern(const Apply& node) const {
  std::vector<bool> x_row(static_cast<std::size_t>(node.nout()), false);
  if (values_) x_row[0] = true;
  return {x_row, std::vector<bool>(x_row.size(), false)};
}

}  // namespace theano::tensor_ops::extra
