// Shared helpers of the BLAS plugin tests: compiling small functions,
// comparing with tolerances by dtype, and looking into compiled graphs.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "theano/core/function.h"
#include "theano/core/init.h"
#include "theano/tensor.h"

namespace theano::testing {

namespace T = theano::tensor;

inline void init() {
  theano::initialize();
}

inline Function compile(const std::vector<Var>& inputs, const std::vector<Var>& outputs,
                        FunctionOptions options = {}) {
  std::vector<In> ins(inputs.begin(), inputs.end());
  std::vector<Out> outs(outputs.begin(), outputs.end());
  return function(ins, outs, std::move(options));
}

/// A function whose first input may be overwritten in place (marked
/// mutable, with in-place ops accepted): the accumulator of Gemm / Gemv / Ger.
inline Function compile_inplace(const std::vector<Var>& inputs, const Var& output) {
  std::vector<In> ins(inputs.begin(), inputs.end());
  ins.at(0).mutable_ = true;
  FunctionOptions options;
  options.accept_inplace = true;
  return function(ins, {Out(output)}, options);
}

inline NDArray eval1(const std::vector<Var>& inputs, const Var& output,
                     const std::vector<Value>& args) {
  return compile(inputs, {output})(args).at(0).array();
}

/// Tolerances by dtype: exact for integers.
inline ::testing::AssertionResult close(const NDArray& got, const NDArray& want) {
  if (got.shape() != want.shape()) {
    return ::testing::AssertionFailure()
           << "shape " << shape_str(got.shape()) << " != " << shape_str(want.shape());
  }
  if (got.dtype() != want.dtype()) {
    return ::testing::AssertionFailure()
           << "dtype " << dtype_name(got.dtype()) << " != " << dtype_name(want.dtype());
  }
  bool ok = false;
  if (is_discrete(want.dtype())) {
    ok = array_equal(got, want);
  } else {
    bool single = want.dtype() == DType::Float32 || want.dtype() == DType::Complex64;
    DType wide = is_complex(want.dtype()) ? DType::Complex128 : DType::Float64;
    ok =
        allclose(got.astype(wide), want.astype(wide), single ? 1e-4 : 1e-10, single ? 1e-4 : 1e-10);
  }
  if (ok) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "got\n" << got.str() << "\nwant\n" << want.str();
}

/// Display names of the nodes of a compiled function's graph.
inline std::vector<std::string> node_names(const Function& f) {
  std::vector<std::string> names;
  for (const Apply* n : f.fgraph().apply_nodes()) names.push_back(n->op().display());
  return names;
}

inline int count_op(const Function& f, const std::string& op_name) {
  int n = 0;
  for (const Apply* a : f.fgraph().apply_nodes()) n += a->op().name() == op_name;
  return n;
}

inline std::string graph_str(const Function& f) {
  std::string s;
  for (const auto& n : node_names(f)) s += n + "; ";
  return s;
}

/// A float64 matrix with entries i*cols + j + 1 scaled by `scale`.
inline NDArray ramp(Shape shape, double scale = 0.1, DType dtype = DType::Float64) {
  NDArray a = NDArray::empty(DType::Float64, shape);
  double* p = a.data<double>();
  for (std::int64_t i = 0; i < a.size(); ++i) p[i] = scale * static_cast<double>((i * 7) % 11 - 5);
  return a.astype(dtype);
}

/// The reference product of 2-D arrays in float64 (C-order copies).
inline NDArray ref_matmul(const NDArray& a, const NDArray& b) {
  NDArray x = a.astype(DType::Float64).ascontiguous(), y = b.astype(DType::Float64).ascontiguous();
  NDArray out = NDArray::zeros(DType::Float64, {x.dim(0), y.dim(1)});
  for (std::int64_t i = 0; i < x.dim(0); ++i)
    for (std::int64_t j = 0; j < y.dim(1); ++j) {
      double s = 0;
      for (std::int64_t k = 0; k < x.dim(1); ++k) s += x.at({i, k}) * y.at({k, j});
      out.data<double>()[i * y.dim(1) + j] = s;
    }
  return out;
}

}  // namespace theano::testing
