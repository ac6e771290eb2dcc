// MakeVector, Reshape and SpecifyShape: the ops that carry shapes.
#include <algorithm>

#include "common.h"
#include "ops.h"
#include "theano/tensor.h"

namespace theano::tensor_ops {

namespace T = theano::tensor;

// --- MakeVector ---------------------------------------------------------------------

ApplyPtr MakeVectorOp::make_node(std::vector<Var> inputs) const {
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    auto tt = as_tensor_type(inputs[i]->type());
    if (!tt || tt->ndim() != 0)
      throw_input_type_error(*this, int(i), "a 0-d tensor", inputs[i]->type());
    bool constant = dynamic_cast<const Constant*>(inputs[i].get()) != nullptr;
    if (!constant && tt->dtype() != dtype_ && !can_cast_safely(tt->dtype(), dtype_)) {
      throw TypeError(display() + ": input " + std::to_string(i) + " of dtype " +
                      std::string(dtype_name(tt->dtype())) + " cannot be converted to " +
                      std::string(dtype_name(dtype_)) + " without loss");
    }
  }
  auto n = static_cast<std::int64_t>(inputs.size());
  return build(std::move(inputs), {TensorType::make(dtype_, StaticShape{n})});
}

void MakeVectorOp::perform(const Apply&, InputRefs inputs, OutputRefs outputs) const {
  auto n = static_cast<std::int64_t>(inputs.size());
  NDArray out = NDArray::empty(dtype_, {n});
  for (std::int64_t i = 0; i < n; ++i) out.index(0, i).assign(inputs[i].array());
  outputs[0] = std::move(out);
}

std::optional<std::vector<ShapeVars>> MakeVectorOp::infer_shape(
    const Apply& node, const std::vector<ShapeVars>&) const {
  return std::vector<ShapeVars>{{int64_scalar(node.nin())}};
}

std::vector<Var> MakeVectorOp::L_op(const Apply& node, const std::vector<Var>& grads) const {
  std::vector<Var> out;
  if (is_discrete(dtype_)) {
    for (const Var& in : node.inputs()) out.push_back(zero_grad_like(in));
    return out;
  }
  int n = node.nin();
  if (n == 0) return out;
  auto pieces = T::split(grads[0], std::vector<std::int64_t>(n, 1), n);
  for (int i = 0; i < n; ++i) {
    const Var& in = node.input(i);
    if (is_discrete(as_tensor_type(in->type())->dtype())) {
      out.push_back(zero_grad_like(in));
    } else {
      out.push_back(cast_like(T::reshape(pieces[i], std::vector<std::int64_t>{}).var(), in));
    }
  }
  return out;
}

std::vector<Var> MakeVectorOp::R_op(const Apply& node, const std::vector<Var>& evs) const {
  std::vector<Var> parts;
  for (int i = 0; i < node.nin(); ++i)
    parts.push_back(evs[i] ? evs[i] : T::zeros_like(node.input(i)).var());
  return {apply1(parts)};
}

// --- Reshape ------------------------------------------------------------------------

namespace {

// The final shape for `requested` (one -1 allowed) of an array of `from`;
// throws ValueError naming both shapes.
Shape resolve_shape(const std::string& who, const Shape& from, const Shape& requested) {
  std::int64_t known = 1;
  int infer = -1;
  for (std::size_t i = 0; i < requested.size(); ++i) {
    std::int64_t d = requested[i];
    if (d == -1 && infer < 0) {
      infer = static_cast<int>(i);
    } else if (d < 0) {
      throw ValueError(who + ": invalid target shape " + shape_str(requested) +
                       ": only one -1 and no other negative entry allowed");
    } else {
      known *= d;
    }
  }
  std::int64_t total = shape_size(from);
  Shape out = requested;
  if (infer >= 0 && known != 0 && total % known == 0) out[infer] = total / known;
  if ((infer >= 0 && (known == 0 || total % known != 0)) || shape_size(out) != total) {
    throw ValueError(who + ": cannot reshape an array of shape " + shape_str(from) + " (" +
                     std::to_string(total) + " elements) into shape " + shape_str(requested));
  }
  return out;
}

// The product of 0-d integer variables (1 for none).
T::TensorVar product(const std::vector<T::Operand>& factors) {
  if (factors.empty()) return int64_scalar(1);
  if (factors.size() == 1) return T::as_tensor(factors[0]);
  return T::mul(factors);
}

T::TensorVar product(const ShapeVars& dims) {
  return product(std::vector<T::Operand>(dims.begin(), dims.end()));
}

}  // namespace

