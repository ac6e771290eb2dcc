// DimShuffle: a zero-copy view that permutes axes, inserts broadcastable
// axes (-1, Theano's 'x') and drops axes of static size 1. Prop new_order.
#pragma once

#include <cstdint>
#include <vector>

#include "theano/core/op.h"

namespace theano::elemwise {

class DimShuffleOp final : public Op {
 public:
  explicit DimShuffleOp(std::vector<std::int64_t> new_order);
  static OpPtr from_props(const Props& props);
  const std::vector<std::int64_t>& new_order() const { return order_; }
  /// True when the op only inserts or removes broadcastable axes, keeping order.
  bool is_identity_for(int input_ndim) const;

  std::string name() const override { return "DimShuffle"; }
  Props props() const override { return Props{{"new_order", PropValue::ints(order_)}}; }
  /// "DimShuffle{x,0}".
  std::string display() const override;
  ApplyPtr make_node(std::vector<Var> inputs) const override;
  void perform(const Apply& node, InputRefs inputs, OutputRefs outputs) const override;
  std::optional<std::vector<ShapeVars>> infer_shape(
      const Apply& node, const std::vector<ShapeVars>& input_shapes) const override;
  std::vector<Var> L_op(const Apply& node, const std::vector<Var>& output_grads) const override;
  std::vector<Var> R_op(const Apply& node, const std::vector<Var>& eval_points) const override;
  IOMap view_map() const override { return {{0, {0}}}; }

  /// The view of `a` this op produces.
  NDArray view(const NDArray& a) const;

 private:
  std::vector<std::int64_t> order_;
};

/// `v` with `n` broadcastable axes added on the left (a DimShuffle node).
Var pad_left(const Var& v, int n);

}  // namespace theano::elemwise
