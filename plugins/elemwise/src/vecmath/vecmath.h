// Vectorised transcendental functions over contiguous float32 / float64
// arrays, backed by SLEEF (Debian's libsleef) with the widest instruction set
// the CPU offers, chosen once at load time. Accuracy per function is listed
// in docs/elemwise-accuracy.md; callers fall back to the C library when a
// table entry is null (no AVX2 on the machine).
#pragma once

#include <cstdint>

namespace theano::elemwise::vecmath {

/// The unary functions the tables provide, in table order.
enum class Fn : int {
  Exp,
  Exp2,
  Expm1,
  Log,
  Log2,
  Log10,
  Log1p,
  Sin,
  Cos,
  Tan,
  Asin,
  Acos,
  Atan,
  Sinh,
  Cosh,
  Tanh,
  Asinh,
  Acosh,
  Atanh,
  Erf,
  Erfc,
  Tgamma,
  Lgamma,
  kCount
};
/// The binary functions, in table order.
enum class Fn2 : int { Pow, Atan2, kCount };

using UnaryF32 = void (*)(const float* in, float* out, std::int64_t n);
using UnaryF64 = void (*)(const double* in, double* out, std::int64_t n);
using BinaryF32 = void (*)(const float* a, const float* b, float* out, std::int64_t n);
using BinaryF64 = void (*)(const double* a, const double* b, double* out, std::int64_t n);

/// One instruction set's kernels.
struct Table {
  const char* isa;
  UnaryF32 f32[static_cast<int>(Fn::kCount)];
  UnaryF64 f64[static_cast<int>(Fn::kCount)];
  BinaryF32 f32_2[static_cast<int>(Fn2::kCount)];
  BinaryF64 f64_2[static_cast<int>(Fn2::kCount)];
};

/// The table for this CPU, or nullptr when no supported SIMD set is present.
const Table* table();
/// "avx512f", "avx2" or "none".
const char* isa();

inline UnaryF32 unary_f32(Fn f) {
  return table() ? table()->f32[static_cast<int>(f)] : nullptr;
}
inline UnaryF64 unary_f64(Fn f) {
  return table() ? table()->f64[static_cast<int>(f)] : nullptr;
}
inline BinaryF32 binary_f32(Fn2 f) {
  return table() ? table()->f32_2[static_cast<int>(f)] : nullptr;
}
inline BinaryF64 binary_f64(Fn2 f) {
  return table() ? table()->f64_2[static_cast<int>(f)] : nullptr;
}

}  // namespace theano::elemwise::vecmath
