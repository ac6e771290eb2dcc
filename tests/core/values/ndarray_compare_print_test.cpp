// Element access, comparisons (array_equal, allclose, may_share_memory) and
// the NumPy-like str() rendering, checked against strings NumPy prints.
#include <cmath>

#include "theano/core/ndarray.h"
#include "values_test_util.h"

namespace theano {
namespace {

using testing::thrown_message;

TEST(Compare, AtReadsAnyDtypeAsDouble) {
  const NDArray m = NDArray::from_values<std::uint8_t>({1, 2, 3, 250}, {2, 2});
  EXPECT_EQ(m.at({1, 1}), 250.0);
  EXPECT_EQ(m.at({-1, 0}), 3.0);
  EXPECT_EQ(NDArray::scalar(float16(1.5f)).at({}), 1.5);
  EXPECT_EQ(thrown_message<IndexError>([&] {
              m.at({2, 0});
            }),
            "index 2 is out of bounds for axis 0 with size 2");
  EXPECT_CONTAINS(thrown_message<IndexError>([&] { m.at({0}); }), "1 indices");
}

TEST(Compare, ArrayEqualIsExact) {
  const NDArray a = NDArray::from_values<double>({1, 2, NAN});
  EXPECT_FALSE(array_equal(a, a));  // NaN != NaN
  const NDArray b = NDArray::from_values<double>({1, 2, 3});
  EXPECT_TRUE(array_equal(b, b.copy()));
  EXPECT_FALSE(array_equal(b, b.astype(DType::Float32)));  // dtype differs
  EXPECT_FALSE(array_equal(b, b.reshape({3, 1})));         // shape differs
  EXPECT_TRUE(array_equal(b.slice(0, 2, -1, -1), NDArray::from_values<double>({3, 2, 1})));
  EXPECT_TRUE(array_equal(NDArray(), NDArray()));
  EXPECT_FALSE(array_equal(NDArray(), b));
}

TEST(Compare, AllcloseFollowsNumPy) {
  const NDArray a = NDArray::from_values<double>({1.0, 100.0, INFINITY, NAN});
  const NDArray b = NDArray::from_values<float>({1.000001f, 100.001f, INFINITY, NAN});
  EXPECT_FALSE(allclose(a, b));  // NaN
  EXPECT_TRUE(allclose(a, b, 1e-5, 1e-8, true));
  EXPECT_FALSE(allclose(a, b, 1e-9, 0, true));
  const NDArray c = NDArray::from_values<double>({1.0, 100.0, -INFINITY, NAN});
  EXPECT_FALSE(allclose(a, c, 1e-5, 1e-8, true));  // inf vs -inf
  const NDArray z1 = NDArray::from_values<std::complex<double>>({{1, 1}, {0, 2}});
  const NDArray z2 = NDArray::from_values<std::complex<float>>({{1, 1.000001f}, {0, 2}});
  EXPECT_TRUE(allclose(z1, z2));
  EXPECT_FALSE(allclose(z1, z2.astype(DType::Float32)));  // imaginary parts dropped
  EXPECT_FALSE(allclose(a, a.reshape({2, 2})));
}

TEST(Compare, MayShareMemoryComparesByteRanges) {
  const NDArray a = NDArray::from_values<std::int32_t>({0, 1, 2, 3, 4, 5});
  EXPECT_TRUE(a.may_share_memory(a));
  EXPECT_FALSE(a.slice(0, 0, 3, 1).may_share_memory(a.slice(0, 3, 6, 1)));
  EXPECT_TRUE(a.slice(0, 0, 4, 1).may_share_memory(a.slice(0, 3, 6, 1)));
  EXPECT_TRUE(a.slice(0, 5, -1, -2).may_share_memory(a.slice(0, 2, 3, 1)));  // [5, 3, 1] spans 1..5
  EXPECT_FALSE(a.slice(0, 5, -1, -2).may_share_memory(a.slice(0, 0, 1, 1)));
  EXPECT_FALSE(a.may_share_memory(a.copy()));
  EXPECT_FALSE(a.slice(0, 2, 2, 1).may_share_memory(a));  // empty
  const NDArray bytes = NDArray::from_buffer(a.buffer(), DType::UInt8, {4}, {1}, 8);
  EXPECT_TRUE(bytes.may_share_memory(a.index(0, 2)));
  EXPECT_FALSE(bytes.may_share_memory(a.index(0, 3)));
}

TEST(Print, MatchesNumPyStr) {
  EXPECT_EQ(NDArray::from_values<std::int8_t>({1, -2, 30, 4}, {2, 2}).str(), "[[ 1 -2]\n [30  4]]");
  EXPECT_EQ(NDArray::from_values<float>({0.5f, -1.25f, NAN, INFINITY}).str(),
            "[ 0.5  -1.25   nan   inf]");
  EXPECT_EQ(NDArray::from_values<double>({1e-7, 1.0, 2e5}).str(), "[1.e-07 1.e+00 2.e+05]");
  EXPECT_EQ(NDArray::from_values<std::complex<double>>({{1, 1}, {-0.0, -2.5}}).str(),
            "[ 1.+1.j  -0.-2.5j]");
  EXPECT_EQ(NDArray::from_values<bool>({true, false, true}).str(), "[ True False  True]");
  std::vector<double> twelve(12);
  for (int i = 0; i < 12; ++i) twelve[i] = i;
  EXPECT_EQ(NDArray::from_vector(twelve, {2, 3, 2}).str(),
            "[[[ 0.  1.]\n  [ 2.  3.]\n  [ 4.  5.]]\n\n [[ 6.  7.]\n  [ 8.  9.]\n  [10. 11.]]]");
  EXPECT_EQ(NDArray::from_values<double>({123456789.0, 1}).str(),
            "[1.23456789e+08 1.00000000e+00]");
  EXPECT_EQ(NDArray::from_values<double>({1e-300, 1e300}).str(), "[1.e-300 1.e+300]");
  EXPECT_EQ(NDArray::zeros(DType::Float64, {2, 0}).str(), "[]");
}

TEST(Print, WrapsLongRowsAt75Columns) {
  std::vector<double> values(20);
  for (int i = 0; i < 20; ++i) values[i] = i * 1e7;
  EXPECT_EQ(NDArray::from_vector(values).str(),
            "[0.0e+00 1.0e+07 2.0e+07 3.0e+07 4.0e+07 5.0e+07 6.0e+07 7.0e+07 8.0e+07\n"
            " 9.0e+07 1.0e+08 1.1e+08 1.2e+08 1.3e+08 1.4e+08 1.5e+08 1.6e+08 1.7e+08\n"
            " 1.8e+08 1.9e+08]");
}

TEST(Print, TrimsRoundedDigitsAndTrailingBlanks) {
  // 8 rounded digits end in a zero, which NumPy trims.
  EXPECT_EQ(NDArray::from_values<double>({0.123456701, 1.5}).str(), "[0.1234567 1.5      ]");
  std::vector<double> values(9, 0.12345678);
  values[5] = 1.5;  // last on the first line: its padding is stripped before the break
  EXPECT_EQ(NDArray::from_vector(values).str(),
            "[0.12345678 0.12345678 0.12345678 0.12345678 0.12345678 1.5\n"
            " 0.12345678 0.12345678 0.12345678]");
}

TEST(Print, ElidesLargeArrays) {
  std::vector<std::int64_t> values(4000);
  for (int i = 0; i < 4000; ++i) values[i] = i - 2000;
  EXPECT_EQ(NDArray::from_vector(values, {4, 1000}).str(),
            "[[-2000 -1999 -1998 ... -1003 -1002 -1001]\n"
            " [-1000  -999  -998 ...    -3    -2    -1]\n"
            " [    0     1     2 ...   997   998   999]\n"
            " [ 1000  1001  1002 ...  1997  1998  1999]]");
  std::vector<std::int32_t> small(1001);
  for (int i = 0; i < 1001; ++i) small[i] = i;
  EXPECT_EQ(NDArray::from_vector(small).str(), "[   0    1    2 ...  998  999 1000]");
}

TEST(Print, ScalarsPrintLikeNumPyScalars) {
  EXPECT_EQ(NDArray::scalar(1.0 / 3).str(), "0.3333333333333333");
  EXPECT_EQ(NDArray::scalar(1e20).str(), "1e+20");
  EXPECT_EQ(NDArray::scalar(2.0).str(), "2.0");
  EXPECT_EQ(NDArray::scalar(0.1f).str(), "0.1");
  EXPECT_EQ(NDArray::scalar(std::complex<double>(2, 0.5)).str(), "(2+0.5j)");
  EXPECT_EQ(NDArray::scalar(std::complex<double>(-0.0, -1)).str(), "(-0-1j)");
  EXPECT_EQ(NDArray::scalar(std::int16_t{-7}).str(), "-7");
  EXPECT_EQ(NDArray::scalar(true).str(), "True");
  EXPECT_EQ(NDArray().str(), "NDArray(null)");
}

}  // namespace
}  // namespace theano
