// Scalar functors of the arithmetic ops. Integer division and modulo follow
// Python (floor, sign of the divisor) and give 0 for a zero divisor instead
// of trapping; float floor division and modulo follow NumPy's divmod.
#pragma once

#include <cmath>

#include "kernels.h"
#include "support.h"

namespace theano::elemwise::fn {

struct Add {
  template <Number T>
  static T f(T a, T b) {
    return T(a + b);
  }
};
struct Sub {
  template <Number T>
  requires(!Bool<T>) static T f(T a, T b) { return T(a - b); }
};
struct Mul {
  template <Number T>
  static T f(T a, T b) {
    return T(a * b);
  }
};
struct TrueDiv {
  template <class T>
  requires(Float<T> || Cplx<T>) static T f(T a, T b) { return a / b; }
};

struct IntDiv {
  template <class T>
  requires(Int<T> || Float<T>) static T f(T a, T b) { return support::theano_floordiv(a, b); }
};
struct Mod {
  template <class T>
  requires(Int<T> || Float<T>) static T f(T a, T b) { return support::theano_mod(a, b); }
};
struct Pow {
  template <Int T>
  static T f(T a, T b) {
    return support::theano_pow(a, b);
  }
  template <class T>
  requires(Float<T> || Cplx<T>) static T f(T a, T b) { return std::pow(a, b); }
  static bool vec2(const float* a, const float* b, float* o, std::int64_t n);
  static bool vec2(const double* a, const double* b, double* o, std::int64_t n);
};
struct Neg {
  template <Number T>
  requires(!Bool<T>) static T f(T a) { return T(T(0) - a); }
};
struct Inv {
  template <class T>
  requires(Float<T> || Cplx<T>) static T f(T a) { return T(1) / a; }
};
struct Sqr {
  template <Number T>
  static T f(T a) {
    return T(a * a);
  }
};
struct Sqrt {
  template <class T>
  requires(Float<T> || Cplx<T>) static T f(T a) { return std::sqrt(a); }
};
struct Abs {
  template <Real T>
  static T f(T a) {
    if constexpr (SInt<T>)
      return T(a < 0 ? T(0) - a : a);
    else if constexpr (Float<T>)
      return std::fabs(a);
    else
      return a;
  }
  template <Cplx T>
  static real_t<T> f(T a) {
    return std::abs(a);
  }
};
struct Sgn {
  template <Real T>
  static T f(T a) {
    return support::theano_sgn(a);
  }
};
struct Maximum {
  template <Real T>
  static T f(T a, T b) {
    return (a >= b || a != a) ? a : b;
  }
};
struct Minimum {
  template <Real T>
  static T f(T a, T b) {
    return (a <= b || a != a) ? a : b;
  }
};
struct Identity {
  template <Number T>
  static T f(T a) {
    return a;
  }
};
struct RoundHalfEven {
  template <Real T>
  static T f(T a) {
    if constexpr (Float<T>)
      return std::nearbyint(a);
    else
      return a;
  }
};
struct RoundHalfAway {
  template <Real T>
  static T f(T a) {
    if constexpr (Float<T>)
      return std::round(a);
    else
      return a;
  }
};
struct Floor {
  template <Float T>
  static T f(T a) {
    return std::floor(a);
  }
};
struct Ceil {
  template <Float T>
  static T f(T a) {
    return std::ceil(a);
  }
};
struct Trunc {
  template <Float T>
  static T f(T a) {
    return std::trunc(a);
  }
};
struct Clip {
  template <Real T>
  static T f(T x, T lo, T hi) {
    return x < lo ? lo : (x > hi ? hi : x);
  }
};

}  // namespace theano::elemwise::fn
