// Random inputs of the harness: seeded (same seed, same values), of the
// requested dtype and shape, within the requested ranges; random_inputs_like
// keeps integer, bool and constant inputs and stays within each float
// input's range.
#include <gtest/gtest.h>

#include <algorithm>

#include "theano/testing/random_inputs.h"

namespace {

using namespace theano;
namespace tt = theano::testing;

TEST(RandomInputs, SameSeedSameValuesOtherSeedOtherValues) {
  NDArray a = tt::random_array(DType::Float64, {3, 4}, 7);
  NDArray b = tt::random_array(DType::Float64, {3, 4}, 7);
  NDArray c = tt::random_array(DType::Float64, {3, 4}, 8);
  EXPECT_EQ(a.to_vector<double>(), b.to_vector<double>());
  EXPECT_NE(a.to_vector<double>(), c.to_vector<double>());
  EXPECT_EQ(a.shape(), (Shape{3, 4}));
}

TEST(RandomInputs, FloatsInRangeOfTheirDtype) {
  NDArray a = tt::random_array(DType::Float32, {1000}, 1, {2.0, 3.0});
  EXPECT_EQ(a.dtype(), DType::Float32);
  std::vector<double> v = a.to_vector<double>();
  EXPECT_GE(*std::min_element(v.begin(), v.end()), 2.0);
  EXPECT_LE(*std::max_element(v.begin(), v.end()), 3.0);
  // Uniform: the mean of 1000 draws is within 0.05 of 2.5.
  double mean = 0;
  for (double x : v) mean += x / v.size();
  EXPECT_NEAR(mean, 2.5, 0.05);
}

TEST(RandomInputs, IntegersInTheirRangeClippedToTheDtype) {
  std::vector<double> v =
      tt::random_array(DType::Int32, {500}, 3, {0, 0, -2, 3}).to_vector<double>();
  EXPECT_EQ(*std::min_element(v.begin(), v.end()), -2);
  EXPECT_EQ(*std::max_element(v.begin(), v.end()), 2);
  std::vector<double> u =
      tt::random_array(DType::UInt8, {500}, 3, {0, 0, -5, 1000}).to_vector<double>();
  EXPECT_GE(*std::min_element(u.begin(), u.end()), 0);
  EXPECT_LE(*std::max_element(u.begin(), u.end()), 255);
  std::vector<double> b = tt::random_array(DType::Bool, {200}, 3).to_vector<double>();
  EXPECT_EQ(*std::min_element(b.begin(), b.end()), 0);
  EXPECT_EQ(*std::max_element(b.begin(), b.end()), 1);
}

TEST(RandomInputs, ValueOfATypeFillsUnknownDims) {
  auto type = TensorType::make(DType::Float16, StaticShape{2, std::nullopt});
  Value v = tt::random_value(type, 1, {}, 5);
  EXPECT_EQ(v.array().dtype(), DType::Float16);
  EXPECT_EQ(v.array().shape(), (Shape{2, 5}));
  EXPECT_THROW(tt::random_value(GenericType::make(), 1), TypeError);
}

TEST(RandomInputs, LikeKeepsIndicesAndConstantsAndStaysInRange) {
  std::vector<Value> like = {NDArray::from_values<double>({0.5, 0.75, 0.6}, {3}),
                             NDArray::from_values<std::int64_t>({2, 0}, {2}),
                             NDArray::from_values<float>({1.0f, 1.0f}, {2})};
  std::vector<Value> got = tt::random_inputs_like(like, 11);
  ASSERT_EQ(got.size(), 3u);
  std::vector<double> x = got[0].array().to_vector<double>();
  EXPECT_NE(x, like[0].array().to_vector<double>());
  for (double v : x) {
    EXPECT_GE(v, 0.5);
    EXPECT_LE(v, 0.75);
  }
  EXPECT_EQ(got[1].array().to_vector<std::int64_t>(), (std::vector<std::int64_t>{2, 0}));
  EXPECT_EQ(got[2].array().to_vector<float>(), (std::vector<float>{1.0f, 1.0f}));
}

}  // namespace
