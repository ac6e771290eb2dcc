// IEEE 754 half precision storage type with round-to-nearest-even conversion.
#pragma once

#include <cstdint>

namespace theano {

/// A 16-bit float as stored in memory. Arithmetic happens in float32: kernels
/// convert on load and store, as NumPy does for float16.
struct float16 {
  std::uint16_t bits = 0;

  float16() = default;
  explicit float16(float value) : bits(from_float(value)) {}
  /// Rounds the double directly (one rounding, as NumPy's float64 -> float16).
  explicit float16(double value) : bits(from_double(value)) {}
  explicit operator float() const { return to_float(bits); }
  explicit operator double() const { return to_float(bits); }

  static float16 from_bits(std::uint16_t raw) {
    float16 h;
    h.bits = raw;
    return h;
  }
  static std::uint16_t from_float(float value);
  static std::uint16_t from_double(double value);
  static float to_float(std::uint16_t bits);

  friend bool operator==(float16 a, float16 b) { return float(a) == float(b); }
};

}  // namespace theano
