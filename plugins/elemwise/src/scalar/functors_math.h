// Scalar functors of the exponential, logarithmic, trigonometric and special
// functions. Contiguous float32/float64 runs go through the SLEEF tables
// (vecmath) when the CPU has AVX2 or AVX-512; everything else uses <cmath>.
#pragma once

#include <cmath>

#include "../vecmath/vecmath.h"
#include "kernels.h"
#include "support.h"

namespace theano::elemwise::fn {

inline bool run_vec(vecmath::UnaryF32 k, const float* x, float* o, std::int64_t n) {
  if (k) k(x, o, n);
  return k != nullptr;
}
inline bool run_vec(vecmath::UnaryF64 k, const double* x, double* o, std::int64_t n) {
  if (k) k(x, o, n);
  return k != nullptr;
}

#define THEANO_VEC_HOOKS(Id)                                      \
  static bool vec(const float* x, float* o, std::int64_t n) {     \
    return run_vec(vecmath::unary_f32(vecmath::Fn::Id), x, o, n); \
  }                                                               \
  static bool vec(const double* x, double* o, std::int64_t n) {   \
    return run_vec(vecmath::unary_f64(vecmath::Fn::Id), x, o, n); \
  }

/// Real and complex: std:: overloads exist for both.
#define THEANO_MATH_FUNCTOR_C(Name, stdfn, Id)                              \
  struct Name {                                                             \
    template <class T>                                                      \
    requires(Float<T> || Cplx<T>) static T f(T a) { return std::stdfn(a); } \
    THEANO_VEC_HOOKS(Id)                                                    \
  };
/// Real only.
#define THEANO_MATH_FUNCTOR_R(Name, stdfn, Id) \
  struct Name {                                \
    template <Float T>                         \
    static T f(T a) {                          \
      return std::stdfn(a);                    \
    }                                          \
    THEANO_VEC_HOOKS(Id)                       \
  };

THEANO_MATH_FUNCTOR_C(Exp, exp, Exp)
THEANO_MATH_FUNCTOR_R(Exp2, exp2, Exp2)
THEANO_MATH_FUNCTOR_R(Expm1, expm1, Expm1)
THEANO_MATH_FUNCTOR_C(Log, log, Log)
THEANO_MATH_FUNCTOR_R(Log2, log2, Log2)
THEANO_MATH_FUNCTOR_C(Log10, log10, Log10)
THEANO_MATH_FUNCTOR_R(Log1p, log1p, Log1p)
THEANO_MATH_FUNCTOR_C(Sin, sin, Sin)
THEANO_MATH_FUNCTOR_C(Cos, cos, Cos)
THEANO_MATH_FUNCTOR_C(Tan, tan, Tan)
THEANO_MATH_FUNCTOR_C(ArcSin, asin, Asin)
THEANO_MATH_FUNCTOR_C(ArcCos, acos, Acos)
THEANO_MATH_FUNCTOR_C(ArcTan, atan, Atan)
THEANO_MATH_FUNCTOR_C(Sinh, sinh, Sinh)
THEANO_MATH_FUNCTOR_C(Cosh, cosh, Cosh)
THEANO_MATH_FUNCTOR_C(Tanh, tanh, Tanh)
THEANO_MATH_FUNCTOR_C(ArcSinh, asinh, Asinh)
THEANO_MATH_FUNCTOR_C(ArcCosh, acosh, Acosh)
THEANO_MATH_FUNCTOR_C(ArcTanh, atanh, Atanh)
THEANO_MATH_FUNCTOR_R(Erf, erf, Erf)
THEANO_MATH_FUNCTOR_R(Erfc, erfc, Erfc)
THEANO_MATH_FUNCTOR_R(Gamma, tgamma, Tgamma)
#undef THEANO_MATH_FUNCTOR_C
#undef THEANO_MATH_FUNCTOR_R

struct GammaLn {
  // lgamma_r: glibc's lgamma writes the global signgam (a data race).
  static float f(float a) {
    int sign;
    return ::lgammaf_r(a, &sign);
  }
  static double f(double a) {
    int sign;
    return ::lgamma_r(a, &sign);
  }
  THEANO_VEC_HOOKS(Lgamma)
};
#undef THEANO_VEC_HOOKS

struct ArcTan2 {
  template <Float T>
  static T f(T y, T x) {
    return std::atan2(y, x);
  }
  static bool vec2(const float* a, const float* b, float* o, std::int64_t n) {
    auto k = vecmath::binary_f32(vecmath::Fn2::Atan2);
    if (k) k(a, b, o, n);
    return k != nullptr;
  }
  static bool vec2(const double* a, const double* b, double* o, std::int64_t n) {
    auto k = vecmath::binary_f64(vecmath::Fn2::Atan2);
    if (k) k(a, b, o, n);
    return k != nullptr;
  }
};
struct Deg2Rad {
  template <Float T>
  static T f(T a) {
    return a * T(0.017453292519943295769);
  }
};
struct Rad2Deg {
  template <Float T>
  static T f(T a) {
    return a * T(57.295779513082320877);
  }
};
struct ErfInv {
  template <Float T>
  static T f(T a) {
    return support::theano_erfinv(a);
  }
};
struct ErfcInv {
  template <Float T>
  static T f(T a) {
    return support::theano_erfcinv(a);
  }
};
struct Psi {
  template <Float T>
  static T f(T a) {
    return support::theano_psi(a);
  }
};
struct TriGamma {
  template <Float T>
  static T f(T a) {
    return support::theano_trigamma(a);
  }
};
struct XLogX {
  template <Float T>
  static T f(T a) {
    return support::theano_xlogx(a);
  }
};
struct XLogY0 {
  template <Float T>
  static T f(T a, T b) {
    return support::theano_xlogy0(a, b);
  }
};

}  // namespace theano::elemwise::fn
