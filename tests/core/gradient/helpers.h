// Shared helpers of the gradient tests: initialisation with the test ops,
// evaluating small graphs, and ops with deliberately chosen gradients.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "testops/testops.h"
#include "theano/core/function.h"
#include "theano/core/gradient.h"
#include "theano/tensor.h"

namespace theano::gradtest {

namespace T = theano::tensor;

inline void init() {
  testops::init();
}

/// Compiles outputs(inputs) and calls it once with `args`.
inline std::vector<Value> eval(const std::vector<Var>& inputs, const std::vector<Var>& outputs,
                               const std::vector<Value>& args) {
  FunctionOptions options;
  options.on_unused_input = "ignore";
  return function(std::vector<In>(inputs.begin(), inputs.end()),
                  std::vector<Out>(outputs.begin(), outputs.end()), options)(args);
}

inline NDArray eval1(const std::vector<Var>& inputs, const Var& output,
                     const std::vector<Value>& args) {
  return eval(inputs, {output}, args).at(0).array();
}

inline NDArray dvec(std::initializer_list<double> v) {
  return NDArray::from_values<double>(v);
}
inline NDArray dscal(double v) {
  return NDArray::scalar<double>(v);
}

/// Elementwise and within tolerance, with both arrays in the failure message.
inline ::testing::AssertionResult close(const NDArray& got, const NDArray& want, double rtol = 1e-9,
                                        double atol = 1e-12) {
  if (got.shape() != want.shape()) {
    return ::testing::AssertionFailure()
           << "shape " << shape_str(got.shape()) << " != " << shape_str(want.shape());
  }
  if (allclose(got.astype(DType::Float64), want.astype(DType::Float64), rtol, atol)) {
    return ::testing::AssertionSuccess();
  }
  return ::testing::AssertionFailure() << "got\n" << got.str() << "\nwant\n" << want.str();
}

/// Every variable of `outputs`' graph whose dtype is float64.
inline std::vector<std::string> float64_variables(const std::vector<Var>& outputs) {
  std::vector<std::string> found;
  for (Variable* v : ancestors(outputs)) {
    auto tt = as_tensor_type(v->type());
    if (tt && tt->dtype() == DType::Float64) {
      found.push_back(v->str() + (v->owner() ? " from " + v->owner()->op().display() : ""));
    }
  }
  return found;
}

/// y = x * x on float arrays whose L_op is `g * x * factor` (factor 2 is
/// right, anything else wrong): verify_grad must tell them apart.
class SquareOp final : public Op {
 public:
  explicit SquareOp(int factor) : factor_(factor) {}
  std::string name() const override { return "GradTestSquare"; }
  Props props() const override { return Props{{"factor", factor_}}; }
  ApplyPtr make_node(std::vector<Var> inputs) const override {
    return build(inputs, {inputs.at(0)->type()});
  }
  void perform(const Apply&, InputRefs in, OutputRefs out) const override {
    NDArray x = in[0].array().astype(DType::Float64);
    std::vector<double> v = x.to_vector<double>();
    for (double& e : v) e *= e;
    out[0] = NDArray::from_vector(v, x.shape()).astype(in[0].array().dtype());
  }
  std::vector<Var> L_op(const Apply& node, const std::vector<Var>& g) const override {
    Var twice = node.input(0);
    for (int k = 1; k < factor_; ++k) twice = testops::add(twice, node.input(0));
    return {testops::mul(g[0], twice)};
  }

 private:
  int factor_;
};

/// Two outputs: out0 = a, out1 = b (copies); connection pattern says so.
class SplitPairOp final : public Op {
 public:
  std::string name() const override { return "GradTestSplitPair"; }
  ApplyPtr make_node(std::vector<Var> inputs) const override {
    TypePtr a = inputs.at(0)->type(), b = inputs.at(1)->type();
    return build(inputs, {a, b});
  }
  void perform(const Apply&, InputRefs in, OutputRefs out) const override {
    out[0] = Value(in[0].array().copy());
    out[1] = Value(in[1].array().copy());
  }
  std::vector<std::vector<bool>> connection_pattern(const Apply&) const override {
    return {{true, false}, {false, true}};
  }
  std::vector<Var> L_op(const Apply&, const std::vector<Var>& g) const override {
    ++calls;
    return {g[0], g[1]};
  }
  mutable int calls = 0;
};

/// An op whose L_op breaks the contract in a chosen way.
class BadGradOp final : public Op {
 public:
  enum class Fault { TooFew, WrongNdim };
  explicit BadGradOp(Fault fault) : fault_(fault) {}
  std::string name() const override { return "GradTestBad"; }
  ApplyPtr make_node(std::vector<Var> inputs) const override {
    return build(inputs, {inputs.at(0)->type()});
  }
  void perform(const Apply&, InputRefs in, OutputRefs out) const override { out[0] = in[0]; }
  std::vector<Var> L_op(const Apply&, const std::vector<Var>& g) const override {
    if (fault_ == Fault::TooFew) return {};
    return {T::shape_padleft(T::TensorVar(g[0]))};
  }

 private:
  Fault fault_;
};

}  // namespace theano::gradtest
