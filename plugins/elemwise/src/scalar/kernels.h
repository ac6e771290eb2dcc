// Loop templates that turn a scalar functor into a ScalarLoop. A functor is
// a struct with a static template `f` on C++ element types; a loop is
// instantiated only for the types `f` accepts (its concepts decide), and only
// for the loop dtypes a signature can name (never float16: it is computed in
// float32). Hot loops are compiled twice (x86-64-v3 and baseline) and chosen
// by the CPU at load time, so the compiler's vectoriser can use AVX2.
#pragma once

#include <algorithm>
#include <complex>
#include <concepts>
#include <cstdint>
#include <string>
#include <type_traits>

#include "theano/core/dtype.h"
#include "theano/core/errors.h"
#include "theano/plugin_api/scalar_op.h"

#define THEANO_MULTIVERSION __attribute__((target_clones("arch=x86-64-v3", "default")))

namespace theano::elemwise {

template <class T>
struct is_complex_type : std::false_type {};
template <class T>
struct is_complex_type<std::complex<T>> : std::true_type {};

template <class T>
concept Bool = std::same_as<T, bool>;
template <class T>
concept Int = std::integral<T> && !std::same_as<T, bool>;
template <class T>
concept SInt = Int<T> && std::is_signed_v<T>;
template <class T>
concept UInt = Int<T> && std::is_unsigned_v<T>;
template <class T>
concept Float = std::same_as<T, float> || std::same_as<T, double>;
template <class T>
concept Cplx = is_complex_type<T>::value;
/// Bool, integers and floats: everything ordered.
template <class T>
concept Real = std::is_arithmetic_v<T>;
template <class T>
concept Number = Real<T> || Cplx<T>;

template <class T>
struct real_of {
  using type = T;
};
template <class T>
struct real_of<std::complex<T>> {
  using type = T;
};
template <class T>
using real_t = typename real_of<T>::type;

/// True when functor F can compute on these loop element types.
template <class F, class... T>
concept Computes = (!std::same_as<T, float16> && ...) && requires(T... x) {
  F::f(x...);
};

template <class F, class... T>
using result_of_f = decltype(F::f(std::declval<T>()...));

[[noreturn]] void throw_no_loop(const std::string& op, const LoopSignature& sig);

// --- loops --------------------------------------------------------------------

template <class F, class T, class R>
THEANO_MULTIVERSION void unary_loop(const LoopArgs& a) {
  const T* x = static_cast<const T*>(a.in[0]);
  R* o = static_cast<R*>(a.out[0]);
  const std::int64_t n = a.n;
  if (a.in_step[0] == 0) {
    const R v = F::f(x[0]);
    for (std::int64_t i = 0; i < n; ++i) o[i] = v;
    return;
  }
  if constexpr (requires(const T* in, T* out) { F::vec(in, out, n); }) {
    if (F::vec(x, o, n)) return;
  }
  for (std::int64_t i = 0; i < n; ++i) o[i] = F::f(x[i]);
}

template <class F, class T, class R>
THEANO_MULTIVERSION void binary_loop(const LoopArgs& a) {
  const T* x = static_cast<const T*>(a.in[0]);
  const T* y = static_cast<const T*>(a.in[1]);
  R* o = static_cast<R*>(a.out[0]);
  const std::int64_t n = a.n;
  const bool sx = a.in_step[0] != 0, sy = a.in_step[1] != 0;
  if (sx && sy) {
    if constexpr (requires(const T* p, R* out) { F::vec2(p, p, out, n); }) {
      if (F::vec2(x, y, o, n)) return;
    }
    for (std::int64_t i = 0; i < n; ++i) o[i] = F::f(x[i], y[i]);
  } else if (sx) {
    const T b = y[0];
    for (std::int64_t i = 0; i < n; ++i) o[i] = F::f(x[i], b);
  } else if (sy) {
    const T c = x[0];
    for (std::int64_t i = 0; i < n; ++i) o[i] = F::f(c, y[i]);
  } else {
    const R v = F::f(x[0], y[0]);
    for (std::int64_t i = 0; i < n; ++i) o[i] = v;
  }
}

/// out = f(f(in0, in1), in2)...: n-ary add and mul. When the output aliases
/// one input, that input is folded first (the op commutes); when it aliases
/// several (x * y * y in place of y), each element is folded on its own.
template <class F, class T>
THEANO_MULTIVERSION void accumulate_loop(const LoopArgs& a, int nin) {
  T* o = static_cast<T*>(a.out[0]);
  const std::int64_t n = a.n;
  int first = 0, aliased = 0;
  for (int k = 0; k < nin; ++k) {
    if (a.in[k] == o && a.in_step[k] != 0) {
      first = k;
      ++aliased;
    }
  }
  auto load = [&](int k, std::int64_t i) {
    return static_cast<const T*>(a.in[k])[a.in_step[k] ? i : 0];
  };
  if (aliased > 1) {
    for (std::int64_t i = 0; i < n; ++i) {
      T acc = load(0, i);
      for (int k = 1; k < nin; ++k) acc = F::f(acc, load(k, i));
      o[i] = acc;
    }
    return;
  }
  if (static_cast<const void*>(o) != a.in[first] || a.in_step[first] == 0) {
    for (std::int64_t i = 0; i < n; ++i) o[i] = load(first, i);
  }
  for (int k = 0; k < nin; ++k) {
    if (k == first) continue;
    const T* y = static_cast<const T*>(a.in[k]);
    if (a.in_step[k]) {
      for (std::int64_t i = 0; i < n; ++i) o[i] = F::f(o[i], y[i]);
    } else {
      const T b = y[0];
      for (std::int64_t i = 0; i < n; ++i) o[i] = F::f(o[i], b);
    }
  }
}

template <class F, class A, class B, class C, class R>
THEANO_MULTIVERSION void ternary_loop(const LoopArgs& a) {
  const A* x = static_cast<const A*>(a.in[0]);
  const B* y = static_cast<const B*>(a.in[1]);
  const C* z = static_cast<const C*>(a.in[2]);
  R* o = static_cast<R*>(a.out[0]);
  const std::int64_t n = a.n, sx = a.in_step[0], sy = a.in_step[1], sz = a.in_step[2];
  if (sx && sy && sz) {
    for (std::int64_t i = 0; i < n; ++i) o[i] = F::f(x[i], y[i], z[i]);
  } else {
    for (std::int64_t i = 0; i < n; ++i) o[i] = F::f(x[i * sx], y[i * sy], z[i * sz]);
  }
}

// --- factories: pick the instantiation for a signature --------------------------

/// Calls fn(TypeTag<T>) for the loop dtype `d`, refusing float16.
template <class Fn>
ScalarLoop visit_loop_dtype(DType d, Fn&& fn) {
  return visit_dtype(d, [&](auto tag) -> ScalarLoop {
    using T = typename decltype(tag)::type;
    if constexpr (std::same_as<T, float16>) {
      return nullptr;
    } else {
      return fn(tag);
    }
  });
}

template <class F>
ScalarLoop make_unary_loop(const std::string& op, const LoopSignature& sig) {
  ScalarLoop loop = visit_loop_dtype(sig.in[0], [&](auto tag) -> ScalarLoop {
    using T = typename decltype(tag)::type;
    if constexpr (Computes<F, T>) {
      using R = result_of_f<F, T>;
      if (dtype_v<R> == sig.out[0]) return &unary_loop<F, T, R>;
    }
    return nullptr;
  });
  if (!loop) throw_no_loop(op, sig);
  return loop;
}

template <class F>
ScalarLoop make_binary_loop(const std::string& op, const LoopSignature& sig) {
  ScalarLoop loop;
  if (sig.in[0] == sig.in[1]) {
    loop = visit_loop_dtype(sig.in[0], [&](auto tag) -> ScalarLoop {
      using T = typename decltype(tag)::type;
      if constexpr (Computes<F, T, T>) {
        using R = result_of_f<F, T, T>;
        if (dtype_v<R> == sig.out[0]) return &binary_loop<F, T, R>;
      }
      return nullptr;
    });
  }
  if (!loop) throw_no_loop(op, sig);
  return loop;
}

template <class F>
ScalarLoop make_accumulate_loop(const std::string& op, const LoopSignature& sig) {
  int nin = static_cast<int>(sig.in.size());
  if (nin == 2) return make_binary_loop<F>(op, sig);
  ScalarLoop loop = visit_loop_dtype(sig.out[0], [&](auto tag) -> ScalarLoop {
    using T = typename decltype(tag)::type;
    if constexpr (Computes<F, T, T>) {
      if constexpr (std::same_as<result_of_f<F, T, T>, T>) {
        return [nin](const LoopArgs& a) { accumulate_loop<F, T>(a, nin); };
      }
    }
    return nullptr;
  });
  for (DType d : sig.in) {
    if (d != sig.out[0]) loop = nullptr;
  }
  if (!loop) throw_no_loop(op, sig);
  return loop;
}

/// Ternary ops whose last two inputs share the loop dtype T and whose first
/// input is of dtype sig.in[0] (bool for switch, T for clip).
template <class F>
ScalarLoop make_ternary_loop(const std::string& op, const LoopSignature& sig) {
  ScalarLoop loop;
  if (sig.in[1] == sig.in[2]) {
    loop = visit_loop_dtype(sig.in[1], [&](auto tag) -> ScalarLoop {
      using T = typename decltype(tag)::type;
      if (sig.in[0] == DType::Bool) {
        if constexpr (Computes<F, bool, T, T>) {
          using R = result_of_f<F, bool, T, T>;
          if (dtype_v<R> == sig.out[0]) return &ternary_loop<F, bool, T, T, R>;
        }
      } else if (sig.in[0] == sig.in[1]) {
        if constexpr (Computes<F, T, T, T>) {
          using R = result_of_f<F, T, T, T>;
          if (dtype_v<R> == sig.out[0]) return &ternary_loop<F, T, T, T, R>;
        }
      }
      return nullptr;
    });
  }
  if (!loop) throw_no_loop(op, sig);
  return loop;
}

}  // namespace theano::elemwise
