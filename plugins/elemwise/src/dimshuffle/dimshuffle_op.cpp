// DimShuffle: validation, the view itself, shapes and gradients.
#include "dimshuffle_op.h"

#include <algorithm>

#include "theano/core/config.h"
#include "theano/tensor.h"

namespace theano::elemwise {

namespace T = theano::tensor;

DimShuffleOp::DimShuffleOp(std::vector<std::int64_t> new_order) : order_(std::move(new_order)) {
  std::vector<std::int64_t> seen;
  for (std::int64_t a : order_) {
    if (a < -1)
      throw ValueError(display() + ": entries are input axes or -1 ('x'), got " +
                       std::to_string(a));
    if (a >= 0 && std::find(seen.begin(), seen.end(), a) != seen.end()) {
      throw ValueError(display() + ": input axis " + std::to_string(a) + " appears twice");
    }
    if (a >= 0) seen.push_back(a);
  }
}

OpPtr DimShuffleOp::from_props(const Props& props) {
  return std::make_shared<DimShuffleOp>(props.get("new_order").as_ints());
}

std::string DimShuffleOp::display() const {
  std::string s = "DimShuffle{";
  for (std::size_t i = 0; i < order_.size(); ++i)
    s += (i ? "," : "") + (order_[i] < 0 ? std::string("x") : std::to_string(order_[i]));
  return s + "}";
}

bool DimShuffleOp::is_identity_for(int input_ndim) const {
  std::vector<std::int64_t> kept;
  for (std::int64_t a : order_)
    if (a >= 0) kept.push_back(a);
  if (static_cast<int>(kept.size()) != input_ndim) return false;
  for (std::size_t i = 0; i < kept.size(); ++i)
    if (kept[i] != static_cast<std::int64_t>(i)) return false;
  return true;
}

ApplyPtr DimShuffleOp::make_node(std::vector<Var> inputs) const {
  if (inputs.size() != 1)
    throw TypeError(display() + ": expected 1 input, got " + std::to_string(inputs.size()));
  auto tt = as_tensor_type(inputs[0]->type());
  if (!tt) throw_input_type_error(*this, 0, "a tensor", inputs[0]->type());
  int nd = tt->ndim();
  std::vector<bool> used(nd, false);
  StaticShape out;
  for (std::int64_t a : order_) {
    if (a >= nd) {
      throw ValueError(display() + ": axis " + std::to_string(a) +
                       " is out of range for an input of " + std::to_string(nd) + " dimensions (" +
                       tt->str() + ")");
    }
    out.push_back(a < 0 ? StaticDim(1) : tt->shape()[a]);
    if (a >= 0) used[a] = true;
  }
  for (int d = 0; d < nd; ++d) {
    if (!used[d] && tt->shape()[d] != 1) {
      throw ValueError(display() + ": cannot drop axis " + std::to_string(d) + " of " + tt->str() +
                       ": only axes of static size 1 can be dropped");
    }
  }
  return build(std::move(inputs), {tt->with_shape(std::move(out))});
}

NDArray DimShuffleOp::view(const NDArray& a) const {
  Shape shape;
  Strides strides;
  for (std::int64_t ax : order_) {
    if (ax < 0) {
      shape.push_back(1);
      strides.push_back(0);
    } else {
      if (ax >= a.ndim()) {
        throw ValueError(display() + ": input value has " + std::to_string(a.ndim()) +
                         " dimensions");
      }
      shape.push_back(a.dim(static_cast<int>(ax)));
      strides.push_back(a.strides()[ax]);
    }
  }
  for (int d = 0; d < a.ndim(); ++d) {
    bool kept = std::find(order_.begin(), order_.end(), d) != order_.end();
    if (!kept && a.dim(d) != 1) {
      throw ValueError(display() + ": cannot drop axis " + std::to_string(d) +
                       " of a value of shape " + shape_str(a.shape()) + ": its size is not 1");
    }
  }
  return a.view(std::move(shape), std::move(strides), a.offset());
}

void DimShuffleOp::perform(const Apply&, InputRefs inputs, OutputRefs outputs) const {
  outputs[0] = view(inputs[0].array());
}

std::optional<std::vector<ShapeVars>> DimShuffleOp::infer_shape(
    const Apply&, const std::vector<ShapeVars>& input_shapes) const {
  ShapeVars out;
  for (std::int64_t a : order_) {
    if (a < 0) {
      out.push_back(Constant::make(TensorType::make(DType::Int64, StaticShape{}),
                                   NDArray::scalar<std::int64_t>(1)));
    } else {
      out.push_back(input_shapes[0][a]);
    }
  }
  return std::vector<ShapeVars>{out};
}

std::vector<Var> DimShuffleOp::L_op(const Apply& node, const std::vector<Var>& output_grads) const {
  T::TensorVar x = node.input(0);
  T::TensorVar gz = output_grads[0];
  if (is_discrete(x.dtype())) return {T::second(x, T::constant(0.0, floatX()))};
  // Axes this op inserted: sum them away if the gradient is not broadcastable there.
  std::vector<std::int64_t> inserted;
  for (std::size_t j = 0; j < order_.size(); ++j)
    if (order_[j] < 0 && gz.static_shape()[j] != 1)
      inserted.push_back(static_cast<std::int64_t>(j));
  if (!inserted.empty()) gz = T::sum(gz, T::Axes(inserted), /*keepdims=*/true);
  std::vector<std::int64_t> back(x.ndim(), T::newaxis);
  for (std::size_t j = 0; j < order_.size(); ++j)
    if (order_[j] >= 0) back[order_[j]] = static_cast<std::int64_t>(j);
  return {T::dimshuffle(gz, back)};
}

std::vector<Var> DimShuffleOp::R_op(const Apply&, const std::vector<Var>& eval_points) const {
  if (!eval_points[0]) return {nullptr};
  return {T::dimshuffle(eval_points[0], order_)};
}

Var pad_left(const Var& v, int n) {
  auto tt = as_tensor_type(v->type());
  std::vector<std::int64_t> order(n, -1);
  for (int d = 0; d < tt->ndim(); ++d) order.push_back(d);
  auto op = std::make_shared<DimShuffleOp>(std::move(order));
  SourceLoc loc = v->tag().loc;
  Var out = op->make_node({v})->output(0);
  out->tag().loc = loc;
  out->owner()->set_loc(loc);
  return out;
}

}  // namespace theano::elemwise
