// The structural ops of theano.ops.tensor: packing scalars, reshaping,
// shape assertions, allocation and creation, joining and splitting,
// repeating, and diagonals. Each reflects its attributes through props().
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "theano/core/op.h"

namespace theano::tensor_ops {

/// MakeVector(dtype): 0-d tensors -> a vector (inputs upcast when lossless).
class MakeVectorOp final : public Op {
 public:
  explicit MakeVectorOp(DType dtype) : dtype_(dtype) {}
  std::string name() const override { return "MakeVector"; }
  Props props() const override { return Props{{"dtype", dtype_}}; }
  ApplyPtr make_node(std::vector<Var> inputs) const override;
  void perform(const Apply& node, InputRefs inputs, OutputRefs outputs) const override;
  std::optional<std::vector<ShapeVars>> infer_shape(const Apply& node,
                                                    const std::vector<ShapeVars>&) const override;
  std::vector<Var> L_op(const Apply& node, const std::vector<Var>& output_grads) const override;
  std::vector<Var> R_op(const Apply& node, const std::vector<Var>& eval_points) const override;

 private:
  DType dtype_;
};

/// Reshape(ndim): (x, int vector of length ndim) -> x reshaped (a view when
/// the layout allows). One entry may be -1.
class ReshapeOp final : public Op {
 public:
  explicit ReshapeOp(int ndim) : ndim_(ndim) {}
  int ndim() const { return ndim_; }
  std::string name() const override { return "Reshape"; }
  Props props() const override { return Props{{"ndim", ndim_}}; }
  ApplyPtr make_node(std::vector<Var> inputs) const override;
  void perform(const Apply& node, InputRefs inputs, OutputRefs outputs) const override;
  std::optional<std::vector<ShapeVars>> infer_shape(
      const Apply& node, const std::vector<ShapeVars>& input_shapes) const override;
  std::vector<Var> L_op(const Apply& node, const std::vector<Var>& output_grads) const override;
  std::vector<Var> R_op(const Apply& node, const std::vector<Var>& eval_points) const override;
  std::vector<std::vector<bool>> connection_pattern(const Apply&) const override {
    return {{true}, {false}};
  }
  IOMap view_map() const override { return {{0, {0}}}; }

 private:
  int ndim_;
};

/// SpecifyShape: (x, int vector) -> x, checking the shape at run time.
class SpecifyShapeOp final : public Op {
 public:
  std::string name() const override { return "SpecifyShape"; }
  ApplyPtr make_node(std::vector<Var> inputs) const override;
  void perform(const Apply& node, InputRefs inputs, OutputRefs outputs) const override;
  std::optional<std::vector<ShapeVars>> infer_shape(
      const Apply& node, const std::vector<ShapeVars>& input_shapes) const override;
  std::vector<Var> L_op(const Apply& node, const std::vector<Var>& output_grads) const override;
  std::vector<Var> R_op(const Apply& node, const std::vector<Var>& eval_points) const override;
  std::vector<std::vector<bool>> connection_pattern(const Apply&) const override {
    return {{true}, {false}};
  }
  IOMap view_map() const override { return {{0, {0}}}; }
};

/// Alloc: (value, n_0, ..., n_k) -> value broadcast into a new array.
class AllocOp final : public Op {
 public:
  std::string name() const override { return "Alloc"; }
  ApplyPtr make_node(std::vector<Var> inputs) const override;
  void perform(const Apply& node, InputRefs inputs, OutputRefs outputs) const override;
  std::optional<std::vector<ShapeVars>> infer_shape(
      const Apply& node, const std::vector<ShapeVars>& input_shapes) const override;
  std::vector<Var> L_op(const Apply& node, const std::vector<Var>& output_grads) const override;
  std::vector<Var> R_op(const Apply& node, const std::vector<Var>& eval_points) const override;
  std::vector<std::vector<bool>> connection_pattern(const Apply& node) const override;
};

/// AllocEmpty(dtype): (n_0, ..., n_k) -> an uninitialised array.
class AllocEmptyOp final : public Op {
 public:
  explicit AllocEmptyOp(DType dtype) : dtype_(dtype) {}
  std::string name() const override { return "AllocEmpty"; }
  Props props() const override { return Props{{"dtype", dtype_}}; }
  ApplyPtr make_node(std::vector<Var> inputs) const override;
  void perform(const Apply& node, InputRefs inputs, OutputRefs outputs) const override;
  std::optional<std::vector<ShapeVars>> infer_shape(
      const Apply& node, const std::vector<ShapeVars>& input_shapes) const override;
  std::vector<Var> L_op(const Apply& node, const std::vector<Var>& output_grads) const override;
  std::vector<std::vector<bool>> connection_pattern(const Apply& node) const override;
  bool do_constant_folding(const Apply&) const override { return false; }

