// The softmax family: Softmax and LogSoftmax over an axis, SoftmaxWithBias
// (rows of x plus a bias vector) and SoftmaxGrad (the backward pass shared by
// all of them).
#pragma once

#include "theano/core/op.h"

namespace theano::nnet {

/// softmax(x) or log_softmax(x) along `axis` (negative counts from the end).
class SoftmaxOp final : public Op {
 public:
  SoftmaxOp(bool log, int axis) : log_(log), axis_(axis) {}
  static OpPtr from_props(const Props& p, bool log);
  bool is_log() const { return log_; }
  int axis() const { return axis_; }
  std::string name() const override { return log_ ? "LogSoftmax" : "Softmax"; }
  Props props() const override { return Props{{"axis", static_cast<std::int64_t>(axis_)}}; }
  ApplyPtr make_node(std::vector<Var> inputs) const override;
  void perform(const Apply& node, InputRefs inputs, OutputRefs outputs) const override;
  std::optional<std::vector<ShapeVars>> infer_shape(
      const Apply& node, const std::vector<ShapeVars>& input_shapes) const override;
  std::vector<Var> L_op(const Apply& node, const std::vector<Var>& output_grads) const override;
  std::vector<Var> R_op(const Apply& node, const std::vector<Var>& eval_points) const override;

 private:
  bool log_;
  int axis_;
};

/// softmax(x + b) along the last axis, b a vector broadcast over the rows.
class SoftmaxWithBiasOp final : public Op {
 public:
  std::string name() const override { return "SoftmaxWithBias"; }
  ApplyPtr make_node(std::vector<Var> inputs) const override;
  void perform(const Apply& node, InputRefs inputs, OutputRefs outputs) const override;
  std::optional<std::vector<ShapeVars>> infer_shape(
      const Apply& node, const std::vector<ShapeVars>& input_shapes) const override;
  std::vector<Var> L_op(const Apply& node, const std::vector<Var>& output_grads) const override;
};

/// dx = (dy - sum(dy * sm, axis)) * sm: the gradient of softmax.
class SoftmaxGradOp final : public Op {
 public:
  explicit SoftmaxGradOp(int axis) : axis_(axis) {}
  int axis() const { return axis_; }
  std::string name() const override { return "SoftmaxGrad"; }
  Props props() const override { return Props{{"axis", static_cast<std::int64_t>(axis_)}}; }
  ApplyPtr make_node(std::vector<Var> inputs) const override;
  void perform(const Apply& node, InputRefs inputs, OutputRefs outputs) const override;
  std::optional<std::vector<ShapeVars>> infer_shape(
      const Apply& node, const std::vector<ShapeVars>& input_shapes) const override;
  std::vector<Var> L_op(const Apply& node, const std::vector<Var>& output_grads) const override;

 private:
  int axis_;
};

/// The axis prop of a softmax-family op, -1 when absent.
int axis_prop(const Props& p);

}  // namespace theano::nnet
