// Shared helpers of the structural-op tests: compiling and running small
// functions, comparing arrays, loading golden files, and listing the ops of
// a compiled graph.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <type_traits>
#include <vector>

#include "theano/core/config.h"
#include "theano/core/function.h"
#include "theano/core/init.h"
#include "theano/tensor.h"

namespace theano::testing {

namespace T = theano::tensor;

inline void init() {
  theano::initialize();
}

inline std::vector<Value> eval(const std::vector<Var>& inputs, const std::vector<Var>& outputs,
                               const std::vector<Value>& args, FunctionOptions options = {}) {
  std::vector<In> ins(inputs.begin(), inputs.end());
  std::vector<Out> outs(outputs.begin(), outputs.end());
  if (options.on_unused_input.empty()) options.on_unused_input = "ignore";
  return function(ins, outs, std::move(options))(args);
}

inline NDArray eval1(const std::vector<Var>& inputs, const Var& output,
                     const std::vector<Value>& args, FunctionOptions options = {}) {
  return eval(inputs, {output}, args, std::move(options)).at(0).array();
}

/// Evaluates a graph without inputs.
inline NDArray eval0(const Var& output) {
  return eval1({}, output, {});
}

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

template <class V>
NDArray arr(std::initializer_list<V> values) {
  return NDArray::from_values<V>(values);
}
template <class V>
NDArray arr(std::initializer_list<V> values, Shape shape) {
  return NDArray::from_values<V>(values, std::move(shape));
}

/// A golden array of tests/data/tensor/structure.
inline NDArray golden(const std::string& name) {
  return load_npy(std::string(THEANO_TENSOR_DATA_DIR) + "/structure/" + name + ".npy");
}

/// The op names of a compiled function's graph, in topological order.
inline std::vector<std::string> op_names(const Function& f) {
  std::vector<std::string> out;
  const FunctionGraph& fg = f.fgraph();
  for (const auto& node : io_toposort(fg.inputs(), fg.outputs())) out.push_back(node->op().name());
  return out;
}

inline bool has_op(const Function& f, const std::string& name) {
  for (const std::string& n : op_names(f))
    if (n == name) return true;
  return false;
}

/// A float32 array of `shape` with values 0.5 * i - 1 (no two equal).
inline NDArray ramp(Shape shape) {
  std::vector<float> v(static_cast<std::size_t>(shape_size(shape)));
  for (std::size_t i = 0; i < v.size(); ++i) v[i] = 0.5f * static_cast<float>(i) - 1.0f;
  return NDArray::from_vector(v, std::move(shape));
}

/// Checks that `what()` of the exception thrown by `fn` contains `needle`.
template <class E, class F>
::testing::AssertionResult throws_with(F&& fn, const std::string& needle) {
  try {
    fn();
  } catch (const std::exception& e) {
    if constexpr (!std::is_same_v<E, std::exception>) {
      if (!dynamic_cast<const E*>(&e))
        return ::testing::AssertionFailure() << "threw another exception: " << e.what();
    }
    if (std::string(e.what()).find(needle) != std::string::npos)
      return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << "message '" << e.what() << "' lacks '" << needle << "'";
  }
  return ::testing::AssertionFailure() << "did not throw";
}

}  // namespace theano::testing
