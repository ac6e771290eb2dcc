// The 14x14 element conversion kernels (the one place that instantiates
// every dtype pair). Semantics follow NumPy's astype on x86-64: integers wrap,
// float -> integer truncates toward zero and gives the x86 "integer
// indefinite" value when out of range (never undefined behaviour), float16
// rounds to nearest even, complex -> real keeps the real part, anything ->
// bool tests for non-zero (NaN is true).
// The contiguous loops below must vectorise; -O2's "very cheap" cost model
// refuses loops whose trip count is unknown, so this file asks for more.
#pragma GCC optimize("tree-vectorize", "vect-cost-model=dynamic")

#include <immintrin.h>

#include <array>
#include <cmath>
#include <cstring>

#include "convert.h"

namespace theano::detail {
namespace {

template <class T>
struct is_complex_t : std::false_type {};
template <class T>
struct is_complex_t<std::complex<T>> : std::true_type {};

// x86 cvttsd2si with a 32-bit destination.
std::int32_t truncate_to_int32(double x) {
  if (x > -2147483649.0 && x < 2147483648.0) return static_cast<std::int32_t>(x);
  return INT32_MIN;
}

// x86 cvttsd2si with a 64-bit destination.
std::int64_t truncate_to_int64(double x) {
  if (x >= -9223372036854775808.0 && x < 9223372036854775808.0) {
    return static_cast<std::int64_t>(x);
  }
  return INT64_MIN;
}

template <class To>
To float_to_int(double x) {
  if constexpr (std::is_same_v<To, std::uint64_t>) {
    // What GCC emits for double -> uint64 on x86-64: two signed conversions.
    constexpr double kTwo63 = 9223372036854775808.0;
    if (x < kTwo63) return static_cast<std::uint64_t>(truncate_to_int64(x));
    return static_cast<std::uint64_t>(truncate_to_int64(x - kTwo63)) ^ (std::uint64_t{1} << 63);
  } else if constexpr (sizeof(To) == 8 || std::is_same_v<To, std::uint32_t>) {
    return static_cast<To>(truncate_to_int64(x));
  } else {
    return static_cast<To>(truncate_to_int32(x));
  }
}

template <class To, class From>
To cast(From x) {
  if constexpr (std::is_same_v<To, From>) {
    return x;
  } else if constexpr (std::is_same_v<To, bool>) {
    if constexpr (is_complex_t<From>::value) {
      return x.real() != 0 || x.imag() != 0;
    } else if constexpr (std::is_same_v<From, float16>) {
      return static_cast<float>(x) != 0.0f;
    } else {
      return x != 0;
    }
  } else if constexpr (is_complex_t<From>::value && !is_complex_t<To>::value) {
    return cast<To>(x.real());
  } else if constexpr (is_complex_t<To>::value) {
    using Part = typename To::value_type;
    if constexpr (is_complex_t<From>::value) {
      return To(static_cast<Part>(x.real()), static_cast<Part>(x.imag()));
    } else {
      return To(cast<Part>(x), Part{0});
    }
  } else if constexpr (std::is_same_v<From, float16>) {
    return cast<To>(static_cast<float>(x));
  } else if constexpr (std::is_same_v<To, float16>) {
    if constexpr (std::is_same_v<From, double>) {
      return float16::from_bits(float16::from_double(x));
    } else {
      return float16::from_bits(float16::from_float(static_cast<float>(x)));
    }
  } else if constexpr (std::is_integral_v<To> && std::is_floating_point_v<From>) {
    return float_to_int<To>(static_cast<double>(x));
  } else {
    return static_cast<To>(x);
  }
}

// float32 <-> float16 with the F16C instructions (round to nearest even,
// NaNs quieted keeping their top payload bits: the same results as float16.cpp).
bool has_f16c() {
  static const bool supported = __builtin_cpu_supports("f16c") && __builtin_cpu_supports("avx");
  return supported;
}

__attribute__((target("f16c,avx"))) void floats_to_halves(float16* out, const float* in,
                                                          std::int64_t n) {
  std::int64_t i = 0;
  for (; i + 8 <= n; i += 8) {
    const __m128i halves = _mm256_cvtps_ph(_mm256_loadu_ps(in + i), _MM_FROUND_TO_NEAREST_INT);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out + i), halves);
  }
  for (; i < n; ++i) out[i] = float16::from_bits(float16::from_float(in[i]));
}

__attribute__((target("f16c,avx"))) void halves_to_floats(float* out, const float16* in,
                                                          std::int64_t n) {
  std::int64_t i = 0;
  for (; i + 8 <= n; i += 8) {
    const __m128i halves = _mm_loadu_si128(reinterpret_cast<const __m128i*>(in + i));
    _mm256_storeu_ps(out + i, _mm256_cvtph_ps(halves));
  }
  for (; i < n; ++i) out[i] = float16::to_float(in[i].bits);
}

// Contiguous rows the hardware converts faster than the generic loop.
template <class To, class From>
bool convert_contiguous_special(To* out, const From* in, std::int64_t n) {
  if constexpr (std::is_same_v<To, float16> && std::is_same_v<From, float>) {
    if (has_f16c()) return floats_to_halves(out, in, n), true;
  } else if constexpr (std::is_same_v<To, float> && std::is_same_v<From, float16>) {
    if (has_f16c()) return halves_to_floats(out, in, n), true;
  }
  return false;
}

template <class To, class From>
void convert_row(char* dst, std::int64_t dst_stride, const char* src, std::int64_t src_stride,
                 std::int64_t n) {
  constexpr auto kTo = static_cast<std::int64_t>(sizeof(To));
  constexpr auto kFrom = static_cast<std::int64_t>(sizeof(From));
  if (dst_stride == kTo && src_stride == kFrom) {
    if constexpr (std::is_same_v<To, From>) {
      if (dst != src) std::memcpy(dst, src, static_cast<std::size_t>(n) * sizeof(To));
    } else {
      To* __restrict out = reinterpret_cast<To*>(dst);
      const From* __restrict in = reinterpret_cast<const From*>(src);
      if (convert_contiguous_special(out, in, n)) return;
      for (std::int64_t i = 0; i < n; ++i) out[i] = cast<To>(in[i]);
    }
    return;
  }
  for (std::int64_t i = 0; i < n; ++i) {
    *reinterpret_cast<To*>(dst + i * dst_stride) =
        cast<To>(*reinterpret_cast<const From*>(src + i * src_stride));
  }
}

using Table = std::array<std::array<ConvertRowFn, kNumDTypes>, kNumDTypes>;

Table make_table() {
  Table table{};
  for (int to = 0; to < kNumDTypes; ++to) {
    for (int from = 0; from < kNumDTypes; ++from) {
      table[to][from] = visit_dtype(static_cast<DType>(to), [&]<class To>(TypeTag<To>) {
        return visit_dtype(static_cast<DType>(from), []<class From>(TypeTag<From>) {
          return static_cast<ConvertRowFn>(&convert_row<To, From>);
        });
      });
    }
  }
  return table;
}

}  // namespace

ConvertRowFn convert_row_fn(DType to, DType from) {
  static const Table table = make_table();
  return table[static_cast<int>(to)][static_cast<int>(from)];
}

}  // namespace theano::detail
