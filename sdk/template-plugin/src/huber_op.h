// The template plugin's op: Huber{delta}(r), the Huber loss of a residual r,
// element by element: r^2 / 2 where |r| <= delta, delta * (|r| - delta / 2)
// beyond. Quadratic near zero, linear in the tails, so large residuals do not
// dominate a fit. Its gradient is clip(r, -delta, delta): bounded, as the
// loss is meant to be. Copy this file and huber_op.cpp to start a new op.
#pragma once

#include "theano/core/op.h"

namespace acme {

/// Huber{delta}(r): elementwise Huber loss of a float32 or float64 tensor.
class HuberOp final : public theano::Op {
 public:
  /// Throws ValueError unless delta is finite and > 0.
  explicit HuberOp(double delta);
  /// Builds the op from props {delta: number}; a missing delta takes the
  /// value of the huber.default_delta flag.
  static theano::OpPtr from_props(const theano::Props& props);

  double delta() const { return delta_; }
  std::string name() const override { return "Huber"; }
  theano::Props props() const override { return {{"delta", delta_}}; }
  theano::ApplyPtr make_node(std::vector<theano::Var> inputs) const override;
  void perform(const theano::Apply& node, theano::InputRefs inputs,
               theano::OutputRefs outputs) const override;
  std::optional<std::vector<theano::ShapeVars>> infer_shape(
      const theano::Apply& node, const std::vector<theano::ShapeVars>& input_shapes) const override;
  std::vector<theano::Var> L_op(const theano::Apply& node,
                                const std::vector<theano::Var>& output_grads) const override;
  std::vector<theano::Var> R_op(const theano::Apply& node,
                                const std::vector<theano::Var>& eval_points) const override;

 private:
  double delta_;
};

}  // namespace acme
