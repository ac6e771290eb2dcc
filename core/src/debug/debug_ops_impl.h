// Internal: the Print and Assert op classes (front end in debug_ops.h).
#pragma once

#include <string>
#include <vector>

#include "theano/core/op.h"

namespace theano::debug {

/// x -> x (a view), writing a line about x's value each time it runs.
class PrintOp final : public Op {
 public:
  PrintOp(std::string message, std::vector<std::string> attrs);
  static OpPtr from_props(const Props& props);
  /// Every attribute name Print understands.
  static const std::vector<std::string>& known_attrs();

  std::string name() const override { return "Print"; }
  Props props() const override;
  ApplyPtr make_node(std::vector<Var> inputs) const override;
  void perform(const Apply& node, InputRefs inputs, OutputRefs outputs) const override;
  std::optional<std::vector<ShapeVars>> infer_shape(
      const Apply& node, const std::vector<ShapeVars>& input_shapes) const override;
  std::vector<Var> L_op(const Apply& node, const std::vector<Var>& output_grads) const override;
  std::vector<Var> R_op(const Apply& node, const std::vector<Var>& eval_points) const override;
  IOMap view_map() const override { return {{0, {0}}}; }
  bool do_constant_folding(const Apply&) const override { return false; }

  /// The line written for `value` (without the newline).
  std::string format(const Value& value) const;

 private:
  std::string message_;
  std::vector<std::string> attrs_;
};

/// (x, cond_1, ..., cond_n) -> x (a view), failing unless every element of
/// every condition is nonzero.
class AssertOp final : public Op {
 public:
  explicit AssertOp(std::string message) : message_(std::move(message)) {}
  static OpPtr from_props(const Props& props);

  std::string name() const override { return "Assert"; }
  Props props() const override { return Props{{"message", message_}}; }
  ApplyPtr make_node(std::vector<Var> inputs) const override;
  void perform(const Apply& node, InputRefs inputs, OutputRefs outputs) const override;
  std::optional<std::vector<ShapeVars>> infer_shape(
      const Apply& node, const std::vector<ShapeVars>& input_shapes) const override;
  std::vector<Var> L_op(const Apply& node, const std::vector<Var>& output_grads) const override;
  std::vector<std::vector<bool>> connection_pattern(const Apply& node) const override;
  IOMap view_map() const override { return {{0, {0}}}; }
  bool do_constant_folding(const Apply&) const override { return false; }

 private:
  std::string message_;
};

/// While one lives, Print ops run on this thread write nothing (DebugMode's
/// re-runs and reference evaluations would repeat every line).
class QuietPrints {
 public:
  QuietPrints();
  ~QuietPrints();
  QuietPrints(const QuietPrints&) = delete;
  QuietPrints& operator=(const QuietPrints&) = delete;
  static bool active();
};

/// Index of the first zero element of `cond` (C order), or -1 when all are nonzero.
std::int64_t first_false(const NDArray& cond);

}  // namespace theano::debug
