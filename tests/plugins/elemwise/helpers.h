// Shared helpers of the elemwise plugin tests: compiling and running small
// functions, and comparing results with tolerances.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "theano/core/function.h"
#include "theano/core/init.h"
#include "theano/tensor.h"

namespace theano::testing {

namespace T = theano::tensor;

/// Loads the plugins once (gtest environment-free: every test calls it).
inline void init() {
  theano::initialize();
}

/// Compiles outputs(inputs) and calls it once.
inline std::vector<Value> eval(const std::vector<Var>& inputs, const std::vector<Var>& outputs,
                               const std::vector<Value>& args, FunctionOptions options = {}) {
  std::vector<In> ins(inputs.begin(), inputs.end());
  std::vector<Out> outs(outputs.begin(), outputs.end());
  return function(ins, outs, std::move(options))(args);
}

inline NDArray eval1(const std::vector<Var>& inputs, const Var& output,
                     const std::vector<Value>& args, FunctionOptions options = {}) {
  return eval(inputs, {output}, args, std::move(options)).at(0).array();
}

/// NumPy's allclose with a message listing both arrays on failure.
inline ::testing::AssertionResult close(const NDArray& got, const NDArray& want, double rtol = 1e-6,
                                        double atol = 1e-7) {
  if (got.shape() != want.shape()) {
    return ::testing::AssertionFailure()
           << "shape " << shape_str(got.shape()) << " != " << shape_str(want.shape());
  }
  if (allclose(got.astype(DType::Float64), want.astype(DType::Float64), rtol, atol, true)) {
    return ::testing::AssertionSuccess();
  }
  return ::testing::AssertionFailure() << "got\n" << got.str() << "\nwant\n" << want.str();
}

/// A 1-d array, or one of `shape`.
template <class T>
NDArray arr(std::initializer_list<T> values) {
  return NDArray::from_values<T>(values);
}
template <class T>
NDArray arr(std::initializer_list<T> values, Shape shape) {
  return NDArray::from_values<T>(values, std::move(shape));
}

}  // namespace theano::testing
