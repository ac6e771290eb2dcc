// Indexing across dtypes and layouts: integer scatter-add with repeated
// indices, boolean values, float32 gradients staying float32, index arrays
// of every integer dtype, non-contiguous inputs, and the element-wise
// advanced path agreeing with the row-wise one.
#include "indexing_helpers.h"

namespace theano::indexing_test {
namespace {

using T::none;
using T::slice;

TEST(IndexingDTypes, IntegerScatterAddAccumulates) {
  init();
  auto x = T::ivector("x");
  auto idx = T::lvector("idx");
  T::TensorVar out = T::inc_subtensor(x, {idx}, 3);
  EXPECT_EQ(out.dtype(), DType::Int32);
  NDArray got = eval1({x, idx}, out,
                      {NDArray::from_values<std::int32_t>({1, 2, 3}),
                       NDArray::from_values<std::int64_t>({2, 2, -1, 0})});
  EXPECT_TRUE(array_equal(got, NDArray::from_values<std::int32_t>({4, 2, 12})));
  auto m = T::imatrix("m");
  NDArray adv = eval1({m}, T::inc_subtensor(m, {{0, 0, 1}, {1, 1, 0}}, 5),
                      {NDArray::from_values<std::int32_t>({0, 0, 0, 0}, {2, 2})});
  EXPECT_TRUE(array_equal(adv, NDArray::from_values<std::int32_t>({0, 10, 5, 0}, {2, 2})));
}

TEST(IndexingDTypes, BooleanValuesAndIndexDTypes) {
  init();
  auto b = T::tensor(DType::Bool, 1, "b");
  NDArray bv = NDArray::from_values<bool>({false, false, true});
  EXPECT_TRUE(array_equal(eval1({b}, T::set_subtensor(b, {slice(0, 2)}, true), {bv}),
                          NDArray::from_values<bool>({true, true, true})));
  auto x = T::dvector("x");
  NDArray xv = NDArray::from_values<double>({10, 11, 12, 13});
  for (DType d :
       {DType::Int8, DType::Int16, DType::Int32, DType::Int64, DType::UInt8, DType::UInt32}) {
    SCOPED_TRACE(std::string(dtype_name(d)));
    auto idx = T::tensor(d, 1, "idx");
    NDArray iv = NDArray::from_values<std::int64_t>({3, 0, 3}).astype(d);
    EXPECT_TRUE(close(eval1({x, idx}, T::index(x, {idx}), {xv, iv}),
                      NDArray::from_values<double>({13, 10, 13})));
    EXPECT_TRUE(close(eval1({x, idx}, T::index(x, {idx, none}), {xv, iv}),
                      NDArray::from_values<double>({13, 10, 13}, {3, 1})));
  }
}

TEST(IndexingDTypes, Float32GradientsStayFloat32) {
  init();
  auto x = T::fmatrix("x");
  auto y = T::fvector("y");
  T::TensorVar cost = T::sum(T::inc_subtensor(x, {slice(1), 0}, y) * T::index(x, {{0, 0}}).sum());
  std::vector<Var> gs = grad(cost, {x, y});
  EXPECT_EQ(T::TensorVar(gs[0]).dtype(), DType::Float32);
  EXPECT_EQ(T::TensorVar(gs[1]).dtype(), DType::Float32);
  verify_grad(
      [](auto& in) {
        return T::sum(T::inc_subtensor(in[0], {slice(1), 0}, in[1]) *
                      T::index(in[0], {{0, 0}}).sum());
      },
      {NDArray::from_values<float>({1, 2, 3, 4, 5, 6}, {3, 2}),
       NDArray::from_values<float>({0.5f, -1})});
}

TEST(IndexingDTypes, NonContiguousInputsAndBothAdvancedPaths) {
  init();
  auto x = T::dmatrix("x");
  T::TensorVar xt = x.T();  // strided input for every op below
  std::vector<double> v(20);
  for (int i = 0; i < 20; ++i) v[i] = i * 1.5;
  NDArray xv = NDArray::from_vector(v, {4, 5});  // xt is (5, 4)
  auto f =
      function({In(x)}, {Out(T::index(xt, {{4, 0}, {3, 1}})), Out(T::index(xt, {{4, 0}, slice()})),
                         Out(T::index(xt, {slice(none, none, -2), {3, 1}})),
                         Out(T::inc_subtensor(xt, {{4, 4}, {3, 3}}, 1.0)),
                         Out(T::inc_subtensor(xt, {{4, 4}, slice(3)}, 1.0))});
  auto r = f({xv});
  EXPECT_TRUE(close(r[0].array(), NDArray::from_values<double>({xv.at({3, 4}), xv.at({1, 0})})));
  EXPECT_EQ(r[1].array().shape(), (Shape{2, 4}));
  EXPECT_EQ(r[1].array().at({0, 3}), xv.at({3, 4}));
  EXPECT_EQ(r[1].array().at({1, 1}), r[0].array().at({1}));
  EXPECT_EQ(r[2].array().shape(), (Shape{3, 2}));
  EXPECT_EQ(r[2].array().at({1, 0}), xv.at({3, 2}));
  EXPECT_EQ(r[3].array().at({4, 3}), xv.at({3, 4}) + 2);
  EXPECT_EQ(r[3].array().at({4, 2}), xv.at({2, 4}));
  EXPECT_EQ(r[4].array().at({4, 3}), xv.at({3, 4}) + 2);
  EXPECT_TRUE(close(xv, NDArray::from_vector(v, {4, 5})));
}

}  // namespace
}  // namespace theano::indexing_test
