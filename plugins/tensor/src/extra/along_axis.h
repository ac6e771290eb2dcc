// Gather and scatter-add along one axis (NumPy's take_along_axis and
// put_along_axis with accumulation): the building blocks of the gradients
// of sort, topk and bincount. With the none axis the array is flattened.
#pragma once

#include "common.h"

namespace theano::tensor_ops::extra {

/// out[..., j, ...] = x[..., idx[..., j, ...], ...]; idx has x's ndim and,
/// along the other axes, x's sizes (none axis: x flattened, idx any shape).
class TakeAlongAxisOp final : public Op {
 public:
  explicit TakeAlongAxisOp(OptAxis axis) : axis_(axis) {}
  static OpPtr from_props(const Props& p) {
    return std::make_shared<TakeAlongAxisOp>(axis_from(p));
  }

  std::string name() const override { return "TakeAlongAxis"; }
  Props props() const override { return Props{{"axis", axis_prop(axis_)}}; }
  ApplyPtr make_node(std::vector<Var> inputs) const override;
  void perform(const Apply& node, InputRefs inputs, OutputRefs outputs) const override;
  std::optional<std::vector<ShapeVars>> infer_shape(
      const Apply& node, const std::vector<ShapeVars>& input_shapes) const override;
  std::vector<Var> L_op(const Apply& node, const std::vector<Var>& output_grads) const override;
  std::vector<Var> R_op(const Apply& node, const std::vector<Var>& eval_points) const override;
  std::vector<std::vector<bool>> connection_pattern(const Apply& node) const override;

 private:
  OptAxis axis_;
};

/// out = base, then out[..., idx[..., j, ...], ...] += values[..., j, ...]
/// (repeated indices accumulate).
class ScatterAddAlongAxisOp final : public Op {
 public:
  explicit ScatterAddAlongAxisOp(OptAxis axis) : axis_(axis) {}
  static OpPtr from_props(const Props& p) {
    return std::make_shared<ScatterAddAlongAxisOp>(axis_from(p));
  }

  std::string name() const override { return "ScatterAddAlongAxis"; }
  Props props() const override { return Props{{"axis", axis_prop(axis_)}}; }
  ApplyPtr make_node(std::vector<Var> inputs) const override;
  void perform(const Apply& node, InputRefs inputs, OutputRefs outputs) const override;
  std::optional<std::vector<ShapeVars>> infer_shape(
      const Apply& node, const std::vector<ShapeVars>& input_shapes) const override;
  std::vector<Var> L_op(const Apply& node, const std::vector<Var>& output_grads) const override;
  std::vector<Var> R_op(const Apply& node, const std::vector<Var>& eval_points) const override;
  std::vector<std::vector<bool>> connection_pattern(const Apply& node) const override;

 private:
  OptAxis axis_;
};

/// x's elements (C order) in the shape of `like` (sizes must agree): the
/// un-flattening step of the gradients of the flattened (none axis) ops.
class ReshapeLikeOp final : public Op {
 public:
  static OpPtr from_props(const Props&) { return std::make_shared<ReshapeLikeOp>(); }
  std::string name() const override { return "ReshapeLike"; }
  ApplyPtr make_node(std::vector<Var> inputs) const override;
  void perform(const Apply& node, InputRefs inputs, OutputRefs outputs) const override;
  std::optional<std::vector<ShapeVars>> infer_shape(
      const Apply& node, const std::vector<ShapeVars>& input_shapes) const override;
  std::vector<Var> L_op(const Apply& node, const std::vector<Var>& output_grads) const override;
  std::vector<Var> R_op(const Apply& node, const std::vector<Var>& eval_points) const override;
  std::vector<std::vector<bool>> connection_pattern(const Apply& node) const override;
  IOMap view_map() const override { return {{0, {0}}}; }
};

/// Applies the ops above (for gradients built inside the plugin).
Var take_along_axis(const Var& x, const Var& idx, const OptAxis& axis);
Var scatter_add_along_axis(const Var& base, const Var& idx, const Var& values, const OptAxis& axis);
Var reshape_like(const Var& x, const Var& like);

}  // namespace theano::tensor_ops::extra
