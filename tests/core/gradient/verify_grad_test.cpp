// verify_grad: accepts right gradients, catches wrong ones and reports the
// worst element with its input, position and both values.
#include "helpers.h"

namespace theano::gradtest {
namespace {

NDArray dmat(std::vector<double> v, Shape shape) {
  return NDArray::from_vector(v, std::move(shape));
}

TEST(VerifyGrad, AcceptsARightGradient) {
  init();
  auto op = std::make_shared<SquareOp>(2);
  GradCheckReport r = check_grad(op, {dmat({0.5, -1.5, 2, 3, -0.25, 1}, {2, 3})});
  EXPECT_TRUE(r.ok) << r.message;
  EXPECT_LT(r.abs_err, 1e-6) << r.message;
  EXPECT_EQ(r.eps, 1e-7);
  EXPECT_EQ(r.abs_tol, 1e-4);
  EXPECT_NO_THROW(verify_grad(op, {dmat({0.5, -1.5, 2, 3}, {4})}));
}

TEST(VerifyGrad, AcceptsARightFloat32Gradient) {
  init();
  auto op = std::make_shared<SquareOp>(2);
  NDArray x = dmat({0.5, -1.5, 2, 3, -0.25, 1}, {3, 2}).astype(DType::Float32);
  GradCheckReport r = check_grad(op, {x});
  EXPECT_TRUE(r.ok) << r.message;
  EXPECT_EQ(r.eps, 1e-3);
  EXPECT_EQ(r.rel_tol, 1e-2);
}

TEST(VerifyGrad, CatchesAWrongGradientAndNamesTheWorstElement) {
  init();
  auto wrong = std::make_shared<SquareOp>(1);  // claims d(x^2)/dx = x
  NDArray x = dmat({0.1, -0.2, 4.0, 0.2}, {2, 2});
  try {
    verify_grad(wrong, {x});
    FAIL() << "expected GradientCheckError";
  } catch (const GradientCheckError& e) {
    const GradCheckReport& r = e.report();
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.input, 0);
    // Errors are scaled by the tolerances (relative error 1/3 everywhere, absolute
    // error r|x|): element 2 is the only one whose absolute error exceeds 1/3.
    EXPECT_EQ(r.element, 2);
    EXPECT_EQ(r.input_shape, (Shape{2, 2}));
    EXPECT_NEAR(r.numeric, 2 * r.analytic, 1e-6 * std::abs(r.analytic));
    std::string msg = e.what();
    EXPECT_NE(msg.find("gradient mismatch at input 0 (float64 (2, 2)) element 2 (1, 0)"),
              std::string::npos)
        << msg;
    EXPECT_NE(msg.find("analytic"), std::string::npos) << msg;
  }
}

TEST(VerifyGrad, FindsTheWrongInputAmongSeveral) {
  init();
  auto right = std::make_shared<SquareOp>(2);
  auto wrong = std::make_shared<SquareOp>(3);
  auto fn = [&](const std::vector<Var>& in) {
    return testops::mul(right->apply1({in[0]}), wrong->apply1({in[1]}));
  };
  GradCheckReport r = check_grad(fn, {dmat({1, 2}, {2}), dmat({-1, 0.5}, {2})});
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.input, 1);
  EXPECT_THROW(verify_grad(fn, {dmat({1, 2}, {2}), dmat({-1, 0.5}, {2})}), GradientCheckError);
}

TEST(VerifyGrad, SeveralOutputsAndIntegerInputs) {
  init();
  auto op = std::make_shared<SquareOp>(2);
  auto fn = [&](const std::vector<Var>& in) {
    Var scaled = T::TensorVar(in[0]) * T::cast(in[1], DType::Float64);
    return std::vector<Var>{op->apply1({in[0]}), scaled, in[1]};
  };
  GradCheckReport r =
      check_grad(fn, {dmat({1, -2, 3}, {3}), NDArray::from_values<std::int32_t>({2, 5, 7})});
  EXPECT_TRUE(r.ok) << r.message;
  EXPECT_EQ(r.input, 0);
}

TEST(VerifyGrad, RejectsBadRequests) {
  init();
  auto op = std::make_shared<SquareOp>(2);
  VerifyGradOptions none;
  none.n_tests = 0;
  EXPECT_THROW(check_grad(op, {dmat({1}, {1})}, none), ValueError);
  EXPECT_THROW(check_grad(op, {NDArray::from_values<std::int32_t>({1, 2})}), ValueError);
}

TEST(VerifyGrad, UsesTheGivenTolerances) {
  init();
  auto wrong = std::make_shared<SquareOp>(3);  // 1.5 times the right gradient
  VerifyGradOptions loose;
  loose.abs_tol = 10;
  loose.rel_tol = 10;
  EXPECT_TRUE(check_grad(wrong, {dmat({0.5, 1}, {2})}, loose).ok);
  EXPECT_FALSE(check_grad(wrong, {dmat({0.5, 1}, {2})}).ok);
}

}  // namespace
}  // namespace theano::gradtest
