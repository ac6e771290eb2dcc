// Sorting along an axis (or the flattened array): Sort, ArgSort and TopK.
// The order is NumPy's (NaN last); every sort is stable, so ties keep their
// original order (NumPy's kind='stable').
#pragma once

#include "common.h"

namespace theano::tensor_ops::extra {

/// The sorted values (descending with `descending`).
class SortOp final : public Op {
 public:
  explicit SortOp(OptAxis axis) : axis_(axis) {}
  static OpPtr from_props(const Props& p) { return std::make_shared<SortOp>(axis_from(p)); }

  std::string name() const override { return "Sort"; }
  Props props() const override { return Props{{"axis", axis_prop(axis_)}}; }
  ApplyPtr make_node(std::vector<Var> inputs) const override;
  void perform(const Apply& node, InputRefs inputs, OutputRefs outputs) const override;
  std::optional<std::vector<ShapeVars>> infer_shape(
      const Apply& node, const std::vector<ShapeVars>& input_shapes) const override;
  std::vector<Var> L_op(const Apply& node, const std::vector<Var>& output_grads) const override;
  std::vector<Var> R_op(const Apply& node, const std::vector<Var>& eval_points) const override;

 private:
  OptAxis axis_;
};

/// The int64 permutation that sorts each lane.
class ArgSortOp final : public Op {
 public:
  explicit ArgSortOp(OptAxis axis) : axis_(axis) {}
  static OpPtr from_props(const Props& p) { return std::make_shared<ArgSortOp>(axis_from(p)); }

  std::string name() const override { return "ArgSort"; }
  Props props() const override { return Props{{"axis", axis_prop(axis_)}}; }
  ApplyPtr make_node(std::vector<Var> inputs) const override;
  void perform(const Apply& node, InputRefs inputs, OutputRefs outputs) const override;
  std::optional<std::vector<ShapeVars>> infer_shape(
      const Apply& node, const std::vector<ShapeVars>& input_shapes) const override;
  std::vector<Var> L_op(const Apply& node, const std::vector<Var>& output_grads) const override;
  std::vector<Var> R_op(const Apply& node, const std::vector<Var>& eval_points) const override;

 private:
  OptAxis axis_;
};

/// (x, k) -> the |k| largest (k > 0, largest first) or smallest (k < 0,
/// smallest first) values and/or their indices along the axis.
class TopKOp final : public Op {
 public:
  TopKOp(OptAxis axis, bool return_values, bool return_indices, DType idx_dtype);
  static OpPtr from_props(const Props& p);

  std::string name() const override { return "TopK"; }
  Props props() const override;
  ApplyPtr make_node(std::vector<Var> inputs) const override;
  void perform(const Apply& node, InputRefs inputs, OutputRefs outputs) const override;
  std::optional<std::vector<ShapeVars>> infer_shape(
      const Apply& node, const std::vector<ShapeVars>& input_shapes) const override;
  std::vector<Var> L_op(const Apply& node, const std::vector<Var>& output_grads) const override;
  std::vector<std::vector<bool>> connection_pattern(const Apply& node) const override;

 private:
  OptAxis axis_;
  bool values_, indices_;
  DType idx_dtype_;
};

}  // namespace theano::tensor_ops::extra
