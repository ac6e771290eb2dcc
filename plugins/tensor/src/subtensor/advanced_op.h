// AdvancedSubtensor / AdvancedBooleanSubtensor (general NumPy advanced
// indexing: broadcast integer index arrays and boolean masks mixed with
// slices and new axes; a copy) and the matching AdvancedIncSubtensor /
// AdvancedBooleanIncSubtensor (set, or add with numpy.add.at semantics).
// One class each; the Boolean names are used when the index has a mask.
#pragma once

#include "index_spec.h"
#include "theano/optdb/inplace.h"

namespace theano::tensor_ops::indexing {

class AdvancedSubtensorOp final : public Op {
 public:
  explicit AdvancedSubtensorOp(IdxList idx);
  static OpPtr from_props(const Props& props);
  static OpPtr boolean_from_props(const Props& props);
  const IdxList& idx_list() const { return idx_; }

  std::string name() const override;
  Props props() const override { return Props{{"idx_list", encode_idx(idx_)}}; }
  std::string display() const override { return name() + "{" + idx_str(idx_) + "}"; }
  ApplyPtr make_node(std::vector<Var> inputs) const override;
  void perform(const Apply& node, InputRefs inputs, OutputRefs outputs) const override;
  std::optional<std::vector<ShapeVars>> infer_shape(
      const Apply& node, const std::vector<ShapeVars>& input_shapes) const override;
  std::vector<Var> L_op(const Apply& node, const std::vector<Var>& output_grads) const override;
  std::vector<Var> R_op(const Apply& node, const std::vector<Var>& eval_points) const override;
  std::vector<std::vector<bool>> connection_pattern(const Apply& node) const override;

 private:
  IdxList idx_;
};

class AdvancedIncSubtensorOp final : public Op, public optdb::InplaceCapable {
 public:
  AdvancedIncSubtensorOp(IdxList idx, bool set_instead_of_inc, bool inplace = false);
  static OpPtr from_props(const Props& props);
  static OpPtr boolean_from_props(const Props& props);

  std::string name() const override;
  Props props() const override;
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

/// True when `idx` has a boolean mask entry.
bool has_mask(const IdxList& idx);

}  // namespace theano::tensor_ops::indexing