 private:
  DType dtype_;
};

/// ARange(dtype): (start, stop, step) 0-d tensors -> numpy.arange.
class ARangeOp final : public Op {
 public:
  explicit ARangeOp(DType dtype) : dtype_(dtype) {}
  std::string name() const override { return "ARange"; }
  Props props() const override { return Props{{"dtype", dtype_}}; }
  ApplyPtr make_node(std::vector<Var> inputs) const override;
  void perform(const Apply& node, InputRefs inputs, OutputRefs outputs) const override;
  std::optional<std::vector<ShapeVars>> infer_shape(
      const Apply& node, const std::vector<ShapeVars>& input_shapes) const override;
  std::vector<Var> L_op(const Apply& node, const std::vector<Var>& output_grads) const override;
  std::vector<std::vector<bool>> connection_pattern(const Apply&) const override {
    return {{true}, {false}, {true}};
  }

 private:
  DType dtype_;
};

/// Eye(dtype) and Tri(dtype): (n, m, k) -> an n x m matrix of ones on the
/// k-th diagonal (Eye) or at and below it (Tri).
class DiagonalMaskOp final : public Op {
 public:
  DiagonalMaskOp(bool lower, DType dtype) : lower_(lower), dtype_(dtype) {}
  std::string name() const override { return lower_ ? "Tri" : "Eye"; }
  Props props() const override { return Props{{"dtype", dtype_}}; }
  ApplyPtr make_node(std::vector<Var> inputs) const override;
  void perform(const Apply& node, InputRefs inputs, OutputRefs outputs) const override;
  std::optional<std::vector<ShapeVars>> infer_shape(
      const Apply& node, const std::vector<ShapeVars>& input_shapes) const override;
  std::vector<Var> L_op(const Apply& node, const std::vector<Var>& output_grads) const override;
  std::vector<std::vector<bool>> connection_pattern(const Apply&) const override {
    return {{false}, {false}, {false}};
  }

 private:
  bool lower_;
  DType dtype_;
};

/// Join: (axis, x_0, ..., x_k) -> concatenation along axis.
class JoinOp final : public Op {
 public:
  std::string name() const override { return "Join"; }
  ApplyPtr make_node(std::vector<Var> inputs) const override;
  void perform(const Apply& node, InputRefs inputs, OutputRefs outputs) const override;
  std::optional<std::vector<ShapeVars>> infer_shape(
      const Apply& node, const std::vector<ShapeVars>& input_shapes) const override;
  std::vector<Var> L_op(const Apply& node, const std::vector<Var>& output_grads) const override;
  std::vector<Var> R_op(const Apply& node, const std::vector<Var>& eval_points) const override;
  std::vector<std::vector<bool>> connection_pattern(const Apply& node) const override;
};

/// Split(len_splits): (x, axis, int vector sizes) -> len_splits copies.
class SplitOp final : public Op {
 public:
  explicit SplitOp(int len_splits) : len_(len_splits) {}
  std::string name() const override { return "Split"; }
  Props props() const override { return Props{{"len_splits", len_}}; }
  ApplyPtr make_node(std::vector<Var> inputs) const override;
  void perform(const Apply& node, InputRefs inputs, OutputRefs outputs) const override;
  std::optional<std::vector<ShapeVars>> infer_shape(
      const Apply& node, const std::vector<ShapeVars>& input_shapes) const override;
  std::vector<Var> L_op(const Apply& node, const std::vector<Var>& output_grads) const override;
  std::vector<Var> R_op(const Apply& node, const std::vector<Var>& eval_points) const override;
  std::vector<std::vector<bool>> connection_pattern(const Apply& node) const override;

