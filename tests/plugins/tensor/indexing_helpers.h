// Shared helpers of the indexing tests: compiling small functions, golden
// arrays, graph inspection and an error-message matcher.
#pragma once

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "theano/core/function.h"
#include "theano/core/gradient.h"
#include "theano/core/init.h"
#include "theano/tensor.h"

namespace theano::indexing_test {

namespace T = theano::tensor;

inline void init() {
  theano::initialize();
}

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

/// Options compiling with no rewrites at all (the ops as built).
inline FunctionOptions no_opt() {
  FunctionOptions o;
  o.mode = Mode::named("NO_OPT");
  return o;
}

inline ::testing::AssertionResult close(const NDArray& got, const NDArray& want, double rtol = 1e-7,
                                        double atol = 1e-9) {
  if (got.shape() != want.shape()) {
    return ::testing::AssertionFailure()
           << "shape " << shape_str(got.shape()) << " != " << shape_str(want.shape());
  }
  if (allclose(got.astype(DType::Float64), want.astype(DType::Float64), rtol, atol, true)) {
    return ::testing::AssertionSuccess();
  }
  return ::testing::AssertionFailure() << "got\n" << got.str() << "\nwant\n" << want.str();
}

/// tests/data/tensor/indexing/<name>.npy
inline NDArray golden(const std::string& name) {
  return load_npy(std::string(THEANO_TENSOR_DATA_DIR) + "/indexing/" + name + ".npy");
}

/// Names of the ops of the compiled graph, in schedule order.
inline std::vector<std::string> op_names(const Function& f) {
  std::vector<std::string> names;
  for (const Apply* n : f.fgraph().toposort()) names.push_back(n->op().name());
  return names;
}

inline int count_op(const Function& f, const std::string& name) {
  int n = 0;
  for (const std::string& s : op_names(f)) n += s == name;
  return n;
}

/// Runs `fn`, expecting an exception of type E whose message contains every `parts`.
template <class E>
::testing::AssertionResult throws_with(const std::function<void()>& fn,
                                       const std::vector<std::string>& parts) {
  try {
    fn();
  } catch (const E& e) {
    std::string msg = e.what();
    for (const std::string& p : parts) {
      if (msg.find(p) == std::string::npos) {
        return ::testing::AssertionFailure() << "message lacks '" << p << "': " << msg;
      }
    }
    return ::testing::AssertionSuccess();
  } catch (const std::exception& e) {
    return ::testing::AssertionFailure() << "wrong exception type: " << e.what();
  }
  return ::testing::AssertionFailure() << "nothing was thrown";
}

}  // namespace theano::indexing_test
