// Indexing errors: out-of-bounds indices name the index, the axis and the
// size (at build time for constants on static shapes, at run time
// otherwise); bad index types, too many indices, mismatched masks and
// values that do not fit the indexed region are refused with clear messages.
#include "indexing_helpers.h"
#include "theano/core/config.h"

namespace theano::indexing_test {
namespace {

using T::slice;

NDArray vec5() {
  return NDArray::from_values<double>({0, 1, 2, 3, 4});
}

TEST(IndexingErrors, RuntimeIntegerOutOfBounds) {
  init();
  auto x = T::dvector("x");
  auto i = T::lscalar("i");
  auto f = function({In(x), In(i)}, {Out(T::index(x, {i}))});
  EXPECT_EQ(f({vec5(), NDArray::scalar<std::int64_t>(-5)}).at(0).array().item<double>(), 0.0);
  EXPECT_TRUE(throws_with<Error>(
      [&] {
        f({vec5(), NDArray::scalar<std::int64_t>(5)});
      },
      {"index 5 is out of bounds for axis 0 with size 5"}));
  EXPECT_TRUE(throws_with<Error>(
      [&] {
        f({vec5(), NDArray::scalar<std::int64_t>(-6)});
      },
      {"index -6", "size 5"}));
}

TEST(IndexingErrors, TakeOutOfBoundsNamesIndexAndSize) {
  init();
  auto x = T::dmatrix("x");
  auto idx = T::lvector("idx");
  auto f = function({In(x), In(idx)}, {Out(T::index(x, {idx}))});
  NDArray xv = NDArray::zeros(DType::Float64, {3, 2});
  EXPECT_TRUE(throws_with<Error>(
      [&] {
        f({xv, NDArray::from_values<std::int64_t>({0, 7})});
      },
      {"index 7", "position 1", "axis 0 with size 3"}));
  auto g = function({In(x), In(idx)}, {Out(T::inc_subtensor(x, {idx}, 1.0))});
  EXPECT_TRUE(throws_with<Error>(
      [&] {
        g({xv, NDArray::from_values<std::int64_t>({-4})});
      },
      {"index -4", "size 3"}));
}

TEST(IndexingErrors, AdvancedAndMaskErrors) {
  init();
  auto x = T::dmatrix("x");
  auto a = T::lvector("a"), b = T::lvector("b");
  auto f = function({In(x), In(a), In(b)}, {Out(T::index(x, {a, b}))});
  NDArray xv = NDArray::zeros(DType::Float64, {3, 4});
  EXPECT_TRUE(throws_with<Error>(
      [&] {
        f({xv, NDArray::from_values<std::int64_t>({0, 1}),
           NDArray::from_values<std::int64_t>({0, 1, 2})});
      },
      {"shape mismatch", "(2,)", "(3,)"}));
  EXPECT_TRUE(throws_with<Error>(
      [&] {
        f({xv, NDArray::from_values<std::int64_t>({0}), NDArray::from_values<std::int64_t>({4})});
      },
      {"index 4 is out of bounds for axis 1 with size 4"}));
  auto m = T::tensor(DType::Bool, 1, "m");
  T::TensorVar masked = T::index(x, {m});
  EXPECT_EQ(masked->owner()->op().name(), "AdvancedBooleanSubtensor");
  auto g = function({In(x), In(m)}, {Out(masked)});
  EXPECT_TRUE(throws_with<Error>(
      [&] {
        g({xv, NDArray::from_values<bool>({true, false})});
      },
      {"boolean index did not match", "dimension is 3", "boolean dimension is 2"}));
}

TEST(IndexingErrors, BuildTimeChecks) {
  init();
  auto s = T::tensor(DType::Float64, StaticShape{3, 4}, "s");
  EXPECT_TRUE(throws_with<IndexError>(
      [&] {
        T::index(s, {1, 4});
      },
      {"index 4 is out of bounds for axis 1 with size 4"}));
  EXPECT_TRUE(throws_with<IndexError>([&] { T::index(s, {1, 2, 3}); }, {"too many indices"}));
  EXPECT_TRUE(throws_with<IndexError>(
      [&] {
        T::index(s, {T::ellipsis, 1, T::ellipsis});
      },
      {"single ellipsis"}));
  EXPECT_TRUE(throws_with<TypeError>([&] { T::index(s, {T::dvector("f")}); },
                                     {"indices must be integers", "float64"}));
  EXPECT_TRUE(throws_with<ValueError>([&] { T::index(s, {slice(0, 2, 0)}); }, {"step", "zero"}));
  EXPECT_TRUE(throws_with<TypeError>([&] { T::index(s, {slice(T::dscalar("b"))}); },
                                     {"0-d integer tensor"}));
  EXPECT_TRUE(throws_with<IndexError>(
      [&] {
        T::index(s, {NDArray::from_values<bool>({true, false})});
      },
      {"boolean index did not match", "dimension is 3"}));
}

TEST(IndexingErrors, ValuesThatDoNotFit) {
  init();
  auto s = T::tensor(DType::Float64, StaticShape{3, 4}, "s");
  EXPECT_TRUE(throws_with<ValueError>(
      [&] {
        T::set_subtensor(s, {slice(0, 2)}, T::tensor(DType::Float64, StaticShape{3, 4}));
      },
      {"IncSubtensor", "(3, 4)", "(2, 4)"}));
  EXPECT_TRUE(throws_with<ValueError>([&] { T::inc_subtensor(s, {0}, T::dmatrix("m")); },
                                      {"2-d value into a 1-d region"}));
  auto ints = T::imatrix("ints");
  EXPECT_TRUE(throws_with<TypeError>([&] { T::set_subtensor(ints, {0}, T::dvector("v")); },
                                     {"float64", "int32", "cast"}));
}

TEST(IndexingErrors, RuntimeValueShapeMismatch) {
  init();
  auto x = T::dmatrix("x");
  auto v = T::dvector("v");
  auto f = function({In(x), In(v)}, {Out(T::set_subtensor(x, {slice(0, 2)}, v))});
  NDArray xv = NDArray::zeros(DType::Float64, {3, 4});
  EXPECT_TRUE(close(f({xv, NDArray::full(DType::Float64, {4}, 2.0)}).at(0).array().index(0, 1),
                    NDArray::full(DType::Float64, {4}, 2.0)));
  EXPECT_TRUE(throws_with<Error>(
      [&] {
        f({xv, NDArray::full(DType::Float64, {3}, 2.0)});
      },
      {"(3,)", "(2, 4)"}));
}

// A row update done in place on a shared matrix (inplace_shared_updates) with
// one bad index among good ones: the call fails and no row was written.
TEST(IndexingErrors, FailedInPlaceRowUpdateLeavesTheSharedMatrixUntouched) {
  init();
  ScopedFlags flags(std::map<std::string, std::string>{{"inplace_shared_updates", "True"}});
  NDArray start = NDArray::from_vector(std::vector<double>{0, 1, 2, 3, 4, 5}, {3, 2});
  auto c = shared(start.copy(), "c");
  auto idx = T::lvector("idx");
  auto delta = T::dmatrix("delta");
  FunctionOptions options;
  options.updates = {{c, T::inc_subtensor(T::TensorVar(c), {idx}, delta)}};
  Function f = function({In(idx), In(delta)}, {}, options);
  NDArray ones = NDArray::from_vector(std::vector<double>{1, 1, 1, 1}, {2, 2});
  f({NDArray::from_values<std::int64_t>({2, 0}), ones});
  NDArray after = NDArray::from_vector(std::vector<double>{1, 2, 2, 3, 5, 6}, {3, 2});
  EXPECT_TRUE(array_equal(c->get_value().array(), after));
  EXPECT_TRUE(throws_with<Error>(
      [&] {
        f({NDArray::from_values<std::int64_t>({1, 3}), ones});
      },
      {"index 3", "position 1", "size 3"}));
  EXPECT_TRUE(array_equal(c->get_value().array(), after)) << "row 1 was written before the error";
}

}  // namespace
}  // namespace theano::indexing_test
