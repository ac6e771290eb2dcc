// Every rank combination of dot, tensordot and batched_dot in every dtype
// against NumPy (tests/data/gen/gen_blas.py).
#include <functional>

#include "helpers.h"

namespace theano::testing {
namespace {

const std::vector<std::string> kDtypes = {"float32", "float64", "complex64", "complex128",
                                          "int32",   "int8",    "int64"};

NDArray load(const std::string& name, const std::string& dtype, const std::string& part) {
  return load_npy(std::string(THEANO_BLAS_DATA_DIR) + "/" + name + "_" + dtype + "_" + part +
                  ".npy");
}

using Build = std::function<T::TensorVar(const T::TensorVar&, const T::TensorVar&)>;

void check_case(const std::string& name, const Build& build) {
  init();
  for (const std::string& dt : kDtypes) {
    NDArray a = load(name, dt, "a"), b = load(name, dt, "b"), want = load(name, dt, "out");
    auto x = T::tensor(a.dtype(), a.ndim(), "x"), y = T::tensor(b.dtype(), b.ndim(), "y");
    NDArray got = eval1({x, y}, build(x, y), {a, b});
    EXPECT_TRUE(close(got, want)) << name << " " << dt;
  }
}

Build dot = [](const T::TensorVar& x, const T::TensorVar& y) { return T::dot(x, y); };
Build bdot = [](const T::TensorVar& x, const T::TensorVar& y) { return T::batched_dot(x, y); };

TEST(Golden, DotEveryRankCombination) {
  for (const char* c :
       {"dot_1_1", "dot_2_1", "dot_1_2", "dot_2_2", "dot_3_2", "dot_2_3", "dot_3_3"})
    check_case(c, dot);
}

TEST(Golden, TensorDot) {
  check_case("tensordot_2",
             [](const T::TensorVar& x, const T::TensorVar& y) { return T::tensordot(x, y, 2); });
  check_case("tensordot_axes", [](const T::TensorVar& x, const T::TensorVar& y) {
    return T::tensordot(x, y, {0, 2}, {1, 0});
  });
}

TEST(Golden, BatchedDot) {
  for (const char* c : {"batched_3_3", "batched_2_3", "batched_3_2", "batched_2_2"})
    check_case(c, bdot);
}

TEST(Golden, WithoutOptimizationToo) {
  // The unoptimized Dot / TensorDot ops compute the same values.
  init();
  FunctionOptions o;
  o.mode = Mode::named("FAST_COMPILE");
  for (const char* name : {"dot_2_2", "dot_2_1", "dot_3_2"}) {
    NDArray a = load(name, "float64", "a"), b = load(name, "float64", "b");
    auto x = T::tensor(DType::Float64, a.ndim()), y = T::tensor(DType::Float64, b.ndim());
    NDArray got = compile({x, y}, {T::dot(x, y)}, o)({a, b}).at(0).array();
    EXPECT_TRUE(close(got, load(name, "float64", "out"))) << name;
  }
}

TEST(Golden, MixedDtypesUpcast) {
  init();
  auto x = T::fmatrix("x");
  auto y = T::dmatrix("y");
  T::TensorVar z = T::dot(x, y);
  EXPECT_EQ(z.dtype(), DType::Float64);
  NDArray a = ramp({2, 3}, 0.5, DType::Float32), b = ramp({3, 2}, 0.25);
  EXPECT_TRUE(close(eval1({x, y}, z, {a, b}), ref_matmul(a, b)));
}

TEST(Golden, ScalarOperandMultiplies) {
  init();
  auto x = T::dmatrix("x");
  auto s = T::dscalar("s");
  NDArray a = ramp({2, 3});
  NDArray got = eval1({x, s}, T::dot(s, x), {a, NDArray::scalar(2.0)});
  EXPECT_DOUBLE_EQ(got.at({1, 2}), 2 * a.at({1, 2}));
}

}  // namespace
}  // namespace theano::testing
