// TakeAlongAxis, ScatterAddAlongAxis and ReshapeLike (see along_axis.h).
// Gathers move raw element bytes, so they serve every dtype; the scatter
// accumulates in the base's dtype.
#include "along_axis.h"

#include <cstring>

#include "theano/tensor.h"

namespace theano::tensor_ops::extra {

namespace {

std::shared_ptr<const TensorType> index_input(const Op& op, const std::vector<Var>& inputs, int i) {
  auto tt = tensor_input(op, inputs, i);
  if (!is_int(tt->dtype())) throw_input_type_error(op, i, "an integer tensor of indices", tt);
  return tt;
}

/// The static shape of a gather's output: idx's, with x's known sizes on the other axes.
StaticShape gathered_shape(const Op& op, const TensorType& x, const TensorType& idx,
                           const OptAxis& axis) {
  if (!axis) return idx.shape();
  if (idx.ndim() != x.ndim()) {
    throw TypeError(op.display() + ": the indices must have the array's " +
                    std::to_string(x.ndim()) + " dimensions, got " + idx.str());
  }
  int a = normalize_axis(op, *axis, x.ndim());
  StaticShape out = idx.shape();
  for (int d = 0; d < x.ndim(); ++d)
    if (d != a && !out[d]) out[d] = x.shape()[d];
  return out;
}

/// The lane layouts of the array and of the indices (which share outer and inner).
struct Layout {
  Lanes data, index;
};

Layout layout(const Op& op, const Shape& data, const Shape& index, const OptAxis& axis) {
  if (!axis) {
    return Layout{Lanes{1, shape_size(data), 1}, Lanes{1, shape_size(index), 1}};
  }
  int a = normalize_axis(op, *axis, static_cast<int>(data.size()));
  for (int d = 0; d < static_cast<int>(data.size()); ++d) {
    if (d != a && data[d] != index[d]) {
      throw ValueError(op.display() + ": indices of shape " + shape_str(index) +
                       " do not match the array of shape " + shape_str(data) + " off axis " +
                       std::to_string(a));
    }
  }
  return Layout{lanes_along(data, a), lanes_along(index, a)};
}

std::int64_t checked_index(const Op& op, std::int64_t k, std::int64_t len) {
  if (k < -len || k >= len) {
    throw IndexError(op.display() + ": index " + std::to_string(k) +
                     " is out of bounds for an axis of size " + std::to_string(len));
  }
  return k < 0 ? k + len : k;
}

}  // namespace

// --- TakeAlongAxis ---------------------------------------------------------------

ApplyPtr TakeAlongAxisOp::make_node(std::vector<Var> inputs) const {
  expect_arity(*this, inputs, 2, 2);
  auto x = tensor_input(*this, inputs, 0);
  auto idx = index_input(*this, inputs, 1);
  auto out = TensorType::make(x->dtype(), gathered_shape(*this, *x, *idx, axis_), x->device());
  return build(std::move(inputs), {out});
}

void TakeAlongAxisOp::perform(const Apply&, InputRefs inputs, OutputRefs outputs) const {
  NDArray x = inputs[0].array().ascontiguous();
  NDArray idx = inputs[1].array().astype(DType::Int64).ascontiguous();
  if (axis_ && idx.ndim() != x.ndim()) {
    throw ValueError(display() + ": indices of shape " + shape_str(idx.shape()) +
                     " for an array of shape " + shape_str(x.shape()));
  }
  Layout l = layout(*this, x.shape(), idx.shape(), axis_);
  NDArray out = NDArray::empty(x.dtype(), idx.shape());
  const auto* src = static_cast<const char*>(x.raw_data());
  auto* dst = static_cast<char*>(out.raw_data());
  const std::int64_t* k = idx.data<std::int64_t>();
  std::size_t item = x.itemsize();
  for_each_lane(l.index, [&](std::int64_t lane) {
    std::int64_t xs = l.data.start(lane), is = l.index.start(lane);
    for (std::int64_t j = 0; j < l.index.len; ++j) {
      std::int64_t at = is + j * l.index.inner;
      std::int64_t from = xs + checked_index(*this, k[at], l.data.len) * l.data.inner;
      std::memcpy(dst + at * item, src + from * item, item);
    }
  });
  outputs[0] = out;
}

std::optional<std::vector<ShapeVars>> TakeAlongAxisOp::infer_shape(
    const Apply&, const std::vector<ShapeVars>& input_shapes) const {
  return std::vector<ShapeVars>{input_shapes[1]};
}

std::vector<Var> TakeAlongAxisOp::L_op(const Apply& node, const std::vector<Var>& g) const {
  if (!has_grad(g[0])) return {disconnected(), disconnected()};
  return {scatter_add_along_axis(zeros_like(node.input(0), false), node.input(1), g[0], axis_),
          disconnected()};
}

std::vector<Var> TakeAlongAxisOp::R_op(const Apply& node, const std::vector<Var>& ev) const {
  if (!ev[0]) return {nullptr};
  return {take_along_axis(ev[0], node.input(1), axis_)};
}

std::vector<std::vector<bool>> TakeAlongAxisOp::connection_pattern(const Apply&) const {
  return {{true}, {false}};
}

// --- ScatterAddAlongAxis -----------------------------------------------------------

ApplyPtr ScatterAddAlongAxisOp::make_node(std::vector<Var> inputs) const {
  expect_arity(*this, inputs, 3, 3);
  auto base = tensor_input(*this, inputs, 0);
  auto idx = index_input(*this, inputs, 1);
  auto values = tensor_input(*this, inputs, 2);
  require_ordered(*this, base->dtype(), 0);
  if (values->ndim() != idx->ndim()) {
    throw TypeError(display() + ": values " + values->str() + " must have the indices' " +
                    std::to_string(idx->ndim()) + " dimensions");
  }
  gathered_shape(*this, *base, *idx, axis_);  // checks ndim and axis
  return build(std::move(inputs), {base});
}

void ScatterAddAlongAxisOp::perform(const Apply&, InputRefs inputs, OutputRefs outputs) const {
  const NDArray& base_in = inputs[0].array();
  DType work = base_in.dtype() == DType::Float16 ? DType::Float32 : base_in.dtype();
  NDArray out = base_in.astype(work).copy();
  NDArray idx = inputs[1].array().astype(DType::Int64).ascontiguous();
  NDArray values = inputs[2].array().astype(work).ascontiguous();
  if (values.shape() != idx.shape()) {
    throw ValueError(display() + ": values of shape " + shape_str(values.shape()) +
                     " for indices of shape " + shape_str(idx.shape()));
  }
  Layout l = layout(*this, out.shape(), idx.shape(), axis_);
  const std::int64_t* k = idx.data<std::int64_t>();
  visit_ordered(*this, work, [&](auto tag) {
    using V = typename decltype(tag)::type;
    V* dst = out.data<V>();
    const V* src = values.data<V>();
    // Lanes are disjoint in the output, so they may run in parallel.
    for_each_lane(l.index, [&](std::int64_t lane) {
      std::int64_t os = l.data.start(lane), is = l.index.start(lane);
      for (std::int64_t j = 0; j < l.index.len; ++j) {
        std::int64_t at = is + j * l.index.inner;
        std::int64_t to = os + checked_index(*this, k[at], l.data.len) * l.data.inner;
        dst[to] = static_cast<V>(dst[to] + src[at]);
      }
    });
  });
  outputs[0] = work == base_in.dtype() ? out : out.astype(base_in.dtype());
}

std::optional<std::vector<ShapeVars>> ScatterAddAlongAxisOp::infer_shape(
    const Apply&, const std::vector<ShapeVars>& input_shapes) const {
  return std::vector<ShapeVars>{input_shapes[0]};
}

std::vector<Var> ScatterAddAlongAxisOp::L_op(const Apply& node, const std::vector<Var>& g) const {
  if (!has_grad(g[0])) return {disconnected(), disconnected(), disconnected()};
  return {g[0], disconnected(), take_along_axis(g[0], node.input(1), axis_)};
}

std::vector<Var> ScatterAddAlongAxisOp::R_op(const Apply& node, const std::vector<Var>& ev) const {
  if (!ev[0] && !ev[2]) return {nullptr};
  Var base = ev[0] ? ev[0] : zeros_like(node.input(0), false);
  Var values = ev[2] ? ev[2] : zeros_like(node.input(2), false);
  return {scatter_add_along_axis(base, node.input(1), values, axis_)};
}

std::vector<std::vector<bool>> ScatterAddAlongAxisOp::connection_pattern(const Apply&) const {
  return {{true}, {false}, {true}};
}

// --- ReshapeLike ---------------------------------------------------------------------

ApplyPtr ReshapeLikeOp::make_node(std::vector<Var> inputs) const {
  expect_arity(*this, inputs, 2, 2);
  auto x = tensor_input(*this, inputs, 0);
  auto like = tensor_input(*this, inputs, 1);
  return build(std::move(inputs), {TensorType::make(x->dtype(), like->shape(), x->device())});
}

void ReshapeLikeOp::perform(const Apply&, InputRefs inputs, OutputRefs outputs) const {
  const NDArray& x = inputs[0].array();
  const Shape& shape = inputs[1].array().shape();
  if (x.size() != shape_size(shape)) {
    throw ValueError(display() + ": cannot reshape " + std::to_string(x.size()) +
                     " elements into shape " + shape_str(shape));
  }
  outputs[0] = x.reshape(shape);
}

std::optional<std::vector<ShapeVars>> ReshapeLikeOp::infer_shape(
    const Apply&, const std::vector<ShapeVars>& input_shapes) const {
  return std::vector<ShapeVars>{input_shapes[1]};
}

std::vector<Var> ReshapeLikeOp::L_op(const Apply& node, const std::vector<Var>& g) const {
  if (!has_grad(g[0])) return {disconnected(), disconnected()};
  return {reshape_like(g[0], node.input(0)), disconnected()};
}

std::vector<Var> ReshapeLikeOp::R_op(const Apply& node, const std::vector<Var>& ev) const {
  if (!ev[0]) return {nullptr};
  return {reshape_like(ev[0], node.input(1))};
}

std::vector<std::vector<bool>> ReshapeLikeOp::connection_pattern(const Apply&) const {
  return {{true}, {false}};
}

// --- builders ------------------------------------------------------------------------

Var take_along_axis(const Var& x, const Var& idx, const OptAxis& axis) {
  return std::make_shared<TakeAlongAxisOp>(axis)->apply1({x, idx});
}

Var scatter_add_along_axis(const Var& base, const Var& idx, const Var& values,
                           const OptAxis& axis) {
  return std::make_shared<ScatterAddAlongAxisOp>(axis)->apply1({base, idx, values});
}

Var reshape_like(const Var& x, const Var& like) {
  return std::make_shared<ReshapeLikeOp>()->apply1({x, like});
}

}  // namespace theano::tensor_ops::extra
