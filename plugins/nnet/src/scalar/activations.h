// The activation functions as scalar ops (sigmoid, softplus, softsign,
// ultra_fast_sigmoid): the elemwise plugin applies them elementwise and fuses
// them into Composites through their C expressions.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "theano/plugin_api/scalar_op.h"

namespace theano::nnet {

/// A unary float activation: one kernel per float width, a C expression
/// template ("$0" is the argument, "$F" the suffix "f" for float32 or "" for
/// float64, "$T" the C type) and a gradient rule.
struct ActivationSpec {
  std::string name;
  std::string doc;
  float (*f32)(float);
  double (*f64)(double);
  std::string c_template;
  /// Gradient w.r.t. x from (x, out, gz); null: no gradient.
  std::function<Var(const Var& x, const Var& out, const Var& gz)> grad;
};

class ActivationOp final : public ScalarOp {
 public:
  explicit ActivationOp(ActivationSpec spec) : spec_(std::move(spec)) {}
  std::string scalar_name() const override { return spec_.name; }
  int nin() const override { return 1; }
  std::vector<DType> output_dtypes(const std::vector<DType>& in) const override;
  LoopSignature loop_signature(const std::vector<DType>& in) const override;
  ScalarLoop make_loop(const LoopSignature& sig) const override;
  std::string c_expr(const LoopSignature& sig, const std::vector<std::string>& args) const override;
  std::string c_support_code() const override;
  std::vector<Var> grad(const std::vector<Var>& inputs, const std::vector<Var>& outputs,
                        const std::vector<Var>& output_grads) const override;
  const std::string& doc() const { return spec_.doc; }

 private:
  ActivationSpec spec_;
};

/// sigmoid, softplus, softsign, ultra_fast_sigmoid.
std::vector<std::shared_ptr<const ActivationOp>> activation_ops();

/// The dtype a float activation computes in for input dtype `d` (integers and
/// bool upgrade as in NumPy: small ones to float32, others to float64).
DType activation_dtype(DType d);

}  // namespace theano::nnet
