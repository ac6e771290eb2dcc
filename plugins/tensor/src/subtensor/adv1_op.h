// AdvancedSubtensor1 (x[ivec]: rows gathered along axis 0, a copy) and
// AdvancedIncSubtensor1 (rows of x set to or incremented by y; repeated
// indices accumulate for inc, as numpy.add.at). Indices are bounds-checked.
#pragma once

#include "theano/core/op.h"
#include "theano/optdb/inplace.h"

namespace theano::tensor_ops::indexing {

class AdvancedSubtensor1Op final : public Op {
 public:
  static OpPtr from_props(const Props& props);
  std::string name() const override { return "AdvancedSubtensor1"; }
  ApplyPtr make_node(std::vector<Var> inputs) const override;
  void perform(const Apply& node, InputRefs inputs, OutputRefs outputs) const override;
  std::optional<std::vector<ShapeVars>> infer_shape(
      const Apply& node, const std::vector<ShapeVars>& input_shapes) const override;
  std::vector<Var> L_op(const Apply& node, const std::vector<Var>& output_grads) const override;
  std::vector<Var> R_op(const Apply& node, const std::vector<Var>& eval_points) const override;
  std::vector<std::vector<bool>> connection_pattern(const Apply& node) const override;
};

class AdvancedIncSubtensor1Op final : public Op, public optdb::InplaceCapable, public PrecheckedOp {
 public:
  explicit AdvancedIncSubtensor1Op(bool set_instead_of_inc, bool inplace = false)
      : set_(set_instead_of_inc), inplace_(inplace) {}
  static OpPtr from_props(const Props& props);
  bool set_instead_of_inc() const { return set_; }
  bool inplace() const { return inplace_; }

  std::string name() const override { return "AdvancedIncSubtensor1"; }
  Props props() const override {
    return Props{{"set_instead_of_inc", set_}, {"inplace", inplace_}};
  }
  std::string display() const override;
  ApplyPtr make_node(std::vector<Var> inputs) const override;
  void perform(const Apply& node, InputRefs inputs, OutputRefs outputs) const override;
  /// Rank, broadcasting and every index bound, checked without writing.
  void precheck(const Apply& node, InputRefs inputs) const override;
  std::optional<std::vector<ShapeVars>> infer_shape(
      const Apply& node, const std::vector<ShapeVars>& input_shapes) const override;
  std::vector<Var> L_op(const Apply& node, const std::vector<Var>& output_grads) const override;
  std::vector<Var> R_op(const Apply& node, const std::vector<Var>& eval_points) const override;
  std::vector<std::vector<bool>> connection_pattern(const Apply& node) const override;
  IOMap destroy_map() const override { return inplace_ ? IOMap{{0, {0}}} : IOMap{}; }

  std::vector<std::pair<int, int>> inplace_candidates(const Apply& node) const override;
  OpPtr with_inplace(const Apply& node, int output, int input) const override;

 private:
  bool set_;
  bool inplace_;
};

/// Checks that input `i` of `op` is an integer tensor of `ndim` dims (any
/// ndim when negative).
void check_index_array(const Op& op, int i, const Var& v, int ndim);

}  // namespace theano::tensor_ops::indexing
