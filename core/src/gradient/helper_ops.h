// The gradient-helper ops: identity in the forward pass (the output is a
// view of the input), special in the backward pass. One class, parametrised
// by the kind of backward behaviour.
#pragma once

#include <string>

#include "theano/core/op.h"

namespace theano::gradient_detail {

class GradHelperOp final : public Op {
 public:
  enum class Kind { Zero, Disconnected, Undefined, Clip, Scale, ConsiderConstant };

  explicit GradHelperOp(Kind kind, double a = 0, double b = 0);
  /// Builds the op registered as `name` from its props.
  static OpPtr from_props(const std::string& name, const Props& props);

  std::string name() const override;
  Props props() const override;
  ApplyPtr make_node(std::vector<Var> inputs) const override;
  void perform(const Apply& node, InputRefs inputs, OutputRefs outputs) const override;
  std::optional<std::vector<ShapeVars>> infer_shape(
      const Apply& node, const std::vector<ShapeVars>& input_shapes) const override;
  std::vector<Var> L_op(const Apply& node, const std::vector<Var>& output_grads) const override;
  std::vector<Var> R_op(const Apply& node, const std::vector<Var>& eval_points) const override;
  std::vector<std::vector<bool>> connection_pattern(const Apply& node) const override;
  IOMap view_map() const override { return {{0, {0}}}; }

 private:
  Kind kind_;
  double a_;  ///< Clip: lower bound; Scale: multiplier
  double b_;  ///< Clip: upper bound
};

}  // namespace theano::gradient_detail