ApplyPtr ReshapeOp::make_node(std::vector<Var> inputs) const {
  require_arity(*this, inputs, 2);
  auto xt = tensor_input(*this, inputs, 0);
  auto len = require_int_vector(*this, inputs, 1, "the new shape");
  if (len && *len != ndim_) {
    throw ValueError(display() + ": the shape vector has " + std::to_string(*len) +
                     " entries, expected ndim=" + std::to_string(ndim_));
  }
  StaticShape out(ndim_, std::nullopt);
  if (auto entries = constant_entries(inputs[1])) {
    for (int i = 0; i < ndim_ && i < int(entries->size()); ++i)
      if ((*entries)[i] && *(*entries)[i] >= 0) out[i] = (*entries)[i];
    auto all = constant_ints(inputs[1]);
    bool x_known = std::all_of(xt->shape().begin(), xt->shape().end(),
                               [](const StaticDim& d) { return d.has_value(); });
    if (all && x_known) {
      Shape from;
      for (const StaticDim& d : xt->shape()) from.push_back(*d);
      Shape resolved = resolve_shape(display(), from, *all);
      out.assign(resolved.begin(), resolved.end());
    }
  }
  return build(std::move(inputs), {xt->with_shape(std::move(out))});
}

void ReshapeOp::perform(const Apply&, InputRefs inputs, OutputRefs outputs) const {
  const NDArray& x = inputs[0].array();
  Shape requested = vector_values(inputs[1]);
  if (static_cast<int>(requested.size()) != ndim_) {
    throw ValueError(display() + ": the shape vector has " + std::to_string(requested.size()) +
                     " entries, expected " + std::to_string(ndim_));
  }
  outputs[0] = x.reshape(resolve_shape(display(), x.shape(), requested));
}

std::optional<std::vector<ShapeVars>> ReshapeOp::infer_shape(
    const Apply& node, const std::vector<ShapeVars>& in) const {
  auto entries = symbolic_entries(node.input(1));
  if (!entries) return std::nullopt;
  ShapeVars out = *entries;
  int infer = -1;
  std::vector<T::Operand> others;
  for (int i = 0; i < ndim_; ++i) {
    auto c = constant_int(out[i]);
    if (c && *c == -1) {
      infer = i;
    } else {
      others.emplace_back(out[i]);
    }
  }
  if (infer >= 0) out[infer] = as_int64(T::int_div(product(in[0]), product(others)));
  return std::vector<ShapeVars>{out};
}

std::vector<Var> ReshapeOp::L_op(const Apply& node, const std::vector<Var>& grads) const {
  const Var& x = node.input(0);
  if (is_discrete(as_tensor_type(x->type())->dtype())) return {zero_grad_like(x), disconnected()};
  int nd = as_tensor_type(x->type())->ndim();
  Var gx = std::make_shared<ReshapeOp>(nd)->apply1({grads[0], shape_vector(x)});
  return {cast_like(gx, x), disconnected()};
}

std::vector<Var> ReshapeOp::R_op(const Apply& node, const std::vector<Var>& evs) const {
  if (!evs[0]) return {nullptr};
  return {apply1({evs[0], node.input(1)})};
}

// --- SpecifyShape -------------------------------------------------------------------

ApplyPtr SpecifyShapeOp::make_node(std::vector<Var> inputs) const {
  require_arity(*this, inputs, 2);
  auto xt = tensor_input(*this, inputs, 0);
  auto len = require_int_vector(*this, inputs, 1, "the asserted shape");
  if (len && *len != xt->ndim()) {
    throw ValueError(display() + ": a shape of " + std::to_string(*len) +
                     " entries for an input of " + std::to_string(xt->ndim()) + " dimensions (" +
                     xt->str() + ")");
  }
  StaticShape out = xt->shape();
  if (auto entries = constant_entries(inputs[1])) {
    for (int i = 0; i < xt->ndim() && i < int(entries->size()); ++i) {
      const auto& e = (*entries)[i];
      if (!e) continue;
      if (out[i] && *out[i] != *e) {
        throw ValueError(display() + ": dimension " + std::to_string(i) + " of " + xt->str() +
                         " is " + std::to_string(*out[i]) + ", not " + std::to_string(*e));
      }
      out[i] = e;
    }
  }
  return build(std::move(inputs), {xt->with_shape(std::move(out))});
}

void SpecifyShapeOp::perform(const Apply&, InputRefs inputs, OutputRefs outputs) const {
  const NDArray& x = inputs[0].array();
  Shape want = vector_values(inputs[1]);
  if (want != x.shape()) {
    throw ValueError(display() + ": expected shape " + shape_str(want) + ", got " +
                     shape_str(x.shape()));
  }
  outputs[0] = inputs[0];
}

std::optional<std::vector<ShapeVars>> SpecifyShapeOp::infer_shape(
    const Apply& node, const std::vector<ShapeVars>& in) const {
  if (auto entries = symbolic_entries(node.input(1))) return std::vector<ShapeVars>{*entries};
  return std::vector<ShapeVars>{in[0]};
}

std::vector<Var> SpecifyShapeOp::L_op(const Apply&, const std::vector<Var>& grads) const {
  return {grads[0], disconnected()};
}

std::vector<Var> SpecifyShapeOp::R_op(const Apply& node, const std::vector<Var>& evs) const {
  if (!evs[0]) return {nullptr};
  return {apply1({evs[0], node.input(1)})};
}

}  // namespace theano::tensor_ops
