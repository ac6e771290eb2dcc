// Elemwise: a scalar op applied element by element to tensors with
// broadcasting. Props: the scalar op's name and props, and the in-place
// pattern (output k overwrites input i), shown as Elemwise{add,no_inplace}
// or Elemwise{add}[(0, 0)].
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "engine.h"
#include "theano/core/elemwise_info.h"
#include "theano/core/op.h"
#include "theano/optdb/inplace.h"
#include "theano/plugin_api/scalar_op.h"

namespace theano::elemwise {

class ElemwiseOp final : public Op,
                         public optdb::InplaceCapable,
                         public PrecheckedOp,
                         public ElemwiseInfo {
 public:
  explicit ElemwiseOp(std::shared_ptr<const ScalarOp> scalar, InplacePattern inplace = {});
  /// Builds from props {scalar_op, <scalar props>..., inplace_pattern}.
  static OpPtr from_props(const Props& props);

  const ScalarOp& scalar_op() const { return *scalar_; }
  const std::shared_ptr<const ScalarOp>& scalar_op_ptr() const { return scalar_; }
  const InplacePattern& inplace_pattern() const { return inplace_; }
  std::string_view scalar_op_name() const override { return scalar_name_; }
  bool is_inplace() const override { return !inplace_.empty(); }

  std::string name() const override { return "Elemwise"; }
  Props props() const override;
  std::string display() const override;
  ApplyPtr make_node(std::vector<Var> inputs) const override;
  void perform(const Apply& node, InputRefs inputs, OutputRefs outputs) const override;
  std::optional<Thunk> make_thunk(const Apply& node) const override;
  /// Broadcasting and in-place shapes; the scalar loops themselves never throw.
  void precheck(const Apply& node, InputRefs inputs) const override;
  std::optional<std::vector<ShapeVars>> infer_shape(
      const Apply& node, const std::vector<ShapeVars>& input_shapes) const override;
  std::vector<Var> L_op(const Apply& node, const std::vector<Var>& output_grads) const override;
  std::vector<Var> R_op(const Apply& node, const std::vector<Var>& eval_points) const override;
  std::vector<std::vector<bool>> connection_pattern(const Apply& node) const override;
  IOMap destroy_map() const override;

  /// Output k may overwrite input i when both have the same type and input i
  /// is not read again by this node through another input (itself or a view).
  std::vector<std::pair<int, int>> inplace_candidates(const Apply& node) const override;
  OpPtr with_inplace(const Apply& node, int output, int input) const override;

 private:
  std::shared_ptr<const ScalarOp> scalar_;
  InplacePattern inplace_;
  std::string scalar_name_;  // scalar_->scalar_name(), asked by every rewrite
};

/// The static shape of broadcasting tensors of these static shapes (all of
/// one ndim); throws ValueError naming `op` when two known sizes clash.
StaticShape broadcast_static(const std::string& op, const std::vector<StaticShape>& shapes);
/// The same, naming the op only when the shapes clash (`op_name()` may be
/// costly: a Composite's display prints its inner graph).
StaticShape broadcast_static(const std::function<std::string()>& op_name,
                             const std::vector<StaticShape>& shapes);

/// The scalar op of an Elemwise node, or nullptr for any other node.
const ElemwiseOp* as_elemwise(const Apply* node);

}  // namespace theano::elemwise
