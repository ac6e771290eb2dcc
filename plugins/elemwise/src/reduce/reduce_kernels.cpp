// Reduction kernels, instantiated per (op, value dtype, accumulator dtype).
// Folds keep 16 independent partial accumulators so the vectoriser can use
// SIMD lanes without reassociating a single sum.
#include "reduce_kernels.h"

#include <limits>

#include "../scalar/kernels.h"
#include "theano/core/errors.h"

namespace theano::elemwise {

namespace {

template <ReduceOp Op>
struct Combine;
template <>
struct Combine<ReduceOp::Add> {
  template <class A>
  static A f(A a, A b) {
    return A(a + b);
  }
};
template <>
struct Combine<ReduceOp::Mul> {
  template <class A>
  static A f(A a, A b) {
    return A(a * b);
  }
};
template <>
struct Combine<ReduceOp::Max> {
  template <class A>
  static A f(A a, A b) {
    return (a >= b || a != a) ? a : b;
  }
};
template <>
struct Combine<ReduceOp::Min> {
  template <class A>
  static A f(A a, A b) {
    return (a <= b || a != a) ? a : b;
  }
};
template <>
struct Combine<ReduceOp::And> {
  template <class A>
  static A f(A a, A b) {
    return A(a & b);
  }
};
template <>
struct Combine<ReduceOp::Or> {
  template <class A>
  static A f(A a, A b) {
    return A(a | b);
  }
};
template <>
struct Combine<ReduceOp::Xor> {
  template <class A>
  static A f(A a, A b) {
    return A(a ^ b);
  }
};

template <ReduceOp Op, class V, class A>
THEANO_MULTIVERSION void fold(const void* xv, std::int64_t n, void* accv) {
  using C = Combine<Op>;
  const V* x = static_cast<const V*>(xv);
  A* acc = static_cast<A*>(accv);
  constexpr int kLanes = 16;
  std::int64_t i = 0;
  A r = *acc;
  if (n >= kLanes) {
    A lane[kLanes];
    for (int k = 0; k < kLanes; ++k) lane[k] = static_cast<A>(x[k]);
    for (i = kLanes; i + kLanes <= n; i += kLanes)
      for (int k = 0; k < kLanes; ++k) lane[k] = C::f(lane[k], static_cast<A>(x[i + k]));
    for (int width = kLanes / 2; width > 0; width /= 2)
      for (int k = 0; k < width; ++k) lane[k] = C::f(lane[k], lane[k + width]);
    r = C::f(r, lane[0]);
  }
  for (; i < n; ++i) r = C::f(r, static_cast<A>(x[i]));
  *acc = r;
}

template <ReduceOp Op, class V, class A>
THEANO_MULTIVERSION void combine(const void* xv, std::int64_t n, void* accv) {
  using C = Combine<Op>;
  const V* x = static_cast<const V*>(xv);
  A* acc = static_cast<A*>(accv);
  for (std::int64_t i = 0; i < n; ++i) acc[i] = C::f(acc[i], static_cast<A>(x[i]));
}

template <ReduceOp Op, class A>
constexpr bool op_accepts() {
  if constexpr (std::same_as<A, float16>)
    return false;
  else if constexpr (Op == ReduceOp::And || Op == ReduceOp::Or || Op == ReduceOp::Xor)
    return std::integral<A>;
  else if constexpr (Op == ReduceOp::Max || Op == ReduceOp::Min)
    return Real<A>;
  else
    return Number<A>;
}

template <ReduceOp Op, class V, class A>
ReduceKernels kernels_for() {
  return ReduceKernels{&fold<Op, V, A>, &combine<Op, V, A>};
}

// Widening pairs: the value dtype V accumulates into a wider A.
template <ReduceOp Op>
std::optional<ReduceKernels> widening(DType v, DType a) {
  if constexpr (Op != ReduceOp::Add && Op != ReduceOp::Mul) {
    return std::nullopt;
  } else {
    if (a == DType::Float64 && v == DType::Float32) return kernels_for<Op, float, double>();
    if (a == DType::Complex128 && v == DType::Complex64)
      return kernels_for<Op, std::complex<float>, std::complex<double>>();
    if (a == DType::Int64) {
      switch (v) {
        case DType::Bool:
          return kernels_for<Op, bool, std::int64_t>();
        case DType::Int8:
          return kernels_for<Op, std::int8_t, std::int64_t>();
        case DType::Int16:
          return kernels_for<Op, std::int16_t, std::int64_t>();
        case DType::Int32:
          return kernels_for<Op, std::int32_t, std::int64_t>();
        default:
          break;
      }
    }
    if (a == DType::UInt64) {
      switch (v) {
        case DType::Bool:
          return kernels_for<Op, bool, std::uint64_t>();
        case DType::UInt8:
          return kernels_for<Op, std::uint8_t, std::uint64_t>();
        case DType::UInt16:
          return kernels_for<Op, std::uint16_t, std::uint64_t>();
        case DType::UInt32:
          return kernels_for<Op, std::uint32_t, std::uint64_t>();
        default:
          break;
      }
    }
    return std::nullopt;
  }
}

template <ReduceOp Op>
std::optional<ReduceKernels> kernels_of(DType v, DType a) {
  if (v == a) {
    return visit_dtype(a, [](auto tag) -> std::optional<ReduceKernels> {
      using A = typename decltype(tag)::type;
      if constexpr (op_accepts<Op, A>())
        return kernels_for<Op, A, A>();
      else
        return std::nullopt;
    });
  }
  return widening<Op>(v, a);
}

}  // namespace

ReduceOp parse_reduce_op(const std::string& s) {
  if (s == "add") return ReduceOp::Add;
  if (s == "mul") return ReduceOp::Mul;
  if (s == "maximum") return ReduceOp::Max;
  if (s == "minimum") return ReduceOp::Min;
  if (s == "and") return ReduceOp::And;
  if (s == "or") return ReduceOp::Or;
  if (s == "xor") return ReduceOp::Xor;
  throw ValueError("CAReduce: scalar_op '" + s +
                   "' is not a reduction; expected add, mul, maximum, minimum, and, or or xor");
}

std::string reduce_op_name(ReduceOp op) {
  static const char* names[] = {"add", "mul", "maximum", "minimum", "and", "or", "xor"};
  return names[static_cast<int>(op)];
}

std::optional<ReduceKernels> reduce_kernels(ReduceOp op, DType value, DType acc) {
  switch (op) {
    case ReduceOp::Add:
      return kernels_of<ReduceOp::Add>(value, acc);
    case ReduceOp::Mul:
      return kernels_of<ReduceOp::Mul>(value, acc);
    case ReduceOp::Max:
      return kernels_of<ReduceOp::Max>(value, acc);
    case ReduceOp::Min:
      return kernels_of<ReduceOp::Min>(value, acc);
    case ReduceOp::And:
      return kernels_of<ReduceOp::And>(value, acc);
    case ReduceOp::Or:
      return kernels_of<ReduceOp::Or>(value, acc);
    case ReduceOp::Xor:
      return kernels_of<ReduceOp::Xor>(value, acc);
  }
  return std::nullopt;
}

bool has_identity(ReduceOp op) {
  return op != ReduceOp::Max && op != ReduceOp::Min;
}

NDArray reduce_identity(ReduceOp op, DType acc) {
  return visit_dtype(acc, [&](auto tag) -> NDArray {
    using A = typename decltype(tag)::type;
    if constexpr (std::same_as<A, float16> || Cplx<A>) {
      double v = op == ReduceOp::Mul ? 1.0 : 0.0;
      if (op == ReduceOp::Max) v = -std::numeric_limits<double>::infinity();
      if (op == ReduceOp::Min) v = std::numeric_limits<double>::infinity();
      return NDArray::full(acc, {}, v);
    } else {
      A v{};
      switch (op) {
        case ReduceOp::Add:
        case ReduceOp::Or:
        case ReduceOp::Xor:
          v = A(0);
          break;
        case ReduceOp::Mul:
          v = A(1);
          break;
        case ReduceOp::And:
          v = std::same_as<A, bool> ? A(true) : A(~std::uint64_t(0));
          break;
        case ReduceOp::Max:
          v = std::numeric_limits<A>::has_infinity ? -std::numeric_limits<A>::infinity()
                                                   : std::numeric_limits<A>::lowest();
          break;
        case ReduceOp::Min:
          v = std::numeric_limits<A>::has_infinity ? std::numeric_limits<A>::infinity()
                                                   : std::numeric_limits<A>::max();
          break;
      }
      return NDArray::scalar<A>(v);
    }
  });
}

}  // namespace theano::elemwise
