// Internal: the op classes of the test plugin.
#pragma once

#include <string>

#include "testops/testops.h"
#include "theano/core/registry.h"

namespace testops {

using namespace theano;

/// Elementwise binary op on same-shape float arrays: "TestAdd" or "TestMul".
class BinaryOp final : public Op {
 public:
  BinaryOp(std::string name, bool inplace) : name_(std::move(name)), inplace_(inplace) {}
  std::string name() const override { return name_; }
  Props props() const override { return Props{{"inplace", inplace_}}; }
  ApplyPtr make_node(std::vector<Var> inputs) const override;
  void perform(const Apply& node, InputRefs in, OutputRefs out) const override;
  std::optional<std::vector<ShapeVars>> infer_shape(const Apply& node,
                                                    const std::vector<ShapeVars>& shapes) const override;
  std::vector<Var> L_op(const Apply& node, const std::vector<Var>& grads) const override;
  IOMap destroy_map() const override { return inplace_ ? IOMap{{0, {0}}} : IOMap{}; }

 private:
  std::string name_;
  bool inplace_;
};

/// Single-input op; `kind` selects the behaviour: neg, sum, view, fail, counter, to_fake.
class UnaryOp final : public Op {
 public:
  explicit UnaryOp(std::string kind) : kind_(std::move(kind)) {}
  std::string name() const override;
  ApplyPtr make_node(std::vector<Var> inputs) const override;
  void perform(const Apply& node, InputRefs in, OutputRefs out) const override;
  IOMap view_map() const override { return kind_ == "view" ? IOMap{{0, {0}}} : IOMap{}; }
  std::vector<Var> L_op(const Apply& node, const std::vector<Var>& grads) const override;
  bool do_constant_folding(const Apply&) const override { return kind_ != "counter"; }

 private:
  std::string kind_;
};

/// Lazy conditional: inputs (cond, then, else).
class IfElseOp final : public Op, public LazyOp {
 public:
  std::string name() const override { return "TestIfElse"; }
  ApplyPtr make_node(std::vector<Var> inputs) const override;
  void perform(const Apply& node, InputRefs in, OutputRefs out) const override;
  const LazyOp* as_lazy() const override { return this; }
  std::vector<int> lazy_perform(const Apply& node, InputRefs in, const std::vector<bool>& computed,
                                OutputRefs out) const override;
};

}  // namespace testops
