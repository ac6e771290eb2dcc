// x[{...}] on TensorVar: the same graph as T::index, and the node it builds
// (and any error) carries the user's line, not the front end's.
#include "indexing_helpers.h"

namespace theano::indexing_test {
namespace {

TEST(IndexingOperator, SameAsIndexAndRemembersTheLine) {
  init();
  auto x = T::dmatrix("x");
  NDArray xv = NDArray::from_values<double>({0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, {3, 4});
  const int line = __LINE__ + 1;
  T::TensorVar a = x[{T::slice(1, std::nullopt), T::slice(std::nullopt, std::nullopt, -2)}];
  T::TensorVar b =
      T::index(x, {T::slice(1, std::nullopt), T::slice(std::nullopt, std::nullopt, -2)});
  EXPECT_EQ(eval1({x}, a, {xv}).to_vector<double>(), eval1({x}, b, {xv}).to_vector<double>());
  EXPECT_EQ(eval1({x}, a, {xv}).to_vector<double>(), (std::vector<double>{7, 5, 11, 9}));
  ASSERT_TRUE(a->owner());
  EXPECT_EQ(a->owner()->loc().line, line);
  EXPECT_NE(a->owner()->loc().file.find("indexing_operator_test.cpp"), std::string::npos);
  // One entry; rows by an index list.
  EXPECT_EQ(eval1({x}, x[{2}], {xv}).to_vector<double>(), (std::vector<double>{8, 9, 10, 11}));
  EXPECT_EQ(eval1({x}, x[{std::vector<std::int64_t>{2, 0}}], {xv}).to_vector<double>(),
            (std::vector<double>{8, 9, 10, 11, 0, 1, 2, 3}));
  EXPECT_THROW((x[{0, 0, 0}]), Error);  // three indices on a matrix
}

}  // namespace
}  // namespace theano::indexing_test
