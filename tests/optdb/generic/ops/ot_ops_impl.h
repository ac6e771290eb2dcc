// Internal: the classes behind ot_ops.h.
#pragma once

#include "ot_ops.h"
#include "theano/optdb/inplace.h"

namespace ot {

using theano::Apply;
using theano::ApplyPtr;
using theano::InputRefs;
using theano::OpPtr;
using theano::OutputRefs;
using theano::Props;
using theano::ShapeVars;

/// "OT<fn>": one- or two-input elementwise op with an optional in-place input.
class ElemOp final : public theano::Op, public theano::optdb::InplaceCapable {
 public:
  ElemOp(std::string fn, int inplace) : fn_(std::move(fn)), inplace_(inplace) {}
  std::string name() const override { return "OT" + fn_; }
  Props props() const override { return Props{{"inplace", inplace_}}; }
  ApplyPtr make_node(std::vector<Var> inputs) const override;
  void perform(const Apply& node, InputRefs in, OutputRefs out) const override;
  std::optional<std::vector<ShapeVars>> infer_shape(
      const Apply& node, const std::vector<ShapeVars>& shapes) const override;
  std::vector<Var> L_op(const Apply& node, const std::vector<Var>& grads) const override;
  theano::IOMap destroy_map() const override {
    return inplace_ >= 0 ? theano::IOMap{{0, {inplace_}}} : theano::IOMap{};
  }
  std::vector<std::pair<int, int>> inplace_candidates(const Apply& node) const override;
  OpPtr with_inplace(const Apply& node, int output, int input) const override;

 private:
  int arity() const;
  std::string fn_;
  int inplace_;
};

/// OTSum: the sum of all elements, as a 0-d tensor.
class SumOp final : public theano::Op {
 public:
  std::string name() const override { return "OTSum"; }
  ApplyPtr make_node(std::vector<Var> inputs) const override;
  void perform(const Apply& node, InputRefs in, OutputRefs out) const override;
  std::optional<std::vector<ShapeVars>> infer_shape(
      const Apply& node, const std::vector<ShapeVars>& shapes) const override;
  std::vector<Var> L_op(const Apply& node, const std::vector<Var>& grads) const override;
};

/// OTFill(value, like): `value` (0-d) broadcast to the shape of `like`.
class FillOp final : public theano::Op {
 public:
  std::string name() const override { return "OTFill"; }
  ApplyPtr make_node(std::vector<Var> inputs) const override;
  void perform(const Apply& node, InputRefs in, OutputRefs out) const override;
  std::optional<std::vector<ShapeVars>> infer_shape(
      const Apply& node, const std::vector<ShapeVars>& shapes) const override;
  std::vector<Var> L_op(const Apply& node, const std::vector<Var>& grads) const override;
};

}  // namespace ot
