// Sort, ArgSort, TopK, Searchsorted and Unique against NumPy golden files
// (ties, NaN and -inf included), their gradients, shapes and errors.
#include "extra_helpers.h"

namespace theano::extra_testing {
namespace {

TEST(ExtraSort, SortAndArgsortMatchNumPy) {
  init();
  NDArray x = golden("sort_x");
  T::TensorVar m = T::dmatrix("m");
  struct Case {
    T::OptAxis axis;
    const char* tag;
  };
  for (Case c : {Case{1, "axis1"}, Case{-2, "axis0"}, Case{std::nullopt, "flat"}}) {
    auto out = eval({m}, {T::sort(m, c.axis), T::argsort(m, c.axis)}, {x});
    EXPECT_TRUE(close(out[0].array(), golden(std::string("sort_") + c.tag))) << c.tag;
    EXPECT_TRUE(same(out[1].array(), golden(std::string("argsort_") + c.tag))) << c.tag;
  }
}

TEST(ExtraSort, IntegerAndLargeInputs) {
  init();
  T::TensorVar t = T::tensor(DType::Int32, 3, "t");
  NDArray xi = golden("sort_int_x");
  EXPECT_TRUE(same(eval1({t}, T::sort(t, 1), {xi}), golden("sort_int_axis1")));
  EXPECT_TRUE(same(eval1({t}, T::argsort(t, 2), {xi}), golden("argsort_int_axis2")));
  T::TensorVar f = T::fmatrix("f");  // 40000 elements: the parallel path
  EXPECT_TRUE(same(eval1({f}, T::sort(f, 0), {golden("sort_big_x")}), golden("sort_big_axis0")));
}

TEST(ExtraSort, StableTiesAndFloat16) {
  init();
  T::TensorVar v = T::tensor(DType::Float16, 1, "v");
  NDArray x = NDArray::from_values<float>({2, 1, 2, 1, 0}).astype(DType::Float16);
  EXPECT_TRUE(
      same(eval1({v}, T::argsort(v), {x}), NDArray::from_values<std::int64_t>({4, 1, 3, 0, 2})));
  NDArray s = eval1({v}, T::sort(v), {x});
  EXPECT_EQ(s.dtype(), DType::Float16);
  EXPECT_TRUE(close(s, NDArray::from_values<double>({0, 1, 1, 2, 2})));
}

TEST(ExtraSort, TopKMatchesNumPy) {
  init();
  T::TensorVar m = T::dmatrix("m");
  T::TensorVar k = T::lscalar("k");
  NDArray x = golden("topk_x");
  auto [v2, i2] = T::topk_and_argtopk(m, 2, 1);
  auto out = eval({m}, {v2, i2}, {x});
  EXPECT_TRUE(close(out[0].array(), golden("topk_k2_axis1_val")));
  EXPECT_TRUE(same(out[1].array(), golden("topk_k2_axis1_idx")));
  EXPECT_EQ(T::TensorVar(v2).static_shape()[1], 2);  // constant k gives a static size
  out =
      eval({m, k}, {T::topk(m, k, 0), T::argtopk(m, k, 0)}, {x, NDArray::scalar<std::int64_t>(-3)});
  EXPECT_TRUE(close(out[0].array(), golden("topk_km3_axis0_val")));
  EXPECT_TRUE(same(out[1].array(), golden("topk_km3_axis0_idx")));
  out = eval({m}, {T::topk(m, 5, std::nullopt), T::argtopk(m, 5, std::nullopt)}, {x});
  EXPECT_TRUE(close(out[0].array(), golden("topk_k5_flat_val")));
  EXPECT_TRUE(same(out[1].array(), golden("topk_k5_flat_idx")));
  NDArray i32 = eval1({m}, T::argtopk(m, 1, 1, DType::Int32), {x});
  EXPECT_EQ(i32.dtype(), DType::Int32);
}

TEST(ExtraSort, TopKBadK) {
  init();
  T::TensorVar m = T::dmatrix("m");
  T::TensorVar k = T::lscalar("k");
  auto f = function({m, k}, {T::topk(m, k)});
  NDArray x = golden("topk_x");
  EXPECT_THROW(f({x, NDArray::scalar<std::int64_t>(0)}), Error);
  EXPECT_THROW(f({x, NDArray::scalar<std::int64_t>(7)}), Error);
  EXPECT_THROW(T::topk(m, T::dscalar("kf")), TypeError);
}

TEST(ExtraSort, SearchsortedMatchesNumPy) {
  init();
  T::TensorVar a = T::dvector("a");
  T::TensorVar v = T::dmatrix("v");
  auto out = eval({a, v}, {T::searchsorted(a, v), T::searchsorted(a, v, "right")},
                  {golden("ss_a"), golden("ss_v")});
  EXPECT_TRUE(same(out[0].array(), golden("ss_left")));
  EXPECT_TRUE(same(out[1].array(), golden("ss_right")));
  T::TensorVar q = T::dvector("q");
  T::TensorVar sorter = T::lvector("sorter");
  EXPECT_TRUE(same(eval1({a, q, sorter}, T::searchsorted(a, q, sorter, "left"),
                         {golden("ss_unsorted"), golden("ss_q"), golden("ss_sorter")}),
                   golden("ss_sorter_left")));
  EXPECT_THROW(T::searchsorted(a, q, "middle"), ValueError);
  EXPECT_THROW(T::searchsorted(v, q), TypeError);
}

TEST(ExtraSort, UniqueMatchesNumPy) {
  init();
  T::TensorVar m = T::dmatrix("m");
  T::UniqueResult u = T::unique(m, true, true, true);
  auto out = eval({m}, {u.values, u.index, u.inverse, u.counts}, {golden("uniq_x")});
  EXPECT_TRUE(close(out[0].array(), golden("uniq_values")));
  EXPECT_TRUE(same(out[1].array(), golden("uniq_index")));
  EXPECT_TRUE(same(out[2].array(), golden("uniq_inverse")));
  EXPECT_TRUE(same(out[3].array(), golden("uniq_counts")));
  T::UniqueResult plain = T::unique(m);
  EXPECT_FALSE(plain.index);
  EXPECT_EQ(plain.values->owner()->nout(), 1);
}

TEST(ExtraSort, Gradients) {
  init();
  NDArray x = golden("topk_x");  // distinct values: sort is differentiable there
  verify_grad([](auto& in) { return T::sort(in[0], 0); }, {x});
  verify_grad([](auto& in) { return T::sort(in[0], std::nullopt); }, {x});
  verify_grad([](auto& in) { return T::topk(in[0], 2, 1); }, {x});
  verify_grad([](auto& in) { return T::topk(in[0], -4, std::nullopt); }, {x});
  // The gradient of sort routes each output gradient back to its source.
  T::TensorVar v = T::dvector("v");
  T::TensorVar w = T::dvector("w");
  Var g = grad(T::sum(T::mul(T::sort(v), w)), v);
  NDArray gv =
      eval1({v, w}, g,
            {NDArray::from_values<double>({3, 1, 2}), NDArray::from_values<double>({10, 20, 30})});
  EXPECT_TRUE(close(gv, NDArray::from_values<double>({30, 10, 20})));
  // argsort has a zero gradient.
  Var ga = grad(T::sum(T::cast(T::argsort(v), DType::Float64)), v);
  EXPECT_TRUE(close(eval1({v}, ga, {NDArray::from_values<double>({3, 1, 2})}),
                    NDArray::from_values<double>({0, 0, 0})));
}

TEST(ExtraSort, RopOfSort) {
  init();
  T::TensorVar v = T::dvector("v");
  T::TensorVar e = T::dvector("e");
  Var r = Rop({T::sort(v)}, {v}, {e}).at(0);
  NDArray got =
      eval1({v, e}, r,
            {NDArray::from_values<double>({3, 1, 2}), NDArray::from_values<double>({7, 8, 9})});
  EXPECT_TRUE(close(got, NDArray::from_values<double>({8, 9, 7})));
}

TEST(ExtraSort, InferShape) {
  init();
  T::TensorVar m = T::dmatrix("m");
  T::TensorVar k = T::lscalar("k");
  NDArray x = golden("topk_x");
  std::vector<Value> args{x};
  EXPECT_TRUE(shapes_agree(T::sort(m, 0), {m}, args));
  EXPECT_TRUE(shapes_agree(T::argsort(m, std::nullopt), {m}, args));
  EXPECT_TRUE(shapes_agree(T::topk(m, k, 1), {m, k}, {x, NDArray::scalar<std::int64_t>(-3)}));
  EXPECT_TRUE(
      shapes_agree(T::argtopk(m, k, std::nullopt), {m, k}, {x, NDArray::scalar<std::int64_t>(5)}));
  T::TensorVar a = T::dvector("a");
  EXPECT_TRUE(shapes_agree(T::searchsorted(a, m), {a, m}, {golden("ss_a"), x}));
}

TEST(ExtraSort, ClearErrors) {
  init();
  T::TensorVar m = T::dmatrix("m");
  try {
    T::sort(m, 2);
    FAIL() << "no error for axis 2";
  } catch (const ValueError& e) {
    EXPECT_NE(std::string(e.what()).find("axis 2"), std::string::npos) << e.what();
  }
  EXPECT_THROW(T::argsort(m, -3), ValueError);
  EXPECT_THROW(T::sort(T::zmatrix("z")), TypeError);  // complex numbers have no order
  EXPECT_THROW(T::unique(T::cmatrix("c")), TypeError);
}

}  // namespace
}  // namespace theano::extra_testing
