// Subtensor (basic slicing and integer indexing, a zero-copy view) and
// IncSubtensor (x with the selected region set to or incremented by y; the
// in-place variant overwrites x). Both take the symbolic parts of their
// index list as trailing 0-d integer inputs.
#pragma once

#include "index_spec.h"
#include "theano/optdb/inplace.h"

namespace theano::tensor_ops::indexing {

class SubtensorOp final : public Op {
 public:
  explicit SubtensorOp(IdxList idx);
  static OpPtr from_props(const Props& props);
  const IdxList& idx_list() const { return idx_; }

  std::string name() const override { return "Subtensor"; }
  Props props() const override { return Props{{"idx_list", encode_idx(idx_)}}; }
  /// "Subtensor{1:-1, ::-1, $}".
  std::string display() const override;
  ApplyPtr make_node(std::vector<Var> inputs) const override;
  void perform(const Apply& node, InputRefs inputs, OutputRefs outputs) const override;
  std::optional<std::vector<ShapeVars>> infer_shape(
      const Apply& node, const std::vector<ShapeVars>& input_shapes) const override;
  std::vector<Var> L_op(const Apply& node, const std::vector<Var>& output_grads) const override;
  std::vector<Var> R_op(const Apply& node, const std::vector<Var>& eval_points) const override;
  std::vector<std::vector<bool>> connection_pattern(const Apply& node) const override;
  IOMap view_map() const override { return {{0, {0}}}; }

 private:
  IdxList idx_;
};

class IncSubtensorOp final : public Op, public optdb::InplaceCapable {
 public:
  IncSubtensorOp(IdxList idx, bool set_instead_of_inc, bool inplace = false);
  static OpPtr from_props(const Props& props);
  const IdxList& idx_list() const { return idx_; }
  bool set_instead_of_inc() const { return set_; }
  bool inplace() const { return inplace_; }

  std::string name() const override { return "IncSubtensor"; }
  Props props() const override;
  /// "IncSubtensor{Inc;1:}", "IncSubtensor{InplaceSet;::-1}".
  std::string display() const override;
  ApplyPtr make_node(std::vector<Var> inputs) const override;
  void perform(const Apply& node, InputRefs inputs, OutputRefs outputs) const override;
  std::optional<std::vector<ShapeVars>> infer_shape(
      const Apply& node, const std::vector<ShapeVars>& input_shapes) const override;
  std::vector<Var> L_op(const Apply& node, const std::vector<Var>& output_grads) const override;
  std::vector<Var> R_op(const Apply& node, const std::vector<Var>& eval_points) const override;
  std::vector<std::vector<bool>> connection_pattern(const Apply& node) const override;
  IOMap destroy_map() const override { return inplace_ ? IOMap{{0, {0}}} : IOMap{}; }

  std::vector<std::pair<int, int>> inplace_candidates(const Apply& node) const override;
  OpPtr with_inplace(const Apply& node, int output, int input) const override;

 private:
  IdxList idx_;
  bool set_;
  bool inplace_;
};

/// Checks that only Int / Slice entries are used and that the node's index
/// inputs (from `first`) are 0-d integers; shared by both ops.
void check_basic_index_inputs(const Op& op, const IdxList& idx, const std::vector<Var>& inputs,
                              int first);
/// Checks that y (dtype, ndim, static dims) can be written into a region of
/// static shape `region`; TypeError / ValueError naming the op otherwise.
void check_update_value(const Op& op, const TensorType& x, const TensorType& y,
                        const StaticShape& region);

}  // namespace theano::tensor_ops::indexing
