// CAReduce: reduction along axes with a commutative, associative operation
// (sum, prod, max, min, all, any, bitwise xor), with output and accumulator
// dtypes. An optional `pre` prop (a Composite inner graph) applies an
// elementwise function to the inputs first, in the same pass: the fusion
// rewrite turns sum(x * x) into CAReduce{add, pre=sqr(i0)}(x), which never
// materialises x * x.
#pragma once

#include <memory>

#include "reduce_kernels.h"
#include "theano/core/fgraph.h"
#include "theano/core/op.h"

namespace theano::elemwise {

struct ReduceSpec {
  ReduceOp op;
  std::vector<std::int64_t> axes;  ///< sorted, distinct
  DType dtype;
  DType acc_dtype;
  std::shared_ptr<const FunctionGraph> pre;  ///< null: reduce the single input itself
};

class CAReduceOp final : public Op {
 public:
  explicit CAReduceOp(ReduceSpec spec);
  static OpPtr from_props(const Props& props);
  const ReduceSpec& spec() const { return spec_; }

  std::string name() const override { return "CAReduce"; }
  Props props() const override;
  /// "Sum{axis=(1,)}", "Max{axis=(0, 1)}", "Sum{axis=(1,),pre=Composite{sqr(i0)}}".
  std::string display() const override;
  ApplyPtr make_node(std::vector<Var> inputs) const override;
  void perform(const Apply& node, InputRefs inputs, OutputRefs outputs) const override;
  std::optional<Thunk> make_thunk(const Apply& node) const override;
  std::optional<std::vector<ShapeVars>> infer_shape(
      const Apply& node, const std::vector<ShapeVars>& input_shapes) const override;
  std::vector<Var> L_op(const Apply& node, const std::vector<Var>& output_grads) const override;
  std::vector<Var> R_op(const Apply& node, const std::vector<Var>& eval_points) const override;

 private:
  ReduceSpec spec_;
};

/// Argmax / Argmin along axes (several axes are flattened in C order):
/// the int64 index of the first extreme element; NaN counts as extreme.
class ArgReduceOp final : public Op {
 public:
  ArgReduceOp(bool is_max, std::vector<std::int64_t> axes);
  static OpPtr from_props_max(const Props& props);
  static OpPtr from_props_min(const Props& props);

  std::string name() const override { return max_ ? "Argmax" : "Argmin"; }
  Props props() const override { return Props{{"axis", PropValue::ints(axes_)}}; }
  ApplyPtr make_node(std::vector<Var> inputs) const override;
  void perform(const Apply& node, InputRefs inputs, OutputRefs outputs) const override;
  std::optional<std::vector<ShapeVars>> infer_shape(
      const Apply& node, const std::vector<ShapeVars>& input_shapes) const override;
  std::vector<Var> L_op(const Apply& node, const std::vector<Var>& output_grads) const override;

 private:
  bool max_;
  std::vector<std::int64_t> axes_;
};

}  // namespace theano::elemwise
