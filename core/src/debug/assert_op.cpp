// The Assert op: x passes through once every condition holds.
#include <cstring>

#include "debug_ops_impl.h"
#include "theano/core/debug/debug_ops.h"

namespace theano::debug {

std::int64_t first_false(const NDArray& cond) {
  NDArray b = cond.astype(DType::Bool).ascontiguous();
  const bool* p = b.data<bool>();
  for (std::int64_t i = 0; i < b.size(); ++i)
    if (!p[i]) return i;
  return -1;
}

OpPtr AssertOp::from_props(const Props& props) {
  return std::make_shared<AssertOp>(props.contains("message") ? props.get_as<std::string>("message")
                                                              : "");
}

ApplyPtr AssertOp::make_node(std::vector<Var> inputs) const {
  if (inputs.empty() || !inputs[0]) throw ValueError("Assert takes (x, conditions...), got no x");
  for (std::size_t i = 1; i < inputs.size(); ++i) {
    if (!inputs[i] || !as_tensor_type(inputs[i]->type())) {
      throw_input_type_error(*this, static_cast<int>(i), "a tensor condition (e.g. eq(a, b))",
                             inputs[i] ? inputs[i]->type() : nullptr);
    }
  }
  TypePtr type = inputs[0]->type();
  return build(std::move(inputs), {type});
}

void AssertOp::perform(const Apply& node, InputRefs inputs, OutputRefs outputs) const {
  for (std::size_t i = 1; i < inputs.size(); ++i) {
    const NDArray& cond = inputs[i].array();
    std::int64_t bad = first_false(cond);
    if (bad < 0) continue;
    std::string which =
        "condition " + std::to_string(i - 1) + " (" + node.input(static_cast<int>(i))->str() + ")";
    std::string at = cond.ndim() == 0 ? ""
                                      : " at flat index " + std::to_string(bad) + " of shape " +
                                            shape_str(cond.shape());
    throw ValueError(
        "Assert failed: " + (message_.empty() ? std::string("(no message)") : message_) + ": " +
        which + " is false" + at);
  }
  outputs[0] = inputs[0];
}

std::optional<std::vector<ShapeVars>> AssertOp::infer_shape(
    const Apply&, const std::vector<ShapeVars>& input_shapes) const {
  return std::vector<ShapeVars>{input_shapes.at(0)};
}

std::vector<Var> AssertOp::L_op(const Apply& node, const std::vector<Var>& output_grads) const {
  std::vector<Var> grads{output_grads.at(0)};
  for (int i = 1; i < node.nin(); ++i) grads.push_back(Variable::make(DisconnectedType::make()));
  return grads;
}

std::vector<std::vector<bool>> AssertOp::connection_pattern(const Apply& node) const {
  std::vector<std::vector<bool>> p(node.nin(), std::vector<bool>{false});
  p[0][0] = true;
  return p;
}

Var assert_that(const Var& x, const std::vector<Var>& conditions, const std::string& message,
                std::source_location loc) {
  std::vector<Var> inputs{x};
  inputs.insert(inputs.end(), conditions.begin(), conditions.end());
  return std::make_shared<AssertOp>(message)->apply1(std::move(inputs), loc);
}

}  // namespace theano::debug
