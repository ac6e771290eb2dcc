// Shared helpers of the extra-op tests (sort, cumulative ops, ifelse):
// compiling and running small functions, golden files, comparing arrays,
// and checking an op's infer_shape against the shapes it produces.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "testops/testops.h"
#include "theano/core/function.h"
#include "theano/core/gradient.h"
#include "theano/tensor.h"

namespace theano::extra_testing {

namespace T = theano::tensor;

/// Loads the plugins (and the test ops) once.
inline void init() {
  testops::init();
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

/// A golden array from tests/data/tensor/extra.
inline NDArray golden(const std::string& name) {
  return load_npy(std::string(THEANO_TENSOR_DATA_DIR) + "/extra/" + name + ".npy");
}

/// allclose (NaN equal to NaN) with both arrays in the message on failure.
inline ::testing::AssertionResult close(const NDArray& got, const NDArray& want, double rtol = 1e-6,
                                        double atol = 1e-7) {
  if (got.shape() != want.shape()) {
    return ::testing::AssertionFailure()
           << "shape " << shape_str(got.shape()) << " != " << shape_str(want.shape());
  }
  if (allclose(got.astype(DType::Float64), want.astype(DType::Float64), rtol, atol, true))
    return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "got\n" << got.str() << "\nwant\n" << want.str();
}

/// Exact equality of dtype, shape and values.
inline ::testing::AssertionResult same(const NDArray& got, const NDArray& want) {
  if (array_equal(got, want)) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "got " << got.summary() << "\n"
                                       << got.str() << "\nwant " << want.summary() << "\n"
                                       << want.str();
}

/// Evaluates the shape graph infer_shape builds for `out`'s node (each input
/// dim a fresh int64 variable bound to the actual size) and compares it with
/// the shapes the node produces for `args`.
inline ::testing::AssertionResult shapes_agree(const Var& out, const std::vector<Var>& inputs,
                                               const std::vector<Value>& args) {
  const Apply& node = *out->owner();
  std::vector<Value> in_values = eval(inputs, node.inputs(), args);
  std::vector<ShapeVars> dims;
  std::vector<Var> fn_inputs = inputs;
  std::vector<Value> fn_args = args;
  auto dim_type = TensorType::make(DType::Int64, 0);
  for (int i = 0; i < node.nin(); ++i) {
    ShapeVars d;
    for (std::int64_t size : in_values[i].array().shape()) {
      d.push_back(Variable::make(dim_type));
      fn_inputs.push_back(d.back());
      fn_args.emplace_back(NDArray::scalar<std::int64_t>(size));
    }
    dims.push_back(d);
  }
  auto predicted = node.op().infer_shape(node, dims);
  if (!predicted) return ::testing::AssertionFailure() << "infer_shape returned nullopt";
  std::vector<Value> actual = eval(inputs, node.outputs(), args);
  FunctionOptions opts;
  opts.on_unused_input = "ignore";
  for (int k = 0; k < node.nout(); ++k) {
    const Shape& shape = actual[k].array().shape();
    const ShapeVars& p = (*predicted)[k];
    if (p.size() != shape.size())
      return ::testing::AssertionFailure() << "output " << k << ": ndim " << p.size();
    if (p.empty()) continue;
    std::vector<Value> sizes = eval(fn_inputs, p, fn_args, opts);
    for (std::size_t d = 0; d < p.size(); ++d) {
      std::int64_t got = sizes[d].array().item<std::int64_t>();
      if (got != shape[d]) {
        return ::testing::AssertionFailure() << "output " << k << " dim " << d << ": infer_shape "
                                             << got << ", actual " << shape[d];
      }
    }
  }
  return ::testing::AssertionSuccess();
}

}  // namespace theano::extra_testing
