// Shared helpers of the nnet plugin tests: golden arrays, compiling and
// running small functions, comparing with tolerances, and looking into
// compiled graphs.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "theano/core/function.h"
#include "theano/core/init.h"
#include "theano/tensor.h"

namespace theano::nnettest {

namespace T = theano::tensor;

inline void init() {
  theano::initialize();
}

/// tests/data/nnet/<name>.npy (made by tests/data/gen/gen_nnet.py).
inline NDArray golden(const std::string& name) {
  return load_npy(std::string(THEANO_NNET_DATA_DIR) + "/" + name + ".npy");
}

inline Function compile(const std::vector<Var>& inputs, const std::vector<Var>& outputs,
                        FunctionOptions options = {}) {
  std::vector<In> ins(inputs.begin(), inputs.end());
  std::vector<Out> outs(outputs.begin(), outputs.end());
  return function(ins, outs, std::move(options));
}

inline std::vector<Value> eval(const std::vector<Var>& inputs, const std::vector<Var>& outputs,
                               const std::vector<Value>& args) {
  return compile(inputs, outputs)(args);
}

inline NDArray eval1(const std::vector<Var>& inputs, const Var& output,
                     const std::vector<Value>& args) {
  return eval(inputs, {output}, args).at(0).array();
}

/// NumPy's allclose, listing both arrays on failure.
inline ::testing::AssertionResult close(const NDArray& got, const NDArray& want,
                                        double rtol = 1e-12, double atol = 1e-12) {
  if (got.shape() != want.shape()) {
    return ::testing::AssertionFailure()
           << "shape " << shape_str(got.shape()) << " != " << shape_str(want.shape());
  }
  if (allclose(got.astype(DType::Float64), want.astype(DType::Float64), rtol, atol, false))
    return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "got\n" << got.str() << "\nwant\n" << want.str();
}

/// True when every element is finite.
inline bool all_finite(const NDArray& a) {
  for (double v : a.to_vector<double>())
    if (!std::isfinite(v)) return false;
  return true;
}

/// The display names of the ops of a compiled function's graph (Elemwise
/// and Composite nodes by their display, which names the scalar ops).
inline std::string graph_ops(const Function& f) {
  std::string s;
  for (const Apply* n : f.fgraph().toposort()) s += n->op().display() + "\n";
  return s;
}

}  // namespace theano::nnettest