 private:
  int len_;
};

/// Repeat(axis): (x, repeats) -> numpy.repeat; no axis repeats the flattened x.
class RepeatOp final : public Op {
 public:
  explicit RepeatOp(std::optional<std::int64_t> axis) : axis_(axis) {}
  std::string name() const override { return "Repeat"; }
  Props props() const override;
  ApplyPtr make_node(std::vector<Var> inputs) const override;
  void perform(const Apply& node, InputRefs inputs, OutputRefs outputs) const override;
  std::optional<std::vector<ShapeVars>> infer_shape(
      const Apply& node, const std::vector<ShapeVars>& input_shapes) const override;
  std::vector<Var> L_op(const Apply& node, const std::vector<Var>& output_grads) const override;
  std::vector<std::vector<bool>> connection_pattern(const Apply&) const override {
    return {{true}, {false}};
  }

 private:
  std::optional<std::int64_t> axis_;
};

/// The attributes shared by ExtractDiag and AllocDiag.
struct DiagAxes {
  std::int64_t offset = 0;
  std::int64_t axis1 = 0;
  std::int64_t axis2 = 1;
  Props props() const { return Props{{"offset", offset}, {"axis1", axis1}, {"axis2", axis2}}; }
  static DiagAxes from(const Props& p);
};

/// ExtractDiag(offset, axis1, axis2): x -> its diagonal as the last axis (a view).
class ExtractDiagOp final : public Op {
 public:
  explicit ExtractDiagOp(DiagAxes a) : a_(a) {}
  std::string name() const override { return "ExtractDiag"; }
  Props props() const override { return a_.props(); }
  ApplyPtr make_node(std::vector<Var> inputs) const override;
  void perform(const Apply& node, InputRefs inputs, OutputRefs outputs) const override;
  std::optional<std::vector<ShapeVars>> infer_shape(
      const Apply& node, const std::vector<ShapeVars>& input_shapes) const override;
  std::vector<Var> L_op(const Apply& node, const std::vector<Var>& output_grads) const override;
  std::vector<Var> R_op(const Apply& node, const std::vector<Var>& eval_points) const override;
  IOMap view_map() const override { return {{0, {0}}}; }

 private:
  DiagAxes a_;
};

/// AllocDiag(offset, axis1, axis2): (v[, full shape]) -> zeros with v's last
/// axis on the diagonal. The optional int vector gives the output's shape
/// (the gradient of ExtractDiag on non-square inputs needs it).
class AllocDiagOp final : public Op {
 public:
  explicit AllocDiagOp(DiagAxes a) : a_(a) {}
  std::string name() const override { return "AllocDiag"; }
  Props props() const override { return a_.props(); }
  ApplyPtr make_node(std::vector<Var> inputs) const override;
  void perform(const Apply& node, InputRefs inputs, OutputRefs outputs) const override;
  std::optional<std::vector<ShapeVars>> infer_shape(
      const Apply& node, const std::vector<ShapeVars>& input_shapes) const override;
  std::vector<Var> L_op(const Apply& node, const std::vector<Var>& output_grads) const override;
  std::vector<Var> R_op(const Apply& node, const std::vector<Var>& eval_points) const override;
  std::vector<std::vector<bool>> connection_pattern(const Apply& node) const override;

 private:
  DiagAxes a_;
};

/// The diagonal view of `a` for `axes` (shared by both diagonal ops).
NDArray diagonal_view(const NDArray& a, const DiagAxes& axes);

}  // namespace theano::tensor_ops
