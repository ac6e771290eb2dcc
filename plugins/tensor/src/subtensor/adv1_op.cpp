// AdvancedSubtensor1 and AdvancedIncSubtensor1.
#include "adv1_op.h"

#include "graph_util.h"
#include "kernels.h"
#include "subtensor_op.h"
#include "theano/tensor.h"

namespace theano::tensor_ops::indexing {

namespace T = theano::tensor;

void check_index_array(const Op& op, int i, const Var& v, int ndim) {
  auto tt = as_tensor_type(v->type());
  std::string want =
      ndim < 0 ? "an integer tensor" : "an integer " + std::to_string(ndim) + "-d tensor";
  if (!tt || !is_int(tt->dtype()) || (ndim >= 0 && tt->ndim() != ndim)) {
    throw_input_type_error(op, i, want + " of indices", v->type());
  }
}

namespace {

std::shared_ptr<const TensorType> tensor_input(const Op& op, const std::vector<Var>& in, int i) {
  auto tt = as_tensor_type(in[i]->type());
  if (!tt) throw_input_type_error(op, i, "a tensor", in[i]->type());
  if (i == 0 && tt->ndim() == 0)
    throw_input_type_error(op, 0, "a tensor of 1 or more dims", in[0]->type());
  return tt;
}

StaticShape rows_shape(const TensorType& x, const Var& ilist) {
  StaticShape s = x.shape();
  s[0] = as_tensor_type(ilist->type())->shape()[0];
  return s;
}

}  // namespace

// --- AdvancedSubtensor1 ---------------------------------------------------------------

OpPtr AdvancedSubtensor1Op::from_props(const Props&) {
  return std::make_shared<AdvancedSubtensor1Op>();
}

ApplyPtr AdvancedSubtensor1Op::make_node(std::vector<Var> inputs) const {
  if (inputs.size() != 2) {
    throw TypeError(name() + ": expected 2 inputs (tensor, index vector), got " +
                    std::to_string(inputs.size()));
  }
  auto xt = tensor_input(*this, inputs, 0);
  check_index_array(*this, 1, inputs[1], 1);
  return build(std::move(inputs), {xt->with_shape(rows_shape(*xt, inputs[1]))});
}

void AdvancedSubtensor1Op::perform(const Apply&, InputRefs inputs, OutputRefs outputs) const {
  outputs[0] = take_rows(inputs[0].array(), index_values(inputs[1].array()));
}

std::optional<std::vector<ShapeVars>> AdvancedSubtensor1Op::infer_shape(
    const Apply&, const std::vector<ShapeVars>& input_shapes) const {
  ShapeVars out = input_shapes[0];
  out[0] = input_shapes[1][0];
  return std::vector<ShapeVars>{out};
}

std::vector<Var> AdvancedSubtensor1Op::L_op(const Apply& node,
                                            const std::vector<Var>& output_grads) const {
  const Var& x = node.input(0);
  if (is_discrete(as_tensor_type(x->type())->dtype())) {
    return {discrete_zero_grad(x), disconnected()};
  }
  auto inc = std::make_shared<AdvancedIncSubtensor1Op>(false);
  return {inc->apply1({zeros_like(x), output_grads[0], node.input(1)}), disconnected()};
}

std::vector<Var> AdvancedSubtensor1Op::R_op(const Apply& node,
                                            const std::vector<Var>& eval_points) const {
  if (!eval_points[0]) return {nullptr};
  return {apply1({eval_points[0], node.input(1)})};
}

std::vector<std::vector<bool>> AdvancedSubtensor1Op::connection_pattern(const Apply&) const {
  return {{true}, {false}};
}

// --- AdvancedIncSubtensor1 ------------------------------------------------------------

OpPtr AdvancedIncSubtensor1Op::from_props(const Props& props) {
  bool inplace = props.contains("inplace") && props.get_as<bool>("inplace");
  return std::make_shared<AdvancedIncSubtensor1Op>(props.get_as<bool>("set_instead_of_inc"),
                                                   inplace);
}

std::string AdvancedIncSubtensor1Op::display() const {
  return std::string("AdvancedIncSubtensor1{") + (inplace_ ? "inplace," : "no_inplace,") +
         (set_ ? "set}" : "inc}");
}

ApplyPtr AdvancedIncSubtensor1Op::make_node(std::vector<Var> inputs) const {
  if (inputs.size() != 3) {
    throw TypeError(display() + ": expected 3 inputs (tensor, value, index vector), got " +
                    std::to_string(inputs.size()));
  }
  auto xt = tensor_input(*this, inputs, 0);
  auto yt = tensor_input(*this, inputs, 1);
  check_index_array(*this, 2, inputs[2], 1);
  check_update_value(*this, *xt, *yt, rows_shape(*xt, inputs[2]));
  return build(std::move(inputs), {xt});
}

namespace {

template <class F>
void explaining_shape_errors(const Op& op, const NDArray& x, const NDArray& y, F&& run) {
  try {
    run();
  } catch (const IndexError&) {
    throw;
  } catch (const ValueError& e) {
    throw ValueError(op.display() + ": cannot write a value of shape " + shape_str(y.shape()) +
                     " into rows of a tensor of shape " + shape_str(x.shape()) + ": " + e.what());
  }
}

}  // namespace

void AdvancedIncSubtensor1Op::precheck(const Apply&, InputRefs inputs) const {
  const NDArray& x = inputs[0].array();
  const NDArray& y = inputs[1].array();
  explaining_shape_errors(*this, x, y,
                          [&] { check_scatter_rows(x, y, index_values(inputs[2].array())); });
}

void AdvancedIncSubtensor1Op::perform(const Apply&, InputRefs inputs, OutputRefs outputs) const {
  const NDArray& x = inputs[0].array();
  NDArray out = inplace_ ? x : x.copy();
  NDArray y = inputs[1].array();
  if (inplace_ && y.may_share_memory(x)) y = y.copy();
  explaining_shape_errors(*this, x, y,
                          [&] { scatter_rows(out, y, index_values(inputs[2].array()), set_); });
  outputs[0] = out;
}

std::optional<std::vector<ShapeVars>> AdvancedIncSubtensor1Op::infer_shape(
    const Apply&, const std::vector<ShapeVars>& input_shapes) const {
  return std::vector<ShapeVars>{input_shapes[0]};
}

std::vector<Var> AdvancedIncSubtensor1Op::L_op(const Apply& node,
                                               const std::vector<Var>& output_grads) const {
  const Var &x = node.input(0), &y = node.input(1), &ilist = node.input(2);
  const Var& gz = output_grads[0];
  if (is_discrete(as_tensor_type(x->type())->dtype())) {
    return {discrete_zero_grad(x), discrete_zero_grad(y), disconnected()};
  }
  Var gx = gz;
  if (set_) {
    auto zero = T::constant(0.0, as_tensor_type(gz->type())->dtype());
    gx = std::make_shared<AdvancedIncSubtensor1Op>(true)->apply1({gz, zero, ilist});
  }
  Var gy = std::make_shared<AdvancedSubtensor1Op>()->apply1({gz, ilist});
  return {gx, sum_to_like(gy, y), disconnected()};
}

std::vector<Var> AdvancedIncSubtensor1Op::R_op(const Apply& node,
                                               const std::vector<Var>& eval_points) const {
  if (!eval_points[0] && !eval_points[1]) return {nullptr};
  Var ex = eval_points[0] ? eval_points[0] : zeros_like(node.input(0));
  Var ey = eval_points[1] ? eval_points[1] : zeros_like(node.input(1));
  return {std::make_shared<AdvancedIncSubtensor1Op>(set_)->apply1({ex, ey, node.input(2)})};
}

std::vector<std::vector<bool>> AdvancedIncSubtensor1Op::connection_pattern(const Apply&) const {
  return {{true}, {true}, {false}};
}

std::vector<std::pair<int, int>> AdvancedIncSubtensor1Op::inplace_candidates(const Apply&) const {
  if (inplace_) return {};
  return {{0, 0}};
}

OpPtr AdvancedIncSubtensor1Op::with_inplace(const Apply&, int output, int input) const {
  if (output != 0 || input != 0) return nullptr;
  return std::make_shared<AdvancedIncSubtensor1Op>(set_, true);
}

}  // namespace theano::tensor_ops::indexing
