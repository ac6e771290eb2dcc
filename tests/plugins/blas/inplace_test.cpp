// In-place honesty: Gemm/Gemv/Ger overwrite only what their destroy_map
// declares, never a caller's input or a value still read elsewhere; shared
// variable updates of the gemm form run as one Gemm and are right.
#include "helpers.h"
#include "theano/core/registry.h"

namespace theano::testing {
namespace {

TEST(BlasInplace, InputsAreNeverOverwritten) {
  init();
  auto x = T::dmatrix("x"), y = T::dmatrix("y"), z = T::dmatrix("z");
  Function f = compile({x, y, z}, {z * 2 + T::dot(x, y), z - T::dot(x, y)});
  NDArray xa = ramp({3, 4}), ya = ramp({4, 2}, 0.3), za = ramp({3, 2}, 1.0);
  NDArray zcopy = za.copy();
  auto out = f({xa, ya, za});
  EXPECT_TRUE(array_equal(za, zcopy));
  NDArray p = ref_matmul(xa, ya);
  EXPECT_NEAR(out[0].array().at({2, 1}), 2 * za.at({2, 1}) + p.at({2, 1}), 1e-12);
  EXPECT_NEAR(out[1].array().at({2, 1}), za.at({2, 1}) - p.at({2, 1}), 1e-12);
}

TEST(BlasInplace, IntermediateAccumulatorIsOverwrittenInPlace) {
  // exp(z) is an intermediate only the Gemm reads: the in-place pass may
  // let the Gemm write into it.
  init();
  auto x = T::dmatrix("x"), y = T::dmatrix("y"), z = T::dmatrix("z");
  Function f = compile({x, y, z}, {T::exp(z) + 0.5 * T::dot(x, y)});
  bool inplace = false;
  for (const auto& n : node_names(f)) inplace = inplace || n == "Gemm{inplace}";
  EXPECT_TRUE(inplace) << graph_str(f);
  NDArray xa = ramp({3, 4}), ya = ramp({4, 2}, 0.3), za = ramp({3, 2}, 1.0);
  NDArray got = f({xa, ya, za}).at(0).array();
  NDArray p = ref_matmul(xa, ya);
  for (std::int64_t i = 0; i < 3; ++i)
    for (std::int64_t j = 0; j < 2; ++j)
      EXPECT_NEAR(got.at({i, j}), std::exp(za.at({i, j})) + 0.5 * p.at({i, j}), 1e-12);
}

TEST(BlasInplace, InplaceOpsWriteIntoTheirFirstInput) {
  init();
  const Registry& reg = Registry::global();
  auto z = T::dmatrix("z"), x = T::dmatrix("x"), y = T::dmatrix("y");
  auto a = T::dscalar("a"), b = T::dscalar("b");
  Function f = compile_inplace(
      {z, a, x, y, b}, reg.make_op("Gemm", Props{{"inplace", true}})->apply1({z, a, x, y, b}));
  NDArray za = ramp({3, 2}, 1.0), zcopy = za.copy(), xa = ramp({3, 4}), ya = ramp({4, 2}, 0.3);
  EXPECT_EQ(reg.make_op("Gemm", Props{{"inplace", true}})->destroy_map(), (IOMap{{0, {0}}}));
  NDArray got = f({za, NDArray::scalar(1.0), xa, ya, NDArray::scalar(1.0)}).at(0).array();
  NDArray p = ref_matmul(xa, ya);
  EXPECT_NEAR(got.at({1, 1}), zcopy.at({1, 1}) + p.at({1, 1}), 1e-12);
  // A value of b == 0 ignores z's contents, NaN included.
  NDArray nan = NDArray::full(DType::Float64, {3, 2}, std::nan(""));
  NDArray got0 = f({nan, NDArray::scalar(1.0), xa, ya, NDArray::scalar(0.0)}).at(0).array();
  EXPECT_TRUE(close(got0, p));
}

TEST(BlasInplace, AliasedOperandsOfAnInplaceGemm) {
  // z also passed as x: the product must be computed from z's old values.
  init();
  const Registry& reg = Registry::global();
  auto z = T::dmatrix("z"), a = T::dscalar("a"), b = T::dscalar("b");
  FunctionOptions o;
  o.accept_inplace = true;
  o.on_unused_input = "ignore";
  auto gemm = reg.make_op("Gemm", Props{{"inplace", true}});
  auto zc = T::dmatrix("zc");
  In zin(z);
  zin.mutable_ = true;
  Function f = function({zin, zc, a, b}, {gemm->apply1({z, a, zc, zc, b})}, o);
  NDArray za = ramp({3, 3}, 1.0);
  NDArray want = ref_matmul(za, za);
  NDArray got = f({za, za, NDArray::scalar(1.0), NDArray::scalar(0.0)}).at(0).array();
  EXPECT_TRUE(close(got, want));
}

TEST(BlasInplace, MutableInputBecomesTheGemmOutput) {
  init();
  auto x = T::dmatrix("x"), y = T::dmatrix("y"), z = T::dmatrix("z");
  In zin(z);
  zin.mutable_ = true;
  Function f = function({x, y, zin}, {0.5 * z - T::dot(x, y)});
  EXPECT_EQ(node_names(f), (std::vector<std::string>{"Gemm{inplace}"})) << graph_str(f);
  NDArray xa = ramp({3, 4}), ya = ramp({4, 2}, 0.3), za = ramp({3, 2}, 1.0), zcopy = za.copy();
  NDArray got = f({xa, ya, za}).at(0).array();
  NDArray p = ref_matmul(xa, ya);
  EXPECT_NEAR(got.at({2, 0}), 0.5 * zcopy.at({2, 0}) - p.at({2, 0}), 1e-12);
  EXPECT_TRUE(close(za, got));  // written into the caller's (mutable) buffer
}

TEST(BlasInplace, SharedVariableGemmUpdate) {
  init();
  auto x = T::dmatrix("x"), y = T::dmatrix("y");
  auto w = shared(ramp({3, 2}, 1.0), "w");
  T::TensorVar wv(w);
  FunctionOptions o;
  o.updates = {{w, 0.9 * wv + 0.1 * T::dot(x, y)}};
  Function f = compile({x, y}, {}, o);
  EXPECT_EQ(count_op(f, "Gemm"), 1) << graph_str(f);
  NDArray xa = ramp({3, 4}), ya = ramp({4, 2}, 0.3);
  NDArray expect = ramp({3, 2}, 1.0);
  NDArray p = ref_matmul(xa, ya);
  for (int step = 0; step < 3; ++step) {
    f({xa, ya});
    for (std::int64_t i = 0; i < expect.size(); ++i)
      expect.data<double>()[i] = 0.9 * expect.data<double>()[i] + 0.1 * p.data<double>()[i];
  }
  EXPECT_TRUE(close(w->get_value().array(), expect));
}

TEST(BlasInplace, DebugModeFindsNoDishonesty) {
  init();
  auto x = T::dmatrix("x"), y = T::dmatrix("y"), z = T::dmatrix("z");
  auto v = T::dvector("v");
  FunctionOptions o;
  o.mode = Mode::named("DebugMode");
  Function f = compile(
      {x, y, z, v}, {T::exp(z) + 0.5 * T::dot(x, y), T::exp(v) - T::dot(x, v.dimshuffle({0}))}, o);
  NDArray xa = ramp({3, 3}), ya = ramp({3, 2}, 0.3), za = ramp({3, 2}, 1.0), va = ramp({3}, 0.2);
  EXPECT_NO_THROW(f({xa, ya, za, va}));
}

}  // namespace
}  // namespace theano::testing
