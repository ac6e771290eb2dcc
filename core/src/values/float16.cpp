// IEEE 754 binary16 conversions: round-to-nearest-even from float and double
// (one rounding step each, as NumPy does), exact widening to float. NaNs keep
// their sign and top payload bits and stay quiet; overflow gives infinity;
// subnormals are produced and read exactly.
#include "theano/core/float16.h"

#include <bit>

namespace theano {
namespace {

constexpr std::uint16_t kHalfInf = 0x7c00;
constexpr std::uint16_t kHalfQuietBit = 0x0200;

// Shifts `value` right by `shift` bits, rounding to nearest, ties to even.
template <class U>
U shift_right_round_even(U value, int shift) {
  const U kept = value >> shift;
  const U rest = value & ((U{1} << shift) - 1);
  const U halfway = U{1} << (shift - 1);
  return (rest > halfway || (rest == halfway && (kept & 1))) ? kept + 1 : kept;
}

}  // namespace

std::uint16_t float16::from_float(float value) {
  const auto x = std::bit_cast<std::uint32_t>(value);
  const auto sign = static_cast<std::uint16_t>((x >> 16) & 0x8000);
  const std::uint32_t abs = x & 0x7fffffffu;
  if (abs >= 0x7f800000u) {  // infinity or NaN
    if (abs == 0x7f800000u) return sign | kHalfInf;
    return sign | kHalfInf | kHalfQuietBit | static_cast<std::uint16_t>((abs >> 13) & 0x3ff);
  }
  if (abs >= 0x477ff000u) return sign | kHalfInf;  // >= 65520 rounds past 65504
  if (abs < 0x38800000u) {                         // below 2^-14: subnormal half or zero
    if (abs <= 0x33000000u) return sign;           // <= 2^-25 rounds to zero (tie to even)
    const int exponent = static_cast<int>(abs >> 23);
    const std::uint32_t significand = (abs & 0x7fffffu) | 0x800000u;
    return sign | static_cast<std::uint16_t>(shift_right_round_even(significand, 126 - exponent));
  }
  // Normal: rebias the exponent, round the significand; a carry may bump the exponent.
  const std::uint32_t rebased = abs - ((127u - 15u) << 23);
  return sign | static_cast<std::uint16_t>(shift_right_round_even(rebased, 13));
}

std::uint16_t float16::from_double(double value) {
  const auto x = std::bit_cast<std::uint64_t>(value);
  const auto sign = static_cast<std::uint16_t>((x >> 48) & 0x8000);
  const std::uint64_t abs = x & 0x7fffffffffffffffull;
  if (abs >= 0x7ff0000000000000ull) {
    if (abs == 0x7ff0000000000000ull) return sign | kHalfInf;
    return sign | kHalfInf | kHalfQuietBit | static_cast<std::uint16_t>((abs >> 42) & 0x3ff);
  }
  if (abs >= 0x40effe0000000000ull) return sign | kHalfInf;  // >= 65520
  if (abs < 0x3f10000000000000ull) {                         // below 2^-14
    if (abs <= 0x3e60000000000000ull) return sign;           // <= 2^-25
    const int exponent = static_cast<int>(abs >> 52);
    const std::uint64_t significand = (abs & 0xfffffffffffffull) | 0x10000000000000ull;
    return sign | static_cast<std::uint16_t>(shift_right_round_even(significand, 1051 - exponent));
  }
  const std::uint64_t rebased = abs - ((1023ull - 15ull) << 52);
  return sign | static_cast<std::uint16_t>(shift_right_round_even(rebased, 42));
}

float float16::to_float(std::uint16_t bits) {
  const std::uint32_t sign = static_cast<std::uint32_t>(bits & 0x8000) << 16;
  const std::uint32_t exponent = (bits >> 10) & 0x1f;
  const std::uint32_t mantissa = bits & 0x3ff;
  if (exponent == 0) {  // zero or subnormal: mantissa * 2^-24, exact in float
    const float magnitude = static_cast<float>(mantissa) * 5.9604644775390625e-8f;
    return std::bit_cast<float>(std::bit_cast<std::uint32_t>(magnitude) | sign);
  }
  if (exponent == 31) return std::bit_cast<float>(sign | 0x7f800000u | (mantissa << 13));
  return std::bit_cast<float>(sign | ((exponent + 127 - 15) << 23) | (mantissa << 13));
}

}  // namespace theano
