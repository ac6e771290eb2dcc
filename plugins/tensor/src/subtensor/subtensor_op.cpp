// Subtensor and IncSubtensor: validation, views, shapes and gradients.
#include "subtensor_op.h"

#include "graph_util.h"
#include "kernels.h"
#include "theano/tensor.h"

namespace theano::tensor_ops::indexing {

namespace T = theano::tensor;

namespace {

std::vector<Var> tail(const Apply& node, int first) {
  return std::vector<Var>(node.inputs().begin() + first, node.inputs().end());
}

std::vector<Var> concat(std::vector<Var> head, const std::vector<Var>& rest) {
  head.insert(head.end(), rest.begin(), rest.end());
  return head;
}

std::vector<std::vector<bool>> first_inputs_connected(const Apply& node, int n_data) {
  std::vector<std::vector<bool>> pattern;
  for (int i = 0; i < node.nin(); ++i) pattern.push_back({i < n_data});
  return pattern;
}

}  // namespace

void check_basic_index_inputs(const Op& op, const IdxList& idx, const std::vector<Var>& inputs,
                              int first) {
  for (const IndexEntry& e : idx) {
    if (e.kind != IndexEntry::Kind::Int && e.kind != IndexEntry::Kind::Slice) {
      throw ValueError(op.name() + ": basic indexing takes integers and slices only, got '" +
                       idx_str({e}) + "' (new axes are DimShuffles; arrays and masks are " +
                       "advanced indexing)");
    }
  }
  int expected = first + n_index_inputs(idx);
  if (static_cast<int>(inputs.size()) != expected) {
    throw TypeError(op.display() + ": expected " + std::to_string(expected) +
                    " inputs (the tensor(s) and one per symbolic index), got " +
                    std::to_string(inputs.size()));
  }
  for (int i = first; i < expected; ++i) check_index_scalar(op, i, inputs[i]);
}

void check_update_value(const Op& op, const TensorType& x, const TensorType& y,
                        const StaticShape& region) {
  if (y.dtype() != x.dtype()) {
    throw TypeError(op.display() + ": the value written has dtype " +
                    std::string(dtype_name(y.dtype())) + " but the tensor has dtype " +
                    std::string(dtype_name(x.dtype())) + " (cast it first)");
  }
  if (y.ndim() > static_cast<int>(region.size())) {
    throw ValueError(op.display() + ": cannot write a " + std::to_string(y.ndim()) +
                     "-d value into a " + std::to_string(region.size()) + "-d region " +
                     static_shape_str(region));
  }
  std::size_t off = region.size() - y.ndim();
  for (int d = 0; d < y.ndim(); ++d) {
    StaticDim yd = y.shape()[d], rd = region[off + d];
    if (yd && rd && *yd != 1 && *yd != *rd) {
      throw ValueError(op.display() + ": a value of shape " + static_shape_str(y.shape()) +
                       " does not broadcast to the region's shape " + static_shape_str(region));
    }
  }
}

// --- Subtensor ------------------------------------------------------------------------

SubtensorOp::SubtensorOp(IdxList idx) : idx_(std::move(idx)) {}

OpPtr SubtensorOp::from_props(const Props& props) {
  return std::make_shared<SubtensorOp>(decode_idx(props.get("idx_list"), "Subtensor"));
}

std::string SubtensorOp::display() const {
  return "Subtensor{" + idx_str(idx_) + "}";
}

ApplyPtr SubtensorOp::make_node(std::vector<Var> inputs) const {
  if (inputs.empty()) throw TypeError(display() + ": expected the tensor to index");
  auto tt = as_tensor_type(inputs[0]->type());
  if (!tt) throw_input_type_error(*this, 0, "a tensor", inputs[0]->type());
  check_basic_index_inputs(*this, idx_, inputs, 1);
  StaticShape out = basic_static_shape(tt->shape(), idx_, display());
  return build(std::move(inputs), {tt->with_shape(std::move(out))});
}

void SubtensorOp::perform(const Apply&, InputRefs inputs, OutputRefs outputs) const {
  outputs[0] = basic_view(inputs[0].array(), resolve(idx_, inputs, 1));
}

std::optional<std::vector<ShapeVars>> SubtensorOp::infer_shape(
    const Apply& node, const std::vector<ShapeVars>& input_shapes) const {
  const StaticShape& known = as_tensor_type(node.output(0)->type())->shape();
  ShapeVars out;
  int axis = 0, next = 1;
  for (const IndexEntry& e : idx_) {
    auto sym = [&](const Component& c) { return c.is_sym() ? node.input(next++) : Var(); };
    Var start = sym(e.a), stop = sym(e.b), step = sym(e.c);
    if (e.kind == IndexEntry::Kind::Slice) {
      std::size_t k = out.size();
      if (known[k]) {
        out.push_back(shape_const(*known[k]));
      } else if (is_full_slice(e)) {
        out.push_back(input_shapes[0][axis]);
      } else {
        out.push_back(slice_length(input_shapes[0][axis], e, start, stop, step));
      }
    }
    ++axis;
  }
  for (; axis < static_cast<int>(input_shapes[0].size()); ++axis)
    out.push_back(input_shapes[0][axis]);
  return std::vector<ShapeVars>{out};
}

std::vector<Var> SubtensorOp::L_op(const Apply& node, const std::vector<Var>& output_grads) const {
  std::vector<Var> grads(node.nin(), nullptr);
  for (int i = 1; i < node.nin(); ++i) grads[i] = disconnected();
  const Var& x = node.input(0);
  if (is_discrete(as_tensor_type(x->type())->dtype())) {
    grads[0] = discrete_zero_grad(x);
    return grads;
  }
  auto inc = std::make_shared<IncSubtensorOp>(idx_, /*set=*/false);
  grads[0] = inc->apply1(concat({zeros_like(x), output_grads[0]}, tail(node, 1)));
  return grads;
}

std::vector<Var> SubtensorOp::R_op(const Apply& node, const std::vector<Var>& eval_points) const {
  if (!eval_points[0]) return {nullptr};
  return {apply1(concat({eval_points[0]}, tail(node, 1)))};
}

std::vector<std::vector<bool>> SubtensorOp::connection_pattern(const Apply& node) const {
  return first_inputs_connected(node, 1);
}

// --- IncSubtensor ---------------------------------------------------------------------

IncSubtensorOp::IncSubtensorOp(IdxList idx, bool set_instead_of_inc, bool inplace)
    : idx_(std::move(idx)), set_(set_instead_of_inc), inplace_(inplace) {}

OpPtr IncSubtensorOp::from_props(const Props& props) {
  bool inplace = props.contains("inplace") && props.get_as<bool>("inplace");
  return std::make_shared<IncSubtensorOp>(decode_idx(props.get("idx_list"), "IncSubtensor"),
                                          props.get_as<bool>("set_instead_of_inc"), inplace);
}

Props IncSubtensorOp::props() const {
  return Props{{"idx_list", encode_idx(idx_)}, {"set_instead_of_inc", set_}, {"inplace", inplace_}};
}

std::string IncSubtensorOp::display() const {
  return std::string("IncSubtensor{") + (inplace_ ? "Inplace" : "") + (set_ ? "Set;" : "Inc;") +
         idx_str(idx_) + "}";
}

ApplyPtr IncSubtensorOp::make_node(std::vector<Var> inputs) const {
  if (inputs.size() < 2) throw TypeError(display() + ": expected the tensor and the value");
  auto xt = as_tensor_type(inputs[0]->type());
  if (!xt) throw_input_type_error(*this, 0, "a tensor", inputs[0]->type());
  auto yt = as_tensor_type(inputs[1]->type());
  if (!yt) throw_input_type_error(*this, 1, "a tensor", inputs[1]->type());
  check_basic_index_inputs(*this, idx_, inputs, 2);
  check_update_value(*this, *xt, *yt, basic_static_shape(xt->shape(), idx_, display()));
  return build(std::move(inputs), {xt});
}

void IncSubtensorOp::perform(const Apply&, InputRefs inputs, OutputRefs outputs) const {
  const NDArray& x = inputs[0].array();
  NDArray out = inplace_ ? x : x.copy();
  NDArray y = inputs[1].array();
  if (inplace_ && y.may_share_memory(x)) y = y.copy();
  NDArray region = basic_view(out, resolve(idx_, inputs, 2));
  try {
    if (set_) {
      set_into(region, y);
    } else {
      add_into(region, y);
    }
  } catch (const ValueError& e) {
    throw ValueError(display() + ": cannot write a value of shape " + shape_str(y.shape()) +
                     " into the region of shape " + shape_str(region.shape()) + ": " + e.what());
  }
  outputs[0] = out;
}

std::optional<std::vector<ShapeVars>> IncSubtensorOp::infer_shape(
    const Apply&, const std::vector<ShapeVars>& input_shapes) const {
  return std::vector<ShapeVars>{input_shapes[0]};
}

std::vector<Var> IncSubtensorOp::L_op(const Apply& node,
                                      const std::vector<Var>& output_grads) const {
  std::vector<Var> grads(node.nin(), nullptr);
  for (int i = 2; i < node.nin(); ++i) grads[i] = disconnected();
  const Var &x = node.input(0), &y = node.input(1);
  const Var& gz = output_grads[0];
  if (is_discrete(as_tensor_type(x->type())->dtype())) {
    grads[0] = discrete_zero_grad(x);
    grads[1] = discrete_zero_grad(y);
    return grads;
  }
  std::vector<Var> index = tail(node, 2);
  if (set_) {
    auto zero = T::constant(0.0, as_tensor_type(gz->type())->dtype());
    grads[0] = std::make_shared<IncSubtensorOp>(idx_, true)->apply1(concat({gz, zero}, index));
  } else {
    grads[0] = gz;
  }
  Var gy = std::make_shared<SubtensorOp>(idx_)->apply1(concat({gz}, index));
  grads[1] = sum_to_like(gy, y);
  return grads;
}

std::vector<Var> IncSubtensorOp::R_op(const Apply& node,
                                      const std::vector<Var>& eval_points) const {
  if (!eval_points[0] && !eval_points[1]) return {nullptr};
  Var ex = eval_points[0] ? eval_points[0] : zeros_like(node.input(0));
  Var ey = eval_points[1] ? eval_points[1] : zeros_like(node.input(1));
  auto op = std::make_shared<IncSubtensorOp>(idx_, set_);
  return {op->apply1(concat({ex, ey}, tail(node, 2)))};
}

std::vector<std::vector<bool>> IncSubtensorOp::connection_pattern(const Apply& node) const {
  return first_inputs_connected(node, 2);
}

std::vector<std::pair<int, int>> IncSubtensorOp::inplace_candidates(const Apply&) const {
  if (inplace_) return {};
  return {{0, 0}};
}

OpPtr IncSubtensorOp::with_inplace(const Apply&, int output, int input) const {
  if (output != 0 || input != 0) return nullptr;
  return std::make_shared<IncSubtensorOp>(idx_, set_, true);
}

}  // namespace theano::tensor_ops::indexing
