// jacobian and hessian: built from one Lop per row, checked against
// hand-computed matrices.
#include <cmath>

#include "helpers.h"
#include "theano/core/registry.h"

namespace theano::gradtest {
namespace {

T::TensorVar static_dvector(std::int64_t n, const std::string& name) {
  return T::tensor(DType::Float64, StaticShape{n}, name);
}

TEST(Jacobian, OfElementwiseFunctionsIsDiagonal) {
  init();
  T::TensorVar x = static_dvector(3, "x"), w = T::dvector("w");
  T::TensorVar f = T::exp(x) * w;
  std::vector<Var> j = jacobian(f, {x, w});
  auto r = eval({x, w}, j, {dvec({0, 1, 2}), dvec({1, 2, 3})});
  std::vector<double> jx(9, 0.0), jw(9, 0.0);
  for (int i = 0; i < 3; ++i) {
    jx[i * 3 + i] = std::exp(i) * (i + 1);
    jw[i * 3 + i] = std::exp(i);
  }
  EXPECT_TRUE(close(r[0].array(), NDArray::from_vector(jx, {3, 3})));
  EXPECT_TRUE(close(r[1].array(), NDArray::from_vector(jw, {3, 3})));
}

TEST(Jacobian, OfAMatrixWrtHasItsShapeAppended) {
  init();
  T::TensorVar row = T::tensor(DType::Float64, StaticShape{1, 2}, "row");
  T::TensorVar f = T::dimshuffle(row * row, {1});  // f[i] = row[0, i]^2
  Var j = jacobian(f, row);                        // j[i, 0, k] = 2 row[0, i] if i == k
  NDArray got = eval1({row}, j, {NDArray::from_vector(std::vector<double>{3, -1}, {1, 2})});
  EXPECT_TRUE(close(got, NDArray::from_vector(std::vector<double>{6, 0, 0, -2}, {2, 1, 2})));
}

TEST(Jacobian, NeedsAKnownLength) {
  init();
  T::TensorVar x = T::dvector("x");
  EXPECT_THROW(jacobian(x * x, x), NotImplementedError);
  Var j = jacobian(x * x, x, {}, 2);
  EXPECT_TRUE(close(eval1({x}, j, {dvec({1, 2})}),
                    NDArray::from_vector(std::vector<double>{2, 0, 0, 4}, {2, 2})));
}

TEST(Jacobian, OfAScalarIsTheGradient) {
  init();
  Var s = testops::dscalar("s");
  Var j = jacobian(testops::mul(s, s), s);
  EXPECT_TRUE(close(eval1({s}, j, {dscal(4.0)}), dscal(8.0)));
}

TEST(Jacobian, DisconnectedWrt) {
  init();
  T::TensorVar x = static_dvector(2, "x"), w = T::dvector("w");
  EXPECT_THROW(jacobian(x * x, w), DisconnectedInputError);
  GradOptions ignore;
  ignore.disconnected_inputs = DisconnectedPolicy::Ignore;
  Var j = jacobian(x * x, w, ignore);
  EXPECT_TRUE(close(eval1({w}, j, {dvec({1, 2, 3})}), NDArray::zeros(DType::Float64, {2, 3})));
}

TEST(Hessian, OfAQuadraticForm) {
  init();
  if (!Registry::global().find_op("CAReduce"))
    GTEST_SKIP() << "needs CAReduce (T::sum) from the elemwise plugin";
  T::TensorVar x = static_dvector(3, "x");
  // cost = sum(x^3): H = diag(6x).
  Var h = hessian(T::sum(x * x * x), x);
  std::vector<double> want{6, 0, 0, 0, -12, 0, 0, 0, 3};
  EXPECT_TRUE(close(eval1({x}, h, {dvec({1, -2, 0.5})}), NDArray::from_vector(want, {3, 3})));
}

}  // namespace
}  // namespace theano::gradtest
