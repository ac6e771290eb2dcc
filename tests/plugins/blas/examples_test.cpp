// The registration of the plugin: every op has example cases that pass every
// check of the plugin test harness (they run, their gradients agree with
// finite differences, infer_shape, R_op, props, aliasing); the blas.threads flag is
// validated and leaves results unchanged; bool and float16 dots.
#include <map>

#include "helpers.h"
#include "theano/core/config.h"
#include "theano/core/registry.h"
#include "theano/testing/checks.h"
#include "theano/testing/gtest.h"

namespace theano::testing {
namespace {

TEST(BlasExamples, EveryOpHasExamplesThatPassEveryHarnessCheck) {
  init();
  for (const char* name :
       {"Dot", "Dot22", "Dot22Scalar", "Gemm", "Gemv", "Ger", "BatchedDot", "TensorDot"}) {
    const OpSchema* schema = Registry::global().find_op(name);
    ASSERT_NE(schema, nullptr) << name;
    EXPECT_EQ(schema->provider, "theano.ops.blas") << name;
    EXPECT_FALSE(schema->examples.empty()) << name;
    // Among the checks: every example runs and its gradient agrees with
    // finite differences (check_grad with the default input types).
    EXPECT_CHECK_PASSES(run_all_checks(*schema));
  }
}

TEST(BlasThreads, FlagIsValidatedAndResultsDoNotDependOnIt) {
  init();
  EXPECT_THROW(Config::global().set("blas.threads", "-1"), ConfigError);
  EXPECT_THROW(Config::global().set("blas.threads", "two"), ConfigError);
  auto x = T::fmatrix("x"), y = T::fmatrix("y");
  Function f = compile({x, y}, {T::dot(x, y)});
  NDArray a = ramp({300, 200}, 0.01, DType::Float32), b = ramp({200, 150}, 0.02, DType::Float32);
  std::vector<NDArray> results;
  for (const char* n : {"0", "1", "2"}) {
    ScopedFlags flags(std::map<std::string, std::string>{{"blas.threads", n}});
    results.push_back(f({a, b}).at(0).array());
  }
  EXPECT_TRUE(close(results[1], results[0]));
  EXPECT_TRUE(close(results[2], results[0]));
  EXPECT_TRUE(close(results[0], ref_matmul(a, b).astype(DType::Float32)));
}

TEST(BlasDtypes, BoolAndFloat16Dots) {
  init();
  auto p = T::tensor(DType::Bool, 2, "p"), q = T::tensor(DType::Bool, 2, "q");
  NDArray pa = NDArray::from_values<bool>({true, false, false, false}, {2, 2});
  NDArray qa = NDArray::from_values<bool>({false, true, true, false}, {2, 2});
  // NumPy: [[F, T], [F, F]] (any of the elementwise ands).
  NDArray want = NDArray::from_values<bool>({false, true, false, false}, {2, 2});
  EXPECT_TRUE(array_equal(eval1({p, q}, T::dot(p, q), {pa, qa}), want));
  auto h = T::tensor(DType::Float16, 2, "h");
  NDArray ha = ramp({3, 3}, 0.5, DType::Float16);
  NDArray got = eval1({h}, T::dot(h, h), {ha});
  EXPECT_EQ(got.dtype(), DType::Float16);
  NDArray ref = ref_matmul(ha, ha);
  EXPECT_TRUE(allclose(got.astype(DType::Float64), ref, 1e-2, 1e-2));
}

}  // namespace
}  // namespace theano::testing
