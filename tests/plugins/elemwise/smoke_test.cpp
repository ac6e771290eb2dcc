// First end-to-end checks: the plugin loads and simple graphs run.
#include "helpers.h"

namespace theano::testing {
namespace {

TEST(ElemwiseSmoke, AddTwoVectors) {
  init();
  auto x = T::fvector("x"), y = T::fvector("y");
  NDArray r = eval1({x, y}, x + y, {arr<float>({1, 2, 3}), arr<float>({10, 20, 30})});
  EXPECT_EQ(r.dtype(), DType::Float32);
  EXPECT_TRUE(close(r, arr<float>({11, 22, 33})));
}

TEST(ElemwiseSmoke, ExpOfMatrixTimesScalar) {
  init();
  auto x = T::fmatrix("x");
  T::TensorVar y = T::exp(x) * 2.0;
  EXPECT_EQ(y.dtype(), DType::Float32);
  NDArray r = eval1({x}, y, {arr<float>({0, 1, 2, 3}, {2, 2})});
  EXPECT_TRUE(close(r, arr<float>({2.f, 2 * 2.7182817f, 2 * 7.389056f, 2 * 20.085537f}, {2, 2})));
}

}  // namespace
}  // namespace theano::testing
