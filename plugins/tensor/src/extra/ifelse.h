// IfElse: the lazy conditional. Inputs (cond, then_1..then_n,
// else_1..else_n), n outputs; under a lazy-capable linker only the branch
// the 0-d condition selects is computed. Outputs are copies of the
// selected branch's values.
#pragma once

#include "common.h"

namespace theano::tensor_ops::extra {

class IfElseOp final : public Op, public LazyOp {
 public:
  explicit IfElseOp(std::int64_t n_outs, std::string label = {});
  static OpPtr from_props(const Props& p);
  std::int64_t n_outs() const { return n_; }

  std::string name() const override { return "IfElse"; }
  Props props() const override;
  ApplyPtr make_node(std::vector<Var> inputs) const override;
  void perform(const Apply& node, InputRefs inputs, OutputRefs outputs) const override;
  std::vector<int> lazy_perform(const Apply& node, InputRefs inputs,
                                const std::vector<bool>& computed,
                                OutputRefs outputs) const override;
  const LazyOp* as_lazy() const override { return this; }
  std::optional<std::vector<ShapeVars>> infer_shape(
      const Apply& node, const std::vector<ShapeVars>& input_shapes) const override;
  std::vector<Var> L_op(const Apply& node, const std::vector<Var>& output_grads) const override;
  std::vector<Var> R_op(const Apply& node, const std::vector<Var>& eval_points) const override;
  std::vector<std::vector<bool>> connection_pattern(const Apply& node) const override;

 private:
  std::int64_t n_;
  std::string label_;
};

/// Applies IfElse{n} to cond and the branch lists (equal lengths).
std::vector<Var> make_ifelse(const Var& cond, const std::vector<Var>& then_vars,
                             const std::vector<Var>& else_vars, const std::string& label = {});

/// The type both branch values fit: equal types, or tensors of one dtype,
/// ndim and device whose differing static sizes become unknown; nullptr
/// when the branches cannot be joined.
TypePtr join_branch_types(const TypePtr& a, const TypePtr& b);

}  // namespace theano::tensor_ops::extra
