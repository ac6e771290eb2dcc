// cumsum / cumprod, diff and bincount against NumPy golden files, their
// gradients (checked numerically and by hand), R_op, shapes and errors.
#include "extra_helpers.h"

namespace theano::extra_testing {
namespace {

TEST(ExtraCum, MatchesNumPy) {
  init();
  T::TensorVar t = T::dtensor3("t");
  NDArray x = golden("cum_x");
  auto out = eval(
      {t}, {T::cumsum(t, 1), T::cumprod(t, -1), T::cumsum(t), T::cumprod(t, std::nullopt)}, {x});
  EXPECT_TRUE(close(out[0].array(), golden("cumsum_axis1"), 1e-12));
  EXPECT_TRUE(close(out[1].array(), golden("cumprod_axis2"), 1e-12));
  EXPECT_TRUE(close(out[2].array(), golden("cumsum_flat"), 1e-12));
  EXPECT_TRUE(close(out[3].array(), golden("cumprod_flat"), 1e-12));
  T::TensorVar im = T::tensor(DType::Int32, 2, "im");
  NDArray ci = eval1({im}, T::cumsum(im, 0), {golden("cum_int_x")});
  EXPECT_TRUE(same(ci, golden("cumsum_int_axis0")));  // keeps int32, as Theano
  T::TensorVar f = T::fmatrix("f");                   // 33600 elements: parallel lanes
  EXPECT_TRUE(close(eval1({f}, T::cumsum(f, 1), {golden("cum_big_x")}), golden("cumsum_big_axis1"),
                    1e-6, 1e-6));
}

TEST(ExtraCum, BoolCountsAsInt64) {
  init();
  T::TensorVar b = T::tensor(DType::Bool, 1, "b");
  NDArray got = eval1({b}, T::cumsum(b), {NDArray::from_values<bool>({true, false, true, true})});
  EXPECT_TRUE(same(got, NDArray::from_values<std::int64_t>({1, 1, 2, 3})));
}

TEST(ExtraCum, Gradients) {
  init();
  NDArray x = golden("cum_x");
  verify_grad([](auto& in) { return T::cumsum(in[0], 1); }, {x});
  verify_grad([](auto& in) { return T::cumsum(in[0]); }, {x});
  verify_grad([](auto& in) { return T::cumprod(in[0], 2); }, {x});
  verify_grad([](auto& in) { return T::cumprod(in[0], std::nullopt); }, {x});
  // d/dx_i sum_j w_j cumsum(x)_j = sum_{j >= i} w_j: a reversed cumsum.
  T::TensorVar v = T::dvector("v");
  T::TensorVar w = T::dvector("w");
  Var g = grad(T::sum(T::mul(T::cumsum(v), w)), v);
  NDArray got =
      eval1({v, w}, g,
            {NDArray::from_values<double>({1, 2, 3}), NDArray::from_values<double>({1, 10, 100})});
  EXPECT_TRUE(close(got, NDArray::from_values<double>({111, 110, 100})));
}

TEST(ExtraCum, Rop) {
  init();
  T::TensorVar v = T::dvector("v");
  T::TensorVar e = T::dvector("e");
  NDArray xv = NDArray::from_values<double>({2, 3, 0.5});
  NDArray ev = NDArray::from_values<double>({1, -1, 2});
  Var rs = Rop({T::cumsum(v)}, {v}, {e}).at(0);  // linear: independent of v
  FunctionOptions lenient;
  lenient.on_unused_input = "ignore";
  EXPECT_TRUE(close(eval1({v, e}, rs, {xv, ev}, lenient), NDArray::from_values<double>({1, 0, 2})));
  // cumprod = (2, 6, 3): derivatives (1, 1*3 + 2*-1, (1*3 + 2*-1)*0.5 + 6*2) = (1, 1, 12.5).
  Var rp = Rop({T::cumprod(v)}, {v}, {e}).at(0);
  EXPECT_TRUE(close(eval1({v, e}, rp, {xv, ev}), NDArray::from_values<double>({1, 1, 12.5})));
}

TEST(ExtraCum, DiffMatchesNumPy) {
  init();
  T::TensorVar m = T::dmatrix("m");
  NDArray x = golden("diff_x");
  auto out = eval({m}, {T::diff(m), T::diff(m, 2, 0), T::diff(m, 3, 1), T::diff(m, 0)}, {x});
  EXPECT_TRUE(close(out[0].array(), golden("diff_n1_axism1"), 1e-12));
  EXPECT_TRUE(close(out[1].array(), golden("diff_n2_axis0"), 1e-12));
  EXPECT_TRUE(close(out[2].array(), golden("diff_n3_axis1"), 1e-12));
  EXPECT_TRUE(close(out[3].array(), x));
  T::TensorVar iv = T::lvector("iv");
  EXPECT_TRUE(same(eval1({iv}, T::diff(iv, 2), {golden("diff_int_x")}), golden("diff_int_n2")));
  EXPECT_EQ(T::TensorVar(T::diff(T::tensor(DType::Float64, {3, 6}), 2)).static_shape()[1], 4);
}

TEST(ExtraCum, DiffGradient) {
  init();
  NDArray x = golden("diff_x");
  verify_grad([](auto& in) { return T::diff(in[0]); }, {x});
  verify_grad([](auto& in) { return T::diff(in[0], 2, 0); }, {x});
  verify_grad([](auto& in) { return T::diff(in[0], 3, 1); }, {x});
}

TEST(ExtraCum, Bincount) {
  init();
  T::TensorVar xv = T::lvector("x");
  T::TensorVar wv = T::dvector("w");
  auto out = eval({xv, wv}, {T::bincount(xv), T::bincount(xv, 10), T::bincount(xv, wv)},
                  {golden("bin_x"), golden("bin_w")});
  EXPECT_TRUE(same(out[0].array(), golden("bin_counts")));
  EXPECT_TRUE(same(out[1].array(), golden("bin_counts_min10")));
  EXPECT_TRUE(close(out[2].array(), golden("bin_weighted")));
  auto f = function({xv}, {T::bincount(xv)});
  EXPECT_THROW(f({NDArray::from_values<std::int64_t>({1, -2})}), Error);
  EXPECT_THROW(T::bincount(T::dvector("fv")), TypeError);
  NDArray xs = golden("bin_x");
  verify_grad([&](auto& in) { return T::bincount(T::constant(xs), in[0]); }, {golden("bin_w")});
}

TEST(ExtraCum, InferShape) {
  init();
  T::TensorVar t = T::dtensor3("t");
  T::TensorVar m = T::dmatrix("m");
  EXPECT_TRUE(shapes_agree(T::cumsum(t, 1), {t}, {golden("cum_x")}));
  EXPECT_TRUE(shapes_agree(T::cumprod(t), {t}, {golden("cum_x")}));
  EXPECT_TRUE(shapes_agree(T::diff(m, 2, 0), {m}, {golden("diff_x")}));
  EXPECT_TRUE(shapes_agree(T::diff(m, 9, 1), {m}, {golden("diff_x")}));  // clamps at 0
}

TEST(ExtraCum, ClearErrors) {
  init();
  T::TensorVar m = T::dmatrix("m");
  EXPECT_THROW(T::cumsum(m, 2), ValueError);
  EXPECT_THROW(T::diff(m, 1, -3), ValueError);
  EXPECT_THROW(T::diff(m, -1), ValueError);
  EXPECT_THROW(T::diff(T::tensor(DType::Bool, 1)), TypeError);
}

}  // namespace
}  // namespace theano::extra_testing
