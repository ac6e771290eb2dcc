// Searching and counting: Searchsorted (insertion points in a sorted
// vector), Bincount (occurrences of non-negative integers, optionally
// weighted) and Unique (sorted distinct values with index, inverse and
// counts), following NumPy.
#pragma once

#include "common.h"

namespace theano::tensor_ops::extra {

/// (a sorted 1-d, v[, sorter]) -> int64 insertion points with v's shape.
class SearchsortedOp final : public Op {
 public:
  explicit SearchsortedOp(std::string side);
  static OpPtr from_props(const Props& p);

  std::string name() const override { return "Searchsorted"; }
  Props props() const override { return Props{{"side", side_}}; }
  ApplyPtr make_node(std::vector<Var> inputs) const override;
  void perform(const Apply& node, InputRefs inputs, OutputRefs outputs) const override;
  std::optional<std::vector<ShapeVars>> infer_shape(
      const Apply& node, const std::vector<ShapeVars>& input_shapes) const override;
  std::vector<Var> L_op(const Apply& node, const std::vector<Var>& output_grads) const override;
  std::vector<std::vector<bool>> connection_pattern(const Apply& node) const override;

 private:
  std::string side_;
};

/// (x non-negative int vector[, weights]) -> counts of length
/// max(max(x) + 1, minlength): int64, or the weights' dtype.
class BincountOp final : public Op {
 public:
  explicit BincountOp(std::int64_t minlength);
  static OpPtr from_props(const Props& p);

  std::string name() const override { return "Bincount"; }
  Props props() const override { return Props{{"minlength", minlength_}}; }
  ApplyPtr make_node(std::vector<Var> inputs) const override;
  void perform(const Apply& node, InputRefs inputs, OutputRefs outputs) const override;
  std::vector<Var> L_op(const Apply& node, const std::vector<Var>& output_grads) const override;
  std::vector<std::vector<bool>> connection_pattern(const Apply& node) const override;

 private:
  std::int64_t minlength_;
};

/// x (flattened) -> sorted unique values, then as flagged: the index of
/// each value's first occurrence, the inverse (x.size indices rebuilding
/// x), the counts. All NaNs count as one value, as NumPy 1.24 does.
class UniqueOp final : public Op {
 public:
  UniqueOp(bool return_index, bool return_inverse, bool return_counts)
      : index_(return_index), inverse_(return_inverse), counts_(return_counts) {}
  static OpPtr from_props(const Props& p);

  std::string name() const override { return "Unique"; }
  Props props() const override;
  ApplyPtr make_node(std::vector<Var> inputs) const override;
  void perform(const Apply& node, InputRefs inputs, OutputRefs outputs) const override;
  std::optional<std::vector<ShapeVars>> infer_shape(
      const Apply& node, const std::vector<ShapeVars>& input_shapes) const override;
  std::vector<Var> L_op(const Apply& node, const std::vector<Var>& output_grads) const override;

 private:
  bool index_, inverse_, counts_;
};

}  // namespace theano::tensor_ops::extra
