// Element types of runtime values, their properties and NumPy's promotion rules.
#pragma once

#include <complex>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>

#include "theano/core/float16.h"

namespace theano {

/// Every element type a value may hold, in NumPy's naming.
enum class DType : std::uint8_t {
  Bool,
  Int8,
  Int16,
  Int32,
  Int64,
  UInt8,
  UInt16,
  UInt32,
  UInt64,
  Float16,
  Float32,
  Float64,
  Complex64,
  Complex128,
};

inline constexpr int kNumDTypes = 14;

/// NumPy's name ("float32", "bool", ...).
std::string_view dtype_name(DType dtype);
/// Parses a NumPy dtype name; throws ValueError listing the valid names.
DType parse_dtype(std::string_view name);
/// Size of one element in bytes.
std::size_t itemsize(DType dtype);
/// NumPy's kind character: 'b', 'i', 'u', 'f' or 'c'.
char dtype_kind(DType dtype);

inline bool is_bool(DType d) { return d == DType::Bool; }
inline bool is_signed_int(DType d) { return d >= DType::Int8 && d <= DType::Int64; }
inline bool is_unsigned_int(DType d) { return d >= DType::UInt8 && d <= DType::UInt64; }
inline bool is_int(DType d) { return is_signed_int(d) || is_unsigned_int(d); }
/// Integer or bool: the dtypes whose gradient is zero by definition.
inline bool is_discrete(DType d) { return is_bool(d) || is_int(d); }
inline bool is_float(DType d) { return d >= DType::Float16 && d <= DType::Float64; }
inline bool is_complex(DType d) { return d == DType::Complex64 || d == DType::Complex128; }

/// NumPy's `result_type` for two array dtypes.
DType promote_types(DType a, DType b);
/// NumPy's `can_cast(from, to, 'safe')`.
bool can_cast_safely(DType from, DType to);
/// The real dtype of a complex one (complex64 -> float32); identity otherwise.
DType real_dtype(DType dtype);

/// Maps a C++ element type to its DType at compile time.
template <class T>
struct dtype_of;
template <> struct dtype_of<bool> { static constexpr DType value = DType::Bool; };
template <> struct dtype_of<std::int8_t> { static constexpr DType value = DType::Int8; };
template <> struct dtype_of<std::int16_t> { static constexpr DType value = DType::Int16; };
template <> struct dtype_of<std::int32_t> { static constexpr DType value = DType::Int32; };
template <> struct dtype_of<std::int64_t> { static constexpr DType value = DType::Int64; };
template <> struct dtype_of<std::uint8_t> { static constexpr DType value = DType::UInt8; };
template <> struct dtype_of<std::uint16_t> { static constexpr DType value = DType::UInt16; };
template <> struct dtype_of<std::uint32_t> { static constexpr DType value = DType::UInt32; };
template <> struct dtype_of<std::uint64_t> { static constexpr DType value = DType::UInt64; };
template <> struct dtype_of<float16> { static constexpr DType value = DType::Float16; };
template <> struct dtype_of<float> { static constexpr DType value = DType::Float32; };
template <> struct dtype_of<double> { static constexpr DType value = DType::Float64; };
template <> struct dtype_of<std::complex<float>> { static constexpr DType value = DType::Complex64; };
template <> struct dtype_of<std::complex<double>> { static constexpr DType value = DType::Complex128; };
template <class T>
inline constexpr DType dtype_v = dtype_of<std::remove_cv_t<T>>::value;

/// Tag carrying a C++ element type through `visit_dtype`.
template <class T>
struct TypeTag {
  using type = T;
};

/// Calls `fn(TypeTag<T>{})` with the C++ type of `dtype`. One switch, so
/// kernels written as generic lambdas are instantiated once per dtype.
template <class Fn>
decltype(auto) visit_dtype(DType dtype, Fn&& fn) {
  switch (dtype) {
    case DType::Bool: return fn(TypeTag<bool>{});
    case DType::Int8: return fn(TypeTag<std::int8_t>{});
    case DType::Int16: return fn(TypeTag<std::int16_t>{});
    case DType::Int32: return fn(TypeTag<std::int32_t>{});
    case DType::Int64: return fn(TypeTag<std::int64_t>{});
    case DType::UInt8: return fn(TypeTag<std::uint8_t>{});
    case DType::UInt16: return fn(TypeTag<std::uint16_t>{});
    case DType::UInt32: return fn(TypeTag<std::uint32_t>{});
    case DType::UInt64: return fn(TypeTag<std::uint64_t>{});
    case DType::Float16: return fn(TypeTag<float16>{});
    case DType::Float32: return fn(TypeTag<float>{});
    case DType::Float64: return fn(TypeTag<double>{});
    case DType::Complex64: return fn(TypeTag<std::complex<float>>{});
    case DType::Complex128: return fn(TypeTag<std::complex<double>>{});
  }
  return fn(TypeTag<float>{});  // unreachable for valid enums
}

}  // namespace theano
