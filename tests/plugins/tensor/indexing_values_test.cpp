// Indexing values against NumPy: basic slicing (negative steps, new axes,
// ellipsis, empty results), AdvancedSubtensor1, general advanced indexing
// and boolean masks, and their set / inc forms (golden .npy files made by
// tests/data/gen/gen_tensor_indexing.py).
#include "indexing_helpers.h"

namespace theano::indexing_test {
namespace {

using T::ellipsis;
using T::new_axis;
using T::none;
using T::slice;

struct Case {
  std::string name;
  std::function<T::TensorVar(const T::TensorVar&)> build;
  std::string expected_op;
};

NDArray mask2() {
  return NDArray::from_values<bool>(
      {true, false, true, false, false, false, true, true, true, true, false, false}, {3, 4});
}

NDArray mask1() {
  return NDArray::from_values<bool>({true, false, true, true}, {4});
}

std::vector<Case> cases() {
  return {
      {"basic_1_m1", [](auto& x) { return T::index(x, {slice(1, -1)}); }, "Subtensor"},
      {"basic_rev_2",
       [](auto& x) {
         return T::index(x, {slice(none, none, -1), 2});
       },
       "Subtensor"},
      {"basic_mixed",
       [](auto& x) {
         return T::index(x, {slice(), slice(none, none, -2), slice(1, 4)});
       },
       "Subtensor"},
      {"basic_last_step3",
       [](auto& x) {
         return T::index(x, {-1, slice(), slice(none, none, 3)});
       },
       "Subtensor"},
      {"basic_ellipsis_1",
       [](auto& x) {
         return T::index(x, {ellipsis, 1});
       },
       "Subtensor"},
      {"basic_newaxis",
       [](auto& x) {
         return T::index(x, {new_axis, 1, slice(), new_axis});
       },
       "Subtensor"},
      {"basic_neg_bounds",
       [](auto& x) {
         return T::index(x, {slice(-2, -5, -1), slice(3, 0, -2), -1});
       },
       "Subtensor"},
      {"basic_empty", [](auto& x) { return T::index(x, {slice(2, 1)}); }, "Subtensor"},
      {"basic_set_newaxis",
       [](auto& x) {
         std::vector<double> v(20);
         for (int i = 0; i < 20; ++i) v[i] = i;
         NDArray y = NDArray::from_vector(v, {4, 1, 5});
         return T::set_subtensor(x, {new_axis, 1, slice(), new_axis}, y);
       },
       "IncSubtensor"},
      {"basic_inc_newaxis",
       [](auto& x) {
         return T::inc_subtensor(x, {slice(), new_axis, -1},
                                 NDArray::from_values<double>({0, 1, 2, 3, 4}));
       },
       "IncSubtensor"},
      {"adv1_rows",
       [](auto& x) {
         return T::index(x, {{2, 0, 2, -1}});
       },
       "AdvancedSubtensor1"},
      {"adv_nonadjacent",
       [](auto& x) {
         return T::index(x, {{0, 2}, slice(), {1, 3}});
       },
       "AdvancedSubtensor"},
      {"adv_adjacent_bcast",
       [](auto& x) {
         NDArray rows = NDArray::from_values<std::int64_t>({0, 2}, {2, 1});
         return T::index(x, {slice(), rows, {1, 3}});
       },
       "AdvancedSubtensor"},
      {"adv_slice_int",
       [](auto& x) {
         return T::index(x, {slice(1), {0, -1}, 2});
       },
       "AdvancedSubtensor"},
      {"adv_newaxis",
       [](auto& x) {
         return T::index(x, {new_axis, {1, 2}, slice(none, none, -1)});
       },
       "AdvancedSubtensor"},
      {"mask_2d", [](auto& x) { return T::index(x, {mask2()}); }, "AdvancedBooleanSubtensor"},
      {"mask_axis1",
       [](auto& x) {
         return T::index(x, {slice(), mask1()});
       },
       "AdvancedBooleanSubtensor"},
      {"adv1_inc_repeat",
       [](auto& x) {
         NDArray y =
             NDArray::from_vector(std::vector<double>{0,  1,  2,  3,  4,  5,  6,  7,  8,  9,
                                                      10, 11, 12, 13, 14, 15, 16, 17, 18, 19},
                                  {4, 5});
         return T::inc_subtensor(x, {{0, 2, 0, -3}}, y);
       },
       "AdvancedIncSubtensor1"},
      {"adv1_set",
       [](auto& x) {
         return T::set_subtensor(x, {{1, -1}}, -7.0);
       },
       "AdvancedIncSubtensor1"},
      {"adv_inc_repeat",
       [](auto& x) {
         return T::inc_subtensor(x, {slice(), {1, 1, 3}, {0, 0, 4}}, 1.5);
       },
       "AdvancedIncSubtensor"},
      {"adv_set_bcast",
       [](auto& x) {
         NDArray y = NDArray::from_values<double>({10, 20, 30, 40, 50});
         return T::set_subtensor(x, {{0, 2}, slice(1, 3)}, y);
       },
       "AdvancedIncSubtensor"},
      {"mask_inc",
       [](auto& x) {
         return T::inc_subtensor(x, {mask2()}, NDArray::from_values<double>({0, 1, 2, 3, 4}));
       },
       "AdvancedBooleanIncSubtensor"},
      {"mask_set",
       [](auto& x) {
         return T::set_subtensor(x, {slice(), mask1()}, 0.0);
       },
       "AdvancedBooleanIncSubtensor"},
  };
}

TEST(IndexingValues, MatchNumPy) {
  init();
  NDArray xv = golden("x");
  for (const Case& c : cases()) {
    SCOPED_TRACE(c.name);
    auto x = T::tensor(DType::Float64, 3, "x");
    T::TensorVar out = c.build(x);
    ASSERT_TRUE(out->owner());
    // The op the front end chose (new axes add a DimShuffle on top).
    const Apply* node = out->owner();
    if (node->op().name() == "DimShuffle") node = node->input(0)->owner();
    EXPECT_EQ(node->op().name(), c.expected_op);
    FunctionOptions debug;
    debug.mode = Mode::named("DebugMode");
    for (const auto& options : {no_opt(), FunctionOptions{}, debug}) {
      NDArray got = eval1({x}, out, {xv}, options);
      EXPECT_TRUE(close(got, golden(c.name)));
    }
    EXPECT_TRUE(close(xv, golden("x"))) << "the input was modified";
  }
}

TEST(IndexingValues, StaticShapesOfKnownInputs) {
  init();
  auto x = T::tensor(DType::Float64, StaticShape{3, 4, 5}, "x");
  EXPECT_EQ(T::index(x, {slice(none, none, -2), 1}).static_shape(), (StaticShape{2, 5}));
  EXPECT_EQ(T::index(x, {{0, 1, 1}}).static_shape(), (StaticShape{3, 4, 5}));
  EXPECT_EQ(T::index(x, {{0, 2}, slice(), {1, 3}}).static_shape(), (StaticShape{2, 4}));
  EXPECT_EQ(T::index(x, {mask2()}).static_shape(), (StaticShape{std::nullopt, 5}));
  auto y = T::tensor(DType::Float64, 2, "y");
  EXPECT_EQ(T::index(y, {slice(1, 3)}).static_shape(), (StaticShape{std::nullopt, std::nullopt}));
  EXPECT_EQ(T::index(y, {slice()}).static_shape(), (StaticShape{std::nullopt, std::nullopt}));
}

TEST(IndexingValues, SymbolicBoundsAndSteps) {
  init();
  auto x = T::dvector("x");
  auto a = T::lscalar("a"), b = T::lscalar("b"), s = T::lscalar("s");
  T::TensorVar out = T::index(x, {slice(a, b, s)});
  auto f = function({In(x), In(a), In(b), In(s)}, {Out(out)});
  NDArray xv = NDArray::from_values<double>({0, 1, 2, 3, 4, 5, 6, 7});
  auto run = [&](std::int64_t av, std::int64_t bv, std::int64_t sv) {
    return f({xv, NDArray::scalar(av), NDArray::scalar(bv), NDArray::scalar(sv)}).at(0).array();
  };
  EXPECT_TRUE(close(run(1, 6, 2), NDArray::from_values<double>({1, 3, 5})));
  EXPECT_TRUE(close(run(-1, 0, -3), NDArray::from_values<double>({7, 4, 1})));
  EXPECT_TRUE(close(run(6, -100, -1), NDArray::from_values<double>({6, 5, 4, 3, 2, 1, 0})));
  EXPECT_EQ(run(5, 2, 1).size(), 0);
  auto i = T::iscalar("i");
  auto g = function({In(x), In(i)}, {Out(T::index(x, {i}))});
  EXPECT_EQ(g({xv, NDArray::scalar<std::int32_t>(-2)}).at(0).array().item<double>(), 6.0);
}

TEST(IndexingValues, TakeAlongAxes) {
  init();
  auto x = T::tensor(DType::Float64, 3, "x");
  NDArray xv = golden("x");
  NDArray got = eval1({x}, T::take(x, {2, 0, 2, -1}, 0), {xv});
  EXPECT_TRUE(close(got, golden("adv1_rows")));
  auto idx = T::lmatrix("idx");
  NDArray iv = NDArray::from_values<std::int64_t>({1, 3, 0, 4}, {2, 2});
  NDArray got2 = eval1({x, idx}, T::take(x, idx, -1), {xv, iv});
  ASSERT_EQ(got2.shape(), (Shape{3, 4, 2, 2}));
  EXPECT_EQ(got2.at({2, 1, 1, 0}), xv.at({2, 1, 0}));
  EXPECT_EQ(got2.at({0, 3, 0, 1}), xv.at({0, 3, 3}));
}

TEST(IndexingValues, SubtensorIsAViewWithNegativeStrides) {
  init();
  auto x = T::dmatrix("x");
  T::TensorVar out = T::index(x, {slice(none, none, -1), slice(1)});
  NDArray xv = NDArray::from_values<double>({1, 2, 3, 4, 5, 6}, {2, 3});
  Value in(xv), result;
  const Value* ins[] = {&in};
  Value* outs[] = {&result};
  out->owner()->op().perform(*out->owner(), InputRefs(ins, 1), OutputRefs(outs, 1));
  EXPECT_TRUE(close(result.array(), NDArray::from_values<double>({5, 6, 2, 3}, {2, 2})));
  EXPECT_LT(result.array().strides()[0], 0);
  EXPECT_TRUE(result.array().may_share_memory(xv));
  EXPECT_EQ(out->owner()->op().view_map(), (IOMap{{0, {0}}}));
}

}  // namespace
}  // namespace theano::indexing_test
