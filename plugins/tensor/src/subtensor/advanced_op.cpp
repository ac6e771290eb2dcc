// AdvancedSubtensor and AdvancedIncSubtensor (and their Boolean names).
#include "advanced_op.h"

#include "adv1_op.h"
#include "advanced_plan.h"
#include "graph_util.h"
#include "kernels.h"
#include "subtensor_op.h"
#include "theano/tensor.h"

namespace theano::tensor_ops::indexing {

namespace T = theano::tensor;

bool has_mask(const IdxList& idx) {
  for (const IndexEntry& e : idx)
    if (e.kind == IndexEntry::Kind::Mask) return true;
  return false;
}

namespace {

std::vector<Var> tail(const Apply& node, int first) {
  return std::vector<Var>(node.inputs().begin() + first, node.inputs().end());
}

std::vector<Var> concat(std::vector<Var> head, const std::vector<Var>& rest) {
  head.insert(head.end(), rest.begin(), rest.end());
  return head;
}

// Checks the index inputs from `first`; returns the array / mask types in order.
std::vector<std::shared_ptr<const TensorType>> check_advanced_inputs(const Op& op,
                                                                     const IdxList& idx,
                                                                     const std::vector<Var>& inputs,
                                                                     int first) {
  int expected = first + n_index_inputs(idx);
  if (static_cast<int>(inputs.size()) != expected) {
    throw TypeError(op.display() + ": expected " + std::to_string(expected) + " inputs, got " +
                    std::to_string(inputs.size()));
  }
  std::vector<std::shared_ptr<const TensorType>> arrays;
  int next = first;
  for (const IndexEntry& e : idx) {
    if (e.kind == IndexEntry::Kind::Int) {
      throw ValueError(op.name() + ": integer entries are given as 0-d index arrays");
    }
    if (e.kind == IndexEntry::Kind::Array) {
      check_index_array(op, next, inputs[next], -1);
      arrays.push_back(as_tensor_type(inputs[next++]->type()));
    } else if (e.kind == IndexEntry::Kind::Mask) {
      auto tt = as_tensor_type(inputs[next]->type());
      if (!tt || tt->dtype() != DType::Bool || tt->ndim() == 0) {
        throw_input_type_error(op, next, "a boolean mask of 1 or more dims", inputs[next]->type());
      }
      arrays.push_back(tt);
      ++next;
    } else {
      for (const Component* c : {&e.a, &e.b, &e.c}) {
        if (c->is_sym()) {
          check_index_scalar(op, next, inputs[next]);
          ++next;
        }
      }
    }
  }
  if (arrays.empty()) {
    throw ValueError(op.name() + ": an advanced index needs an index array or a mask (use " +
                     "Subtensor for basic indexing)");
  }
  return arrays;
}

StaticShape region_static(const Op& op, const IdxList& idx, const std::vector<Var>& inputs,
                          int first) {
  auto arrays = check_advanced_inputs(op, idx, inputs, first);
  return advanced_static_shape(as_tensor_type(inputs[0]->type())->shape(), idx, arrays,
                               op.display());
}

}  // namespace

// --- AdvancedSubtensor ----------------------------------------------------------------

AdvancedSubtensorOp::AdvancedSubtensorOp(IdxList idx) : idx_(std::move(idx)) {}

OpPtr AdvancedSubtensorOp::from_props(const Props& props) {
  IdxList idx = decode_idx(props.get("idx_list"), "AdvancedSubtensor");
  if (has_mask(idx)) throw ValueError("AdvancedSubtensor: masks use AdvancedBooleanSubtensor");
  return std::make_shared<AdvancedSubtensorOp>(std::move(idx));
}

OpPtr AdvancedSubtensorOp::boolean_from_props(const Props& props) {
  IdxList idx = decode_idx(props.get("idx_list"), "AdvancedBooleanSubtensor");
  if (!has_mask(idx)) throw ValueError("AdvancedBooleanSubtensor: the index has no mask");
  return std::make_shared<AdvancedSubtensorOp>(std::move(idx));
}

std::string AdvancedSubtensorOp::name() const {
  return has_mask(idx_) ? "AdvancedBooleanSubtensor" : "AdvancedSubtensor";
}

ApplyPtr AdvancedSubtensorOp::make_node(std::vector<Var> inputs) const {
  if (inputs.empty()) throw TypeError(display() + ": expected the tensor to index");
  auto xt = as_tensor_type(inputs[0]->type());
  if (!xt) throw_input_type_error(*this, 0, "a tensor", inputs[0]->type());
  StaticShape out = region_static(*this, idx_, inputs, 1);
  return build(std::move(inputs), {xt->with_shape(std::move(out))});
}

void AdvancedSubtensorOp::perform(const Apply&, InputRefs inputs, OutputRefs outputs) const {
  const NDArray& x = inputs[0].array();
  AdvancedPlan plan(x, idx_, inputs, 1);
  NDArray out = NDArray::empty(x.dtype(), plan.region_shape());
  NDArray sliced = plan.sliced(x);
  if (plan.selects_elements()) {
    move_elements(out, plan.region_offsets(out), sliced, plan.x_offsets(sliced), false);
  } else {
    for (std::int64_t b = 0; b < plan.count(); ++b)
      set_into(plan.region_part(out, b), plan.x_part(sliced, b));
  }
  outputs[0] = out;
}

std::optional<std::vector<ShapeVars>> AdvancedSubtensorOp::infer_shape(
    const Apply& node, const std::vector<ShapeVars>&) const {
  // Only when the static shape knows every dim; the shape feature asks the
  // output's Shape_i otherwise (mask lengths are only known at run time).
  ShapeVars out;
  for (const StaticDim& d : as_tensor_type(node.output(0)->type())->shape()) {
    if (!d) return std::nullopt;
    out.push_back(shape_const(*d));
  }
  return std::vector<ShapeVars>{out};
}

std::vector<Var> AdvancedSubtensorOp::L_op(const Apply& node,
                                           const std::vector<Var>& output_grads) const {
  std::vector<Var> grads(node.nin(), nullptr);
  for (int i = 1; i < node.nin(); ++i) grads[i] = disconnected();
  const Var& x = node.input(0);
  if (is_discrete(as_tensor_type(x->type())->dtype())) {
    grads[0] = discrete_zero_grad(x);
    return grads;
  }
  auto inc = std::make_shared<AdvancedIncSubtensorOp>(idx_, false);
  grads[0] = inc->apply1(concat({zeros_like(x), output_grads[0]}, tail(node, 1)));
  return grads;
}

std::vector<Var> AdvancedSubtensorOp::R_op(const Apply& node,
                                           const std::vector<Var>& eval_points) const {
  if (!eval_points[0]) return {nullptr};
  return {apply1(concat({eval_points[0]}, tail(node, 1)))};
}

std::vector<std::vector<bool>> AdvancedSubtensorOp::connection_pattern(const Apply& node) const {
  std::vector<std::vector<bool>> p;
  for (int i = 0; i < node.nin(); ++i) p.push_back({i == 0});
  return p;
}

// --- AdvancedIncSubtensor -------------------------------------------------------------

AdvancedIncSubtensorOp::AdvancedIncSubtensorOp(IdxList idx, bool set_instead_of_inc, bool inplace)
    : idx_(std::move(idx)), set_(set_instead_of_inc), inplace_(inplace) {}

namespace {
OpPtr inc_from_props(const Props& props, bool boolean) {
  std::string name = boolean ? "AdvancedBooleanIncSubtensor" : "AdvancedIncSubtensor";
  IdxList idx = decode_idx(props.get("idx_list"), name);
  if (has_mask(idx) != boolean) {
    throw ValueError(name + (boolean ? ": the index has no mask" : ": masks use the Boolean op"));
  }
  bool inplace = props.contains("inplace") && props.get_as<bool>("inplace");
  return std::make_shared<AdvancedIncSubtensorOp>(
      std::move(idx), props.get_as<bool>("set_instead_of_inc"), inplace);
}
}  // namespace

OpPtr AdvancedIncSubtensorOp::from_props(const Props& props) {
  return inc_from_props(props, false);
}

OpPtr AdvancedIncSubtensorOp::boolean_from_props(const Props& props) {
  return inc_from_props(props, true);
}

std::string AdvancedIncSubtensorOp::name() const {
  return has_mask(idx_) ? "AdvancedBooleanIncSubtensor" : "AdvancedIncSubtensor";
}

Props AdvancedIncSubtensorOp::props() const {
  return Props{{"idx_list", encode_idx(idx_)}, {"set_instead_of_inc", set_}, {"inplace", inplace_}};
}

std::string AdvancedIncSubtensorOp::display() const {
  return name() + "{" + (inplace_ ? "Inplace" : "") + (set_ ? "Set;" : "Inc;") + idx_str(idx_) +
         "}";
}

ApplyPtr AdvancedIncSubtensorOp::make_node(std::vector<Var> inputs) const {
  if (inputs.size() < 2) throw TypeError(display() + ": expected the tensor and the value");
  auto xt = as_tensor_type(inputs[0]->type());
  if (!xt) throw_input_type_error(*this, 0, "a tensor", inputs[0]->type());
  auto yt = as_tensor_type(inputs[1]->type());
  if (!yt) throw_input_type_error(*this, 1, "a tensor", inputs[1]->type());
  check_update_value(*this, *xt, *yt, region_static(*this, idx_, inputs, 2));
  return build(std::move(inputs), {xt});
}

void AdvancedIncSubtensorOp::perform(const Apply&, InputRefs inputs, OutputRefs outputs) const {
  const NDArray& x = inputs[0].array();
  NDArray out = inplace_ ? x : x.copy();
  NDArray y = inputs[1].array();
  if (inplace_ && y.may_share_memory(x)) y = y.copy();
  AdvancedPlan plan(out, idx_, inputs, 2);
  NDArray yb;
  try {
    yb = y.broadcast_to(plan.region_shape());
  } catch (const ValueError&) {
    throw ValueError(display() + ": a value of shape " + shape_str(y.shape()) +
                     " does not broadcast to the indexed region of shape " +
                     shape_str(plan.region_shape()));
  }
  NDArray sliced = plan.sliced(out);
  if (plan.selects_elements()) {
    if (yb.dtype() != out.dtype()) yb = yb.astype(out.dtype());
    move_elements(sliced, plan.x_offsets(sliced), yb, plan.region_offsets(yb), !set_);
    outputs[0] = out;
    return;
  }
  for (std::int64_t b = 0; b < plan.count(); ++b) {
    if (set_) {
      set_into(plan.x_part(sliced, b), plan.region_part(yb, b));
    } else {
      add_into(plan.x_part(sliced, b), plan.region_part(yb, b));
    }
  }
  outputs[0] = out;
}

std::optional<std::vector<ShapeVars>> AdvancedIncSubtensorOp::infer_shape(
    const Apply&, const std::vector<ShapeVars>& input_shapes) const {
  return std::vector<ShapeVars>{input_shapes[0]};
}

std::vector<Var> AdvancedIncSubtensorOp::L_op(const Apply& node,
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
  grads[0] = gz;
  if (set_) {
    auto zero = T::constant(0.0, as_tensor_type(gz->type())->dtype());
    grads[0] =
        std::make_shared<AdvancedIncSubtensorOp>(idx_, true)->apply1(concat({gz, zero}, index));
  }
  Var gy = std::make_shared<AdvancedSubtensorOp>(idx_)->apply1(concat({gz}, index));
  grads[1] = sum_to_like(gy, y);
  return grads;
}

std::vector<Var> AdvancedIncSubtensorOp::R_op(const Apply& node,
                                              const std::vector<Var>& eval_points) const {
  if (!eval_points[0] && !eval_points[1]) return {nullptr};
  Var ex = eval_points[0] ? eval_points[0] : zeros_like(node.input(0));
  Var ey = eval_points[1] ? eval_points[1] : zeros_like(node.input(1));
  auto op = std::make_shared<AdvancedIncSubtensorOp>(idx_, set_);
  return {op->apply1(concat({ex, ey}, tail(node, 2)))};
}

std::vector<std::vector<bool>> AdvancedIncSubtensorOp::connection_pattern(const Apply& node) const {
  std::vector<std::vector<bool>> p;
  for (int i = 0; i < node.nin(); ++i) p.push_back({i < 2});
  return p;
}

std::vector<std::pair<int, int>> AdvancedIncSubtensorOp::inplace_candidates(const Apply&) const {
  if (inplace_) return {};
  return {{0, 0}};
}

OpPtr AdvancedIncSubtensorOp::with_inplace(const Apply&, int output, int input) const {
  if (output != 0 || input != 0) return nullptr;
  return std::make_shared<AdvancedIncSubtensorOp>(idx_, set_, true);
}

}  // namespace theano::tensor_ops::indexing
