// single_float: the value of a one-element float array, read in place, and
// nothing for anything a rewrite must not treat as a number.
#include <gtest/gtest.h>

#include <cmath>

#include "theano/core/ndarray.h"
#include "theano/core/scalar_value.h"

namespace theano {
namespace {

TEST(SingleFloat, ReadsOneElementFloatArraysOfAnyRank) {
  EXPECT_EQ(single_float(NDArray::scalar(2.5)), 2.5);
  EXPECT_EQ(single_float(NDArray::scalar(-0.5f)), -0.5);
  EXPECT_EQ(single_float(NDArray::full(DType::Float32, {1, 1}, 3.0)), 3.0);
  NDArray row = NDArray::full(DType::Float64, {3}, 7.0);
  EXPECT_EQ(single_float(row.slice(0, 2, 3, 1)), 7.0);  // a view with an offset
}

TEST(SingleFloat, NothingForOtherArrays) {
  EXPECT_FALSE(single_float(NDArray::scalar(std::nan(""))));
  EXPECT_FALSE(single_float(NDArray::full(DType::Float32, {}, std::nan(""))));
  EXPECT_FALSE(single_float(NDArray::scalar<std::int64_t>(1)));
  EXPECT_FALSE(single_float(NDArray::full(DType::Float16, {}, 1.0)));
  EXPECT_FALSE(single_float(NDArray::full(DType::Float64, {2}, 1.0)));
  EXPECT_FALSE(single_float(NDArray::zeros(DType::Float64, {0})));
}

}  // namespace
}  // namespace theano
