// The BLAS rewrites firing in compiled functions: dot of matrices becomes
// Dot22, scaled products with an accumulator become Gemm / Gemv / Ger,
// scalar factors fold into Dot22Scalar, and results stay right.
#include "helpers.h"
#include "theano/core/registry.h"

namespace theano::testing {
namespace {

TEST(BlasRewrites, RegisteredInSpecialize) {
  init();
  int found = 0;
  for (const RewriteSpec& s : Registry::global().rewrites()) {
    if (s.name == "local_dot_to_dot22" || s.name == "local_gemm" ||
        s.name == "local_dot22_to_dot22scalar") {
      EXPECT_EQ(s.phase, "specialize") << s.name;
      ++found;
    }
  }
  EXPECT_EQ(found, 3);
}

TEST(BlasRewrites, DotOfMatricesBecomesDot22) {
  init();
  auto x = T::dmatrix("x"), y = T::dmatrix("y");
  Function f = compile({x, y}, {T::dot(x, y)});
  EXPECT_EQ(count_op(f, "Dot22"), 1) << graph_str(f);
  EXPECT_EQ(count_op(f, "Dot"), 0) << graph_str(f);
  NDArray a = ramp({3, 4}), b = ramp({4, 2}, 0.3);
  EXPECT_TRUE(close(f({a, b}).at(0).array(), ref_matmul(a, b)));
}

TEST(BlasRewrites, IntegerDotStaysDot) {
  init();
  auto x = T::imatrix("x"), y = T::imatrix("y");
  Function f = compile({x, y}, {T::dot(x, y)});
  EXPECT_EQ(count_op(f, "Dot"), 1) << graph_str(f);
}

TEST(BlasRewrites, ScaledProductPlusAccumulatorBecomesGemm) {
  init();
  auto x = T::dmatrix("x"), y = T::dmatrix("y"), z = T::dmatrix("z");
  auto a = T::dscalar("a");
  Function f = compile({x, y, z, a}, {a * T::dot(x, y) + 0.5 * z});
  EXPECT_EQ(count_op(f, "Gemm"), 1) << graph_str(f);
  EXPECT_EQ(count_op(f, "Dot22"), 0) << graph_str(f);
  NDArray xa = ramp({3, 4}), ya = ramp({4, 2}, 0.3), za = ramp({3, 2}, 1.0);
  NDArray got = f({xa, ya, za, NDArray::scalar(2.0)}).at(0).array();
  NDArray p = ref_matmul(xa, ya);
  for (std::int64_t i = 0; i < 3; ++i)
    for (std::int64_t j = 0; j < 2; ++j)
      EXPECT_NEAR(got.at({i, j}), 2 * p.at({i, j}) + 0.5 * za.at({i, j}), 1e-12);
  // z is an input the function may not overwrite.
  EXPECT_TRUE(array_equal(za, ramp({3, 2}, 1.0)));
}

TEST(BlasRewrites, ProductBehindNegationsAndScalesBecomesGemm) {
  // local_gemm first looks for a product behind the terms' negations and
  // scalar factors without building anything; this one is three levels down.
  init();
  auto x = T::dmatrix("x"), y = T::dmatrix("y"), z = T::dmatrix("z");
  auto a = T::dscalar("a");
  Function f = compile({x, y, z, a}, {z - a * -(2.0 * T::dot(x, y))});
  EXPECT_EQ(count_op(f, "Gemm"), 1) << graph_str(f);
  NDArray xa = ramp({3, 4}), ya = ramp({4, 2}, 0.3), za = ramp({3, 2}, 1.0);
  NDArray got = f({xa, ya, za, NDArray::scalar(1.5)}).at(0).array();
  NDArray p = ref_matmul(xa, ya);
  for (std::int64_t i = 0; i < 3; ++i)
    for (std::int64_t j = 0; j < 2; ++j)
      EXPECT_NEAR(got.at({i, j}), za.at({i, j}) + 3.0 * p.at({i, j}), 1e-12);
}

TEST(BlasRewrites, SumOfSeveralProductsIsOneGemmChain) {
  init();
  auto x = T::fmatrix("x"), y = T::fmatrix("y"), u = T::fmatrix("u"), v = T::fmatrix("v");
  auto z = T::fmatrix("z");
  Function f = compile({x, y, u, v, z}, {z - T::dot(x, y) + 3 * T::dot(u, v)});
  EXPECT_EQ(count_op(f, "Gemm"), 2) << graph_str(f);
  NDArray xa = ramp({2, 3}, 0.1, DType::Float32), ya = ramp({3, 4}, 0.2, DType::Float32),
          ua = ramp({2, 5}, 0.3, DType::Float32), va = ramp({5, 4}, 0.4, DType::Float32),
          za = ramp({2, 4}, 1.0, DType::Float32);
  NDArray got = f({xa, ya, ua, va, za}).at(0).array();
  NDArray p = ref_matmul(xa, ya), q = ref_matmul(ua, va);
  for (std::int64_t i = 0; i < 2; ++i)
    for (std::int64_t j = 0; j < 4; ++j)
      EXPECT_NEAR(got.at({i, j}), za.at({i, j}) - p.at({i, j}) + 3 * q.at({i, j}), 1e-5);
}

TEST(BlasRewrites, TwoProductsWithoutAccumulator) {
  init();
  auto x = T::dmatrix("x"), y = T::dmatrix("y"), u = T::dmatrix("u"), v = T::dmatrix("v");
  Function f = compile({x, y, u, v}, {T::dot(x, y) + T::dot(u, v)});
  EXPECT_EQ(count_op(f, "Gemm"), 1) << graph_str(f);
  NDArray xa = ramp({2, 3}), ya = ramp({3, 2}, 0.2), ua = ramp({2, 2}, 0.3), va = ramp({2, 2});
  NDArray got = f({xa, ya, ua, va}).at(0).array();
  NDArray p = ref_matmul(xa, ya), q = ref_matmul(ua, va);
  EXPECT_NEAR(got.at({1, 1}), p.at({1, 1}) + q.at({1, 1}), 1e-12);
}

TEST(BlasRewrites, MatrixVectorWithAccumulatorBecomesGemv) {
  init();
  auto m = T::dmatrix("m"), x = T::dvector("x"), y = T::dvector("y");
  Function f = compile({m, x, y}, {y * 0.25 - 2.0 * T::dot(m, x), T::dot(x, m.T()) + y});
  EXPECT_EQ(count_op(f, "Gemv"), 2) << graph_str(f);
  NDArray ma = ramp({3, 4}), xa = ramp({4}, 0.5), ya = ramp({3}, 1.0);
  auto out = f({ma, xa, ya});
  NDArray p = ref_matmul(ma, xa.reshape({4, 1}));
  for (std::int64_t i = 0; i < 3; ++i) {
    EXPECT_NEAR(out[0].array().at({i}), 0.25 * ya.at({i}) - 2 * p.at({i, 0}), 1e-12);
    EXPECT_NEAR(out[1].array().at({i}), ya.at({i}) + p.at({i, 0}), 1e-12);
  }
}

TEST(BlasRewrites, OuterProductUpdateBecomesGer) {
  init();
  auto a = T::dmatrix("a"), x = T::dvector("x"), y = T::dvector("y");
  Function f = compile({a, x, y}, {a + 0.5 * T::outer(x, y)});
  EXPECT_EQ(count_op(f, "Ger"), 1) << graph_str(f);
  NDArray aa = ramp({3, 2}), xa = ramp({3}, 0.7), ya = ramp({2}, 0.9);
  NDArray got = f({aa, xa, ya}).at(0).array();
  for (std::int64_t i = 0; i < 3; ++i)
    for (std::int64_t j = 0; j < 2; ++j)
      EXPECT_NEAR(got.at({i, j}), aa.at({i, j}) + 0.5 * xa.at({i}) * ya.at({j}), 1e-12);
}

TEST(BlasRewrites, ScalarFactorFoldsIntoDot22Scalar) {
  init();
  auto x = T::fmatrix("x"), y = T::fmatrix("y");
  auto s = T::fscalar("s");
  Function f = compile({x, y, s}, {(s * T::dot(x, y)) * 2});
  EXPECT_EQ(count_op(f, "Dot22Scalar"), 1) << graph_str(f);
  EXPECT_EQ(f.fgraph().outputs()[0]->owner()->op().name(), "Dot22Scalar") << graph_str(f);
  NDArray xa = ramp({2, 3}, 0.1, DType::Float32), ya = ramp({3, 2}, 0.2, DType::Float32);
  NDArray got = f({xa, ya, NDArray::scalar(1.5f)}).at(0).array();
  NDArray p = ref_matmul(xa, ya);
  EXPECT_NEAR(got.at({1, 0}), 3 * p.at({1, 0}), 1e-5);
}

TEST(BlasRewrites, SharedProductIsNotRecomputed) {
  // The product has another client, so it is not folded into a Gemm.
  init();
  auto x = T::dmatrix("x"), y = T::dmatrix("y"), z = T::dmatrix("z");
  T::TensorVar p = T::dot(x, y);
  Function f = compile({x, y, z}, {p + z, T::exp(p)});
  EXPECT_EQ(count_op(f, "Dot22"), 1) << graph_str(f);
  EXPECT_EQ(count_op(f, "Gemm"), 0) << graph_str(f);
}

TEST(BlasRewrites, BroadcastBiasIsNotAnAccumulator) {
  init();
  auto x = T::dmatrix("x"), w = T::dmatrix("w");
  auto b = T::drow("b");
  Function f = compile({x, w, b}, {T::dot(x, w) + b});
  EXPECT_EQ(count_op(f, "Gemm"), 0) << graph_str(f);
  NDArray xa = ramp({2, 3}), wa = ramp({3, 2}, 0.2), ba = ramp({1, 2}, 3.0);
  NDArray got = f({xa, wa, ba}).at(0).array();
  NDArray p = ref_matmul(xa, wa);
  EXPECT_NEAR(got.at({1, 1}), p.at({1, 1}) + ba.at({0, 1}), 1e-12);
}

}  // namespace
}  // namespace theano::testing
