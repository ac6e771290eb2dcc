// Scalar functors of comparisons, logic and selection.
#pragma once

#include <cmath>

#include "kernels.h"
#include "support.h"

namespace theano::elemwise::fn {

#define THEANO_CMP_FUNCTOR(Name, op, Concept) \
  struct Name {                               \
    template <Concept T>                      \
    static bool f(T a, T b) {                 \
      return a op b;                          \
    }                                         \
  };
THEANO_CMP_FUNCTOR(Lt, <, Real)
THEANO_CMP_FUNCTOR(Gt, >, Real)
THEANO_CMP_FUNCTOR(Le, <=, Real)
THEANO_CMP_FUNCTOR(Ge, >=, Real)
THEANO_CMP_FUNCTOR(Eq, ==, Number)
THEANO_CMP_FUNCTOR(Neq, !=, Number)
#undef THEANO_CMP_FUNCTOR

struct IsNan {
  template <Number T>
  static bool f(T a) {
    if constexpr (Float<T>)
      return std::isnan(a);
    else if constexpr (Cplx<T>)
      return std::isnan(a.real()) || std::isnan(a.imag());
    else
      return false;
  }
};
struct IsInf {
  template <Number T>
  static bool f(T a) {
    if constexpr (Float<T>)
      return std::isinf(a);
    else if constexpr (Cplx<T>)
      return std::isinf(a.real()) || std::isinf(a.imag());
    else
      return false;
  }
};

template <class T>
concept IntOrBool = Int<T> || Bool<T>;

struct And {
  template <IntOrBool T>
  static T f(T a, T b) {
    return T(a & b);
  }
};
struct Or {
  template <IntOrBool T>
  static T f(T a, T b) {
    return T(a | b);
  }
};
struct Xor {
  template <IntOrBool T>
  static T f(T a, T b) {
    return T(a ^ b);
  }
};
struct Invert {
  template <IntOrBool T>
  static T f(T a) {
    if constexpr (Bool<T>)
      return !a;
    else
      return T(~a);
  }
};
struct Switch {
  template <Number T>
  static T f(bool c, T a, T b) {
    return c ? a : b;
  }
};

}  // namespace theano::elemwise::fn
