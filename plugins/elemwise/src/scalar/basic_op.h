// BasicScalarOp: a scalar op described by a table entry (name, dtype rule,
// kernel factory, C expression, gradient) rather than by a class of its own.
// Every built-in scalar op except Cast, Switch, Second and Composite is one.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "theano/core/config.h"
#include "theano/plugin_api/scalar_op.h"
#include "theano/tensor.h"
#include "type_rules.h"

namespace theano::elemwise {

namespace T = theano::tensor;

/// What a gradient rule receives: the node's (broadcast) inputs, its output
/// and the output's gradient.
struct GradArgs {
  std::vector<T::TensorVar> x;
  T::TensorVar out;
  T::TensorVar gz;
};
using GradRule = std::function<std::vector<Var>(const GradArgs&)>;
using LoopFactory = ScalarLoop (*)(const std::string& op, const LoopSignature& sig);
/// Builds the C expression from the argument names and the loop signature.
using CExprRule = std::function<std::string(const LoopSignature&, const std::vector<std::string>&)>;

struct ScalarSpec {
  std::string name;
  int nin;  ///< -1: variadic
  std::string doc;
  OutRule rule;
  LoopFactory loop;
  CExprRule c_expr;
  /// Null: the gradient is zero (piecewise constant functions).
  GradRule grad;
  bool commutative = false;
  bool associative = false;
  std::optional<double> identity = std::nullopt;
  std::string c_support = {};
};

class BasicScalarOp final : public ScalarOp {
 public:
  explicit BasicScalarOp(ScalarSpec spec) : spec_(std::move(spec)) {}
  const ScalarSpec& spec() const { return spec_; }

  std::string scalar_name() const override { return spec_.name; }
  int nin() const override { return spec_.nin; }
  std::vector<DType> output_dtypes(const std::vector<DType>& in) const override {
    return {apply_rule(spec_.rule, spec_.name, in)};
  }
  LoopSignature loop_signature(const std::vector<DType>& in) const override {
    return rule_signature(spec_.rule, spec_.name, in);
  }
  ScalarLoop make_loop(const LoopSignature& sig) const override {
    return spec_.loop(spec_.name, sig);
  }
  std::string c_expr(const LoopSignature& sig,
                     const std::vector<std::string>& args) const override {
    return spec_.c_expr ? spec_.c_expr(sig, args) : std::string();
  }
  std::string c_support_code() const override { return spec_.c_support; }
  std::vector<Var> grad(const std::vector<Var>& inputs, const std::vector<Var>& outputs,
                        const std::vector<Var>& output_grads) const override;
  bool commutative() const override { return spec_.commutative; }
  bool associative() const override { return spec_.associative; }
  std::optional<double> identity() const override { return spec_.identity; }

 private:
  ScalarSpec spec_;
};

/// Gradient that is zero everywhere, shaped and typed like x[i] broadcast to gz.
Var zero_grad(const T::TensorVar& x, const T::TensorVar& gz);

/// "expf" for float32 loops, "exp" for float64 (C math naming).
std::string cfn(const LoopSignature& sig, const std::string& stem);
/// The C type name of a dtype in generated code ("float", "int64_t", ...).
std::string ctype(DType d);

/// All built-in table-described scalar ops, grouped by family.
std::vector<ScalarSpec> arithmetic_specs();
std::vector<ScalarSpec> comparison_specs();
std::vector<ScalarSpec> transcendental_specs();
std::vector<ScalarSpec> special_specs();

}  // namespace theano::elemwise
