// Cumulative sums and products (CumOp) and n-th differences (DiffOp) along
// an axis. Both carry a flag for the reversed / adjoint form their
// gradients need, so gradients stay inside the plugin.
#pragma once

#include "common.h"

namespace theano::tensor_ops::extra {

/// Cumulative sum ("add") or product ("mul") along the axis (none: the
/// flattened array); `reverse` accumulates from the end of each lane.
class CumOp final : public Op {
 public:
  CumOp(OptAxis axis, std::string mode, bool reverse = false);
  static OpPtr from_props(const Props& p);

  std::string name() const override { return "CumOp"; }
  Props props() const override;
  ApplyPtr make_node(std::vector<Var> inputs) const override;
  void perform(const Apply& node, InputRefs inputs, OutputRefs outputs) const override;
  std::optional<std::vector<ShapeVars>> infer_shape(
      const Apply& node, const std::vector<ShapeVars>& input_shapes) const override;
  std::vector<Var> L_op(const Apply& node, const std::vector<Var>& output_grads) const override;
  std::vector<Var> R_op(const Apply& node, const std::vector<Var>& eval_points) const override;

 private:
  OptAxis axis_;
  std::string mode_;
  bool reverse_;
};

/// The n-th forward difference along `axis` (the axis shrinks by n), or
/// with `adjoint` its transpose (the axis grows by n): the gradient.
class DiffOp final : public Op {
 public:
  DiffOp(std::int64_t n, std::int64_t axis, bool adjoint = false);
  static OpPtr from_props(const Props& p);

  std::string name() const override { return "DiffOp"; }
  Props props() const override;
  ApplyPtr make_node(std::vector<Var> inputs) const override;
  void perform(const Apply& node, InputRefs inputs, OutputRefs outputs) const override;
  std::optional<std::vector<ShapeVars>> infer_shape(
      const Apply& node, const std::vector<ShapeVars>& input_shapes) const override;
  std::vector<Var> L_op(const Apply& node, const std::vector<Var>& output_grads) const override;
  std::vector<Var> R_op(const Apply& node, const std::vector<Var>& eval_points) const override;

 private:
  std::int64_t n_, axis_;
  bool adjoint_;
};

}  // namespace theano::tensor_ops::extra
