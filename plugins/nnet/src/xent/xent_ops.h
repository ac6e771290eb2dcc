// Cross-entropy ops on class indices: CrossentropyCategorical1Hot and its
// gradient, and the fused softmax + cross-entropy pair
// CrossentropySoftmaxArgmax1HotWithBias / CrossentropySoftmax1HotWithBiasDx
// that the stabilising rewrites produce.
#pragma once

#include "theano/core/op.h"

namespace theano::nnet {

/// (p matrix, y int vector) -> nll vector: -log p[i, y[i]].
class Xent1HotOp final : public Op {
 public:
  std::string name() const override { return "CrossentropyCategorical1Hot"; }
  ApplyPtr make_node(std::vector<Var> inputs) const override;
  void perform(const Apply& node, InputRefs inputs, OutputRefs outputs) const override;
  std::optional<std::vector<ShapeVars>> infer_shape(
      const Apply& node, const std::vector<ShapeVars>& input_shapes) const override;
  std::vector<Var> L_op(const Apply& node, const std::vector<Var>& output_grads) const override;
};

/// (g vector, p matrix, y) -> g_p: -g[i] / p[i, y[i]] at (i, y[i]), 0 elsewhere.
class Xent1HotGradOp final : public Op {
 public:
  std::string name() const override { return "CrossentropyCategorical1HotGrad"; }
  ApplyPtr make_node(std::vector<Var> inputs) const override;
  void perform(const Apply& node, InputRefs inputs, OutputRefs outputs) const override;
  std::optional<std::vector<ShapeVars>> infer_shape(
      const Apply& node, const std::vector<ShapeVars>& input_shapes) const override;
  std::vector<Var> L_op(const Apply& node, const std::vector<Var>& output_grads) const override;
};

/// (x matrix, b vector or 0-d, y) -> (nll, softmax(x + b), argmax_row(x + b)).
class XentSoftmaxArgmaxOp final : public Op {
 public:
  std::string name() const override { return "CrossentropySoftmaxArgmax1HotWithBias"; }
  ApplyPtr make_node(std::vector<Var> inputs) const override;
  void perform(const Apply& node, InputRefs inputs, OutputRefs outputs) const override;
  std::optional<std::vector<ShapeVars>> infer_shape(
      const Apply& node, const std::vector<ShapeVars>& input_shapes) const override;
  std::vector<Var> L_op(const Apply& node, const std::vector<Var>& output_grads) const override;
};

/// (dnll vector, sm matrix, y) -> dx = dnll[i] * (sm - onehot(y)).
class XentSoftmaxDxOp final : public Op {
 public:
  std::string name() const override { return "CrossentropySoftmax1HotWithBiasDx"; }
  ApplyPtr make_node(std::vector<Var> inputs) const override;
  void perform(const Apply& node, InputRefs inputs, OutputRefs outputs) const override;
  std::optional<std::vector<ShapeVars>> infer_shape(
      const Apply& node, const std::vector<ShapeVars>& input_shapes) const override;
  std::vector<Var> L_op(const Apply& node, const std::vector<Var>& output_grads) const override;
};

}  // namespace theano::nnet
