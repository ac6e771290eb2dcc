// The ops of theano.ops.blas. Dot is the user-level op (NumPy dot for ranks
// 1 and 2); Dot22, Dot22Scalar, Gemm, Gemv and Ger are what the rewrites
// turn it into; BatchedDot and TensorDot serve batched_dot and tensordot.
#pragma once

#include <cstdint>
#include <vector>

#include "theano/core/op.h"
#include "theano/optdb/inplace.h"

namespace theano::blas {

/// dot(x, y) for x, y of 1 or 2 dimensions and one dtype.
class DotOp final : public Op {
 public:
  std::string name() const override { return "Dot"; }
  ApplyPtr make_node(std::vector<Var> inputs) const override;
  void perform(const Apply& node, InputRefs inputs, OutputRefs outputs) const override;
  std::optional<std::vector<ShapeVars>> infer_shape(
      const Apply& node, const std::vector<ShapeVars>& input_shapes) const override;
  std::vector<Var> L_op(const Apply& node, const std::vector<Var>& output_grads) const override;
  std::vector<Var> R_op(const Apply& node, const std::vector<Var>& eval_points) const override;
};

/// x @ y for float or complex matrices of one dtype.
class Dot22Op final : public Op {
 public:
  std::string name() const override { return "Dot22"; }
  ApplyPtr make_node(std::vector<Var> inputs) const override;
  void perform(const Apply& node, InputRefs inputs, OutputRefs outputs) const override;
  std::optional<std::vector<ShapeVars>> infer_shape(
      const Apply& node, const std::vector<ShapeVars>& input_shapes) const override;
  std::vector<Var> L_op(const Apply& node, const std::vector<Var>& output_grads) const override;
};

/// a * (x @ y): inputs x, y (matrices) and a (0-d), one dtype.
class Dot22ScalarOp final : public Op {
 public:
  std::string name() const override { return "Dot22Scalar"; }
  ApplyPtr make_node(std::vector<Var> inputs) const override;
  void perform(const Apply& node, InputRefs inputs, OutputRefs outputs) const override;
  std::optional<std::vector<ShapeVars>> infer_shape(
      const Apply& node, const std::vector<ShapeVars>& input_shapes) const override;
  std::vector<Var> L_op(const Apply& node, const std::vector<Var>& output_grads) const override;
};

/// b * z + a * (x @ y): inputs (z, a, x, y, b). In place, z is overwritten.
class GemmOp final : public Op, public optdb::InplaceCapable, public PrecheckedOp {
 public:
  explicit GemmOp(bool inplace) : inplace_(inplace) {}
  std::string name() const override { return "Gemm"; }
  Props props() const override { return Props{{"inplace", inplace_}}; }
  std::string display() const override;
  ApplyPtr make_node(std::vector<Var> inputs) const override;
  void perform(const Apply& node, InputRefs inputs, OutputRefs outputs) const override;
  /// The shape checks perform makes before it writes.
  void precheck(const Apply& node, InputRefs inputs) const override;
  std::optional<std::vector<ShapeVars>> infer_shape(
      const Apply& node, const std::vector<ShapeVars>& input_shapes) const override;
  std::vector<Var> L_op(const Apply& node, const std::vector<Var>& output_grads) const override;
  IOMap destroy_map() const override;
  std::vector<std::pair<int, int>> inplace_candidates(const Apply& node) const override;
  OpPtr with_inplace(const Apply& node, int output, int input) const override;

 private:
  bool inplace_;
};

/// beta * y + alpha * (A @ x): inputs (y, alpha, A, x, beta).
class GemvOp final : public Op, public optdb::InplaceCapable, public PrecheckedOp {
 public:
  explicit GemvOp(bool inplace) : inplace_(inplace) {}
  std::string name() const override { return "Gemv"; }
  Props props() const override { return Props{{"inplace", inplace_}}; }
  std::string display() const override;
  ApplyPtr make_node(std::vector<Var> inputs) const override;
  void perform(const Apply& node, InputRefs inputs, OutputRefs outputs) const override;
  /// The shape checks perform makes before it writes.
  void precheck(const Apply& node, InputRefs inputs) const override;
  std::optional<std::vector<ShapeVars>> infer_shape(
      const Apply& node, const std::vector<ShapeVars>& input_shapes) const override;
  std::vector<Var> L_op(const Apply& node, const std::vector<Var>& output_grads) const override;
  IOMap destroy_map() const override;
  std::vector<std::pair<int, int>> inplace_candidates(const Apply& node) const override;
  OpPtr with_inplace(const Apply& node, int output, int input) const override;

 private:
  bool inplace_;
};

/// A + alpha * outer(x, y): inputs (A, alpha, x, y).
class GerOp final : public Op, public optdb::InplaceCapable, public PrecheckedOp {
 public:
  explicit GerOp(bool destructive) : destructive_(destructive) {}
  std::string name() const override { return "Ger"; }
  Props props() const override { return Props{{"destructive", destructive_}}; }
  std::string display() const override;
  ApplyPtr make_node(std::vector<Var> inputs) const override;
  void perform(const Apply& node, InputRefs inputs, OutputRefs outputs) const override;
  /// The shape checks perform makes before it writes.
  void precheck(const Apply& node, InputRefs inputs) const override;
  std::optional<std::vector<ShapeVars>> infer_shape(
      const Apply& node, const std::vector<ShapeVars>& input_shapes) const override;
  std::vector<Var> L_op(const Apply& node, const std::vector<Var>& output_grads) const override;
  IOMap destroy_map() const override;
  std::vector<std::pair<int, int>> inplace_candidates(const Apply& node) const override;
  OpPtr with_inplace(const Apply& node, int output, int input) const override;

 private:
  bool destructive_;
};

/// out[i] = dot(x[i], y[i]) for x, y of 2 or 3 dimensions and one dtype.
class BatchedDotOp final : public Op {
 public:
  std::string name() const override { return "BatchedDot"; }
  ApplyPtr make_node(std::vector<Var> inputs) const override;
  void perform(const Apply& node, InputRefs inputs, OutputRefs outputs) const override;
  std::optional<std::vector<ShapeVars>> infer_shape(
      const Apply& node, const std::vector<ShapeVars>& input_shapes) const override;
  std::vector<Var> L_op(const Apply& node, const std::vector<Var>& output_grads) const override;
  std::vector<Var> R_op(const Apply& node, const std::vector<Var>& eval_points) const override;
};

/// numpy.tensordot(a, b, (axes_a, axes_b)): the paired axes are summed over;
/// the output has a's free axes then b's, in order.
class TensorDotOp final : public Op {
 public:
  TensorDotOp(std::vector<std::int64_t> axes_a, std::vector<std::int64_t> axes_b);
  static OpPtr from_props(const Props& props);
  std::string name() const override { return "TensorDot"; }
  Props props() const override;
  ApplyPtr make_node(std::vector<Var> inputs) const override;
  void perform(const Apply& node, InputRefs inputs, OutputRefs outputs) const override;
  std::optional<std::vector<ShapeVars>> infer_shape(
      const Apply& node, const std::vector<ShapeVars>& input_shapes) const override;
  std::vector<Var> L_op(const Apply& node, const std::vector<Var>& output_grads) const override;
  std::vector<Var> R_op(const Apply& node, const std::vector<Var>& eval_points) const override;

 private:
  /// a's (or b's) axes not summed over, in order.
  static std::vector<std::int64_t> free_axes(int ndim, const std::vector<std::int64_t>& summed);
  std::vector<std::int64_t> axes_a_, axes_b_;
};

}  // namespace theano::blas
