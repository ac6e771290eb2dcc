// Scalar ops that need more than a table entry: Cast (a dtype prop), Second
// (ignores its first input's values) and their registration helpers.
#pragma once

#include "theano/plugin_api/scalar_op.h"

namespace theano::elemwise {

/// Converts to a target dtype (NumPy astype semantics).
class CastOp final : public ScalarOp {
 public:
  explicit CastOp(DType to) : to_(to) {}
  DType target() const { return to_; }
  std::string scalar_name() const override { return "cast"; }
  std::string display() const override { return "Cast{" + std::string(dtype_name(to_)) + "}"; }
  Props props() const override { return Props{{"dtype", to_}}; }
  int nin() const override { return 1; }
  std::vector<DType> output_dtypes(const std::vector<DType>& in) const override;
  LoopSignature loop_signature(const std::vector<DType>& in) const override;
  ScalarLoop make_loop(const LoopSignature& sig) const override;
  std::string c_expr(const LoopSignature& sig, const std::vector<std::string>& args) const override;
  std::vector<Var> grad(const std::vector<Var>& inputs, const std::vector<Var>& outputs,
                        const std::vector<Var>& output_grads) const override;

 private:
  DType to_;
};

/// second(a, b): b, broadcast to the shape of a (Theano's fill).
class SecondOp final : public ScalarOp {
 public:
  std::string scalar_name() const override { return "second"; }
  int nin() const override { return 2; }
  std::vector<DType> output_dtypes(const std::vector<DType>& in) const override;
  LoopSignature loop_signature(const std::vector<DType>& in) const override;
  ScalarLoop make_loop(const LoopSignature& sig) const override;
  std::string c_expr(const LoopSignature& sig, const std::vector<std::string>& args) const override;
  std::vector<Var> grad(const std::vector<Var>& inputs, const std::vector<Var>& outputs,
                        const std::vector<Var>& output_grads) const override;
};

}  // namespace theano::elemwise
