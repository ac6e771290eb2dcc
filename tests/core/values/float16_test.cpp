// float16 conversions: exact widening of all 65536 bit patterns, rounding
// to nearest even (ties, subnormals, overflow) against NumPy-made cases, and
// NaN / infinity / signed zero handling.
#include <cmath>
#include <cstring>
#include <sstream>

#include "theano/core/float16.h"
#include "values_test_util.h"

namespace theano {
namespace {

// Independent reference for the value of a half bit pattern.
double reference_value(std::uint16_t bits) {
  const int sign = (bits & 0x8000) ? -1 : 1;
  const int exponent = (bits >> 10) & 0x1f;
  const int mantissa = bits & 0x3ff;
  if (exponent == 0) return sign * std::ldexp(mantissa, -24);
  if (exponent == 31) return mantissa ? NAN : sign * INFINITY;
  return sign * std::ldexp(1024 + mantissa, exponent - 25);
}

TEST(Float16, EveryBitPatternWidensExactlyAndRoundTrips) {
  for (std::uint32_t raw = 0; raw <= 0xffff; ++raw) {
    const auto bits = static_cast<std::uint16_t>(raw);
    const float value = float16::to_float(bits);
    const double expected = reference_value(bits);
    if (std::isnan(expected)) {
      EXPECT_TRUE(std::isnan(value)) << std::hex << raw;
      EXPECT_TRUE(std::isnan(float16::to_float(float16::from_float(value)))) << std::hex << raw;
      continue;
    }
    ASSERT_TRUE(testing::same_float(value, expected)) << std::hex << raw;
    ASSERT_EQ(float16::from_float(value), bits) << std::hex << raw;
    ASSERT_EQ(float16::from_double(static_cast<double>(value)), bits) << std::hex << raw;
  }
}

TEST(Float16, RoundsLikeNumPy) {
  int checked = 0;
  for (const std::string& line : testing::read_lines("float16_cases.txt")) {
    std::istringstream in(line);
    std::string kind, value_text, bits_text;
    in >> kind >> value_text >> bits_text;
    const double value = std::strtod(value_text.c_str(), nullptr);
    const auto expected = static_cast<std::uint16_t>(std::stoul(bits_text, nullptr, 16));
    const std::uint16_t got = kind == "f32" ? float16::from_float(static_cast<float>(value))
                                            : float16::from_double(value);
    EXPECT_EQ(got, expected) << kind << " " << value_text;
    ++checked;
  }
  EXPECT_GT(checked, 1000);
}

TEST(Float16, ArrayConversionsAgreeWithScalarOnes) {
  // Contiguous float32 <-> float16 rows may take the F16C path; it must match.
  std::vector<float> floats;
  for (std::uint32_t raw = 0; raw <= 0xffff; ++raw) {
    const float f = float16::to_float(static_cast<std::uint16_t>(raw));
    floats.push_back(f);
    floats.push_back(std::nextafter(f, INFINITY));
    floats.push_back(std::nextafter(f, -INFINITY));
  }
  const NDArray halves = NDArray::from_vector(floats).astype(DType::Float16);
  const float16* h = halves.data<float16>();
  for (std::size_t i = 0; i < floats.size(); ++i) {
    if (std::isnan(floats[i])) {
      ASSERT_TRUE(std::isnan(float16::to_float(h[i].bits))) << i;
    } else {
      ASSERT_EQ(h[i].bits, float16::from_float(floats[i])) << floats[i];
    }
  }
  const NDArray widened = halves.astype(DType::Float32);
  const float* w = widened.data<float>();
  for (std::size_t i = 0; i < floats.size(); ++i) {
    ASSERT_TRUE(testing::same_float(w[i], float16::to_float(h[i].bits))) << i;
  }
}

TEST(Float16, EdgeCases) {
  EXPECT_EQ(float16::from_float(65504.0f), 0x7bff);               // largest finite
  EXPECT_EQ(float16::from_float(65519.0f), 0x7bff);               // still rounds down
  EXPECT_EQ(float16::from_float(65520.0f), 0x7c00);               // tie rounds to even: infinity
  EXPECT_EQ(float16::from_float(-1e30f), 0xfc00);                 // overflow keeps the sign
  EXPECT_EQ(float16::from_float(std::ldexp(1.0f, -24)), 0x0001);  // smallest subnormal
  EXPECT_EQ(float16::from_float(std::ldexp(1.0f, -25)), 0x0000);  // tie to even: zero
  EXPECT_EQ(float16::from_float(std::ldexp(3.0f, -25)), 0x0002);  // tie 1.5 ulp -> 2
  EXPECT_EQ(float16::from_float(std::ldexp(1.0f, -14)), 0x0400);  // smallest normal
  EXPECT_EQ(float16::from_float(-0.0f), 0x8000);
  EXPECT_EQ(float16::from_float(1.0f + std::ldexp(1.0f, -11)), 0x3c00);      // tie to even
  EXPECT_EQ(float16::from_float(1.0f + 3 * std::ldexp(1.0f, -11)), 0x3c02);  // tie to even
  EXPECT_EQ(float16::from_float(INFINITY), 0x7c00);
  EXPECT_EQ(float16::from_double(-INFINITY), 0xfc00);
  const std::uint16_t nan = float16::from_float(NAN);
  EXPECT_EQ(nan & 0x7c00, 0x7c00);
  EXPECT_NE(nan & 0x03ff, 0);
  const std::uint16_t negative_nan = float16::from_double(-NAN);
  EXPECT_TRUE(negative_nan & 0x8000);
  EXPECT_TRUE(std::isnan(float16::to_float(negative_nan)));
  // A signalling NaN whose payload lives only in low bits must stay a NaN.
  float signalling;
  const std::uint32_t signalling_bits = 0x7f800001u;
  std::memcpy(&signalling, &signalling_bits, sizeof signalling);
  EXPECT_TRUE(std::isnan(float16::to_float(float16::from_float(signalling))));
}

TEST(Float16, DoubleRoundsOnce) {
  // 1 + 2^-11 + 2^-40 is just above a tie: a double -> float -> half path
  // would round to the tie first and then down to even.
  const double value = 1.0 + std::ldexp(1.0, -11) + std::ldexp(1.0, -40);
  EXPECT_EQ(float16::from_double(value), 0x3c01);
  EXPECT_EQ(float16(value).bits, 0x3c01);
}

TEST(Float16, StructConversions) {
  const float16 h(2.5f);
  EXPECT_EQ(static_cast<float>(h), 2.5f);
  EXPECT_EQ(static_cast<double>(h), 2.5);
  EXPECT_TRUE(float16::from_bits(0x0000) == float16::from_bits(0x8000));   // +0 == -0
  EXPECT_FALSE(float16::from_bits(0x7e00) == float16::from_bits(0x7e00));  // NaN != NaN
}

}  // namespace
}  // namespace theano
