// The 14 x 14 conversion loops behind convert_strided, chosen by table.
#include "convert.h"

#include <array>
#include <complex>
#include <cstring>

#include "kernels.h"

namespace theano::elemwise {
namespace {

template <class To, class From>
To convert_value(From v) {
  if constexpr (std::same_as<From, float16>) {
    return convert_value<To>(static_cast<float>(v));
  } else if constexpr (std::same_as<To, float16>) {
    if constexpr (Cplx<From>)
      return float16(static_cast<double>(v.real()));
    else
      return float16(static_cast<double>(v));
  } else if constexpr (std::same_as<To, bool>) {
    if constexpr (Cplx<From>)
      return v.real() != 0 || v.imag() != 0;
    else
      return v != From(0);
  } else if constexpr (Cplx<From> && !Cplx<To>) {
    return static_cast<To>(v.real());
  } else if constexpr (Cplx<To>) {
    if constexpr (Cplx<From>)
      return To(static_cast<typename To::value_type>(v.real()),
                static_cast<typename To::value_type>(v.imag()));
    else
      return To(static_cast<typename To::value_type>(v), 0);
  } else {
    return static_cast<To>(v);
  }
}

template <class From, class To>
THEANO_MULTIVERSION void convert_loop(const void* src, std::int64_t ss, void* dst, std::int64_t ds,
                                      std::int64_t n) {
  const char* s = static_cast<const char*>(src);
  char* d = static_cast<char*>(dst);
  if (ss == static_cast<std::int64_t>(sizeof(From)) &&
      ds == static_cast<std::int64_t>(sizeof(To))) {
    const From* in = reinterpret_cast<const From*>(s);
    To* out = reinterpret_cast<To*>(d);
    for (std::int64_t i = 0; i < n; ++i) out[i] = convert_value<To>(in[i]);
    return;
  }
  for (std::int64_t i = 0; i < n; ++i) {
    From v;
    std::memcpy(&v, s + i * ss, sizeof(From));
    To r = convert_value<To>(v);
    std::memcpy(d + i * ds, &r, sizeof(To));
  }
}

using ConvertFn = void (*)(const void*, std::int64_t, void*, std::int64_t, std::int64_t);

template <class From>
ConvertFn pick_to(DType to) {
  return visit_dtype(
      to, [](auto tag) -> ConvertFn { return &convert_loop<From, typename decltype(tag)::type>; });
}

ConvertFn pick(DType from, DType to) {
  return visit_dtype(from, [to](auto tag) { return pick_to<typename decltype(tag)::type>(to); });
}

const std::array<std::array<ConvertFn, kNumDTypes>, kNumDTypes>& table() {
  static const auto t = [] {
    std::array<std::array<ConvertFn, kNumDTypes>, kNumDTypes> r{};
    for (int a = 0; a < kNumDTypes; ++a)
      for (int b = 0; b < kNumDTypes; ++b) r[a][b] = pick(DType(a), DType(b));
    return r;
  }();
  return t;
}

}  // namespace

void convert_strided(const void* src, std::int64_t src_stride, DType from, void* dst,
                     std::int64_t dst_stride, DType to, std::int64_t n) {
  if (n <= 0) return;
  if (from == to && src_stride == dst_stride &&
      src_stride == static_cast<std::int64_t>(itemsize(from))) {
    if (src != dst) std::memmove(dst, src, static_cast<std::size_t>(n) * itemsize(from));
    return;
  }
  table()[static_cast<int>(from)][static_cast<int>(to)](src, src_stride, dst, dst_stride, n);
}

}  // namespace theano::elemwise
