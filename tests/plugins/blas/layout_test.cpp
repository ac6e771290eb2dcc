// Transposed, sliced and strided operands: results equal the product of
// contiguous copies, for every op, through BLAS flags / leading dimensions
// (and copies where BLAS cannot describe the layout).
#include "helpers.h"
#include "theano/core/registry.h"

namespace theano::testing {
namespace {

// A (rows, cols) view of a larger array: every `step`-th row and column.
NDArray strided(std::int64_t rows, std::int64_t cols, std::int64_t step, DType dt) {
  NDArray big = ramp({rows * step, cols * step + 1}, 0.3, dt);
  return big.slice(0, 0, rows * step, step).slice(1, 1, cols * step + 1, step);
}

TEST(Layout, TransposedOperandsOfDot22) {
  init();
  for (DType dt : {DType::Float32, DType::Float64, DType::Complex64, DType::Complex128}) {
    auto x = T::tensor(dt, 2, "x"), y = T::tensor(dt, 2, "y");
    Function f = compile({x, y}, {T::dot(x.T(), y), T::dot(x.T(), x), T::dot(y, y.T())});
    ASSERT_GE(count_op(f, "Dot22"), 3) << graph_str(f);
    NDArray xa = ramp({4, 3}, 0.2, dt), ya = ramp({4, 5}, 0.1, dt);
    auto out = f({xa, ya});
    NDArray xt = xa.transpose().copy(), yt = ya.transpose().copy();
    EXPECT_TRUE(close(out[0].array(), ref_matmul(xt, ya).astype(dt))) << dtype_name(dt);
    EXPECT_TRUE(close(out[1].array(), ref_matmul(xt, xa).astype(dt))) << dtype_name(dt);
    EXPECT_TRUE(close(out[2].array(), ref_matmul(ya, yt).astype(dt))) << dtype_name(dt);
  }
}

TEST(Layout, SlicedAndFortranInputs) {
  init();
  for (DType dt : {DType::Float64, DType::Float32, DType::Int32}) {
    auto x = T::tensor(dt, 2, "x"), y = T::tensor(dt, 2, "y");
    Function f = compile({x, y}, {T::dot(x, y)});
    NDArray xs = strided(3, 4, 2, dt);                        // both strides non-unit: copied
    NDArray yf = ramp({5, 4}, 0.5, dt).transpose();           // Fortran order: transpose flag
    NDArray rows = ramp({8, 5}, 0.25, dt).slice(0, 0, 8, 2);  // row stride 10: leading dim
    auto got = f({xs, yf}).at(0).array();
    EXPECT_TRUE(close(got, ref_matmul(xs.copy(), yf.copy()).astype(dt))) << dtype_name(dt);
    auto got2 = f({rows.slice(1, 0, 4, 1), yf}).at(0).array();
    EXPECT_TRUE(close(got2, ref_matmul(rows.slice(1, 0, 4, 1).copy(), yf.copy()).astype(dt)))
        << dtype_name(dt);
  }
}

TEST(Layout, StridedVectorsAndReversedRows) {
  init();
  auto m = T::dmatrix("m"), v = T::dvector("v");
  Function f = compile({m, v}, {T::dot(m, v), T::dot(v, m.T()), T::dot(v, v)});
  NDArray ma = ramp({3, 8}, 0.4).slice(1, 0, 8, 2);  // (3, 4) column stride 2
  NDArray va = ramp({8}, 0.3).slice(0, 7, -1, -2);   // (4,) negative stride
  auto out = f({ma, va});
  NDArray mv = ref_matmul(ma.copy(), va.copy().reshape({4, 1}));
  for (std::int64_t i = 0; i < 3; ++i) {
    EXPECT_NEAR(out[0].array().at({i}), mv.at({i, 0}), 1e-12);
    EXPECT_NEAR(out[1].array().at({i}), mv.at({i, 0}), 1e-12);
  }
  double vv = 0;
  for (std::int64_t k = 0; k < 4; ++k) vv += va.at({k}) * va.at({k});
  EXPECT_NEAR(out[2].array().item<double>(), vv, 1e-12);
}

TEST(Layout, InplaceGemvIntoAReversedVector) {
  // y has a negative stride, which BLAS cannot write: the product goes
  // through a temporary and is copied back into y's elements.
  init();
  auto gemv = Registry::global().make_op("Gemv", Props{{"inplace", true}});
  auto y = T::dvector("y"), m = T::dmatrix("m"), v = T::dvector("v");
  auto a = T::dscalar("a"), b = T::dscalar("b");
  Function f = compile_inplace({y, a, m, v, b}, gemv->apply1({y, a, m, v, b}));
  NDArray ya = ramp({8}, 0.5).slice(0, 7, -1, -2);  // (4,), stride of -2 elements
  NDArray y_before = ya.copy();
  NDArray ma = ramp({4, 3}, 0.2), va = ramp({3}, 0.7);
  NDArray got = f({ya, NDArray::scalar(2.0), ma, va, NDArray::scalar(0.5)}).at(0).array();
  NDArray mv = ref_matmul(ma, va.reshape({3, 1}));
  for (std::int64_t i = 0; i < 4; ++i)
    EXPECT_NEAR(got.at({i}), 2 * mv.at({i, 0}) + 0.5 * y_before.at({i}), 1e-12);
}

TEST(Layout, GemmIntoFortranAndStridedAccumulator) {
  init();
  auto gemm = Registry::global().make_op("Gemm", Props{{"inplace", false}});
  auto z = T::dmatrix("z"), x = T::dmatrix("x"), y = T::dmatrix("y");
  auto a = T::dscalar("a"), b = T::dscalar("b");
  Function f = compile({z, a, x, y, b}, {gemm->apply1({z, a, x, y, b})});
  NDArray xa = ramp({3, 4}), ya = ramp({4, 2}, 0.3);
  NDArray p = ref_matmul(xa, ya);
  for (NDArray za : {ramp({2, 3}, 1.0).transpose(), ramp({3, 4}, 1.0).slice(1, 0, 4, 2)}) {
    NDArray got =
        f({za, NDArray::scalar(2.0), xa.transpose().copy().transpose(), ya, NDArray::scalar(-1.0)})
            .at(0)
            .array();
    for (std::int64_t i = 0; i < 3; ++i)
      for (std::int64_t j = 0; j < 2; ++j)
        EXPECT_NEAR(got.at({i, j}), 2 * p.at({i, j}) - za.at({i, j}), 1e-12);
  }
}

TEST(Layout, EmptyAndDegenerateShapes) {
  init();
  auto x = T::dmatrix("x"), y = T::dmatrix("y");
  Function f = compile({x, y}, {T::dot(x, y)});
  NDArray zero_k =
      f({NDArray::zeros(DType::Float64, {2, 0}), NDArray::zeros(DType::Float64, {0, 3})})
          .at(0)
          .array();
  EXPECT_EQ(zero_k.shape(), (Shape{2, 3}));
  EXPECT_TRUE(array_equal(zero_k, NDArray::zeros(DType::Float64, {2, 3})));
  NDArray zero_m = f({NDArray::zeros(DType::Float64, {0, 4}), ramp({4, 3})}).at(0).array();
  EXPECT_EQ(zero_m.shape(), (Shape{0, 3}));
  NDArray one = f({ramp({1, 4}), ramp({4, 1})}).at(0).array();
  EXPECT_NEAR(one.at({0, 0}), ref_matmul(ramp({1, 4}), ramp({4, 1})).at({0, 0}), 1e-12);
}

}  // namespace
}  // namespace theano::testing
