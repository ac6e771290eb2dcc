// Names, sizes and kinds of the element types, and NumPy's casting and
// promotion rules between them (as numpy.can_cast(..., 'safe') and
// numpy.result_type for array dtypes).
#include "theano/core/dtype.h"

#include <array>

#include "theano/core/errors.h"

namespace theano {
namespace {

struct DTypeInfo {
  std::string_view name;
  std::size_t itemsize;
  char kind;
};

constexpr std::array<DTypeInfo, kNumDTypes> kInfo = {{
    {"bool", 1, 'b'},
    {"int8", 1, 'i'},
    {"int16", 2, 'i'},
    {"int32", 4, 'i'},
    {"int64", 8, 'i'},
    {"uint8", 1, 'u'},
    {"uint16", 2, 'u'},
    {"uint32", 4, 'u'},
    {"uint64", 8, 'u'},
    {"float16", 2, 'f'},
    {"float32", 4, 'f'},
    {"float64", 8, 'f'},
    {"complex64", 8, 'c'},
    {"complex128", 16, 'c'},
}};

const DTypeInfo& info(DType dtype) {
  auto index = static_cast<std::size_t>(dtype);
  if (index >= kInfo.size()) {
    throw ValueError("invalid DType enumerator " + std::to_string(index));
  }
  return kInfo[index];
}

// Order in which promote_types looks for the smallest common dtype.
constexpr std::array<DType, kNumDTypes> kPromotionOrder = {
    DType::Bool,    DType::UInt8,   DType::Int8,      DType::UInt16,    DType::Int16,
    DType::UInt32,  DType::Int32,   DType::UInt64,    DType::Int64,     DType::Float16,
    DType::Float32, DType::Float64, DType::Complex64, DType::Complex128};

// Can every integer of `from` be represented exactly enough (NumPy's notion)
// by the float type of `float_size` bytes?
bool int_fits_float(DType from, std::size_t float_size) {
  return float_size > itemsize(from) || float_size == 8;
}

}  // namespace

std::string_view dtype_name(DType dtype) {
  return info(dtype).name;
}

DType parse_dtype(std::string_view name) {
  for (std::size_t i = 0; i < kInfo.size(); ++i) {
    if (kInfo[i].name == name) return static_cast<DType>(i);
  }
  std::string valid;
  for (const auto& entry : kInfo) {
    if (!valid.empty()) valid += ", ";
    valid += entry.name;
  }
  throw ValueError("unknown dtype '" + std::string(name) + "'; valid dtypes are: " + valid);
}

std::size_t itemsize(DType dtype) {
  return info(dtype).itemsize;
}

char dtype_kind(DType dtype) {
  return info(dtype).kind;
}

DType real_dtype(DType dtype) {
  if (dtype == DType::Complex64) return DType::Float32;
  if (dtype == DType::Complex128) return DType::Float64;
  return dtype;
}

namespace {

bool compute_can_cast_safely(DType from, DType to) {
  if (from == to || is_bool(from)) return true;
  if (is_bool(to)) return false;
  const std::size_t from_size = itemsize(from);
  const std::size_t to_size = itemsize(to);
  if (is_signed_int(from)) {
    if (is_signed_int(to)) return to_size >= from_size;
    if (is_unsigned_int(to)) return false;
    if (is_float(to)) return int_fits_float(from, to_size);
    return int_fits_float(from, to_size / 2);  // complex
  }
  if (is_unsigned_int(from)) {
    if (is_unsigned_int(to)) return to_size >= from_size;
    if (is_signed_int(to)) return to_size > from_size;
    if (is_float(to)) return int_fits_float(from, to_size);
    return int_fits_float(from, to_size / 2);
  }
  if (is_float(from)) {
    if (is_float(to)) return to_size >= from_size;
    if (is_complex(to)) return to_size / 2 >= from_size;
    return false;
  }
  return is_complex(to) && to_size >= from_size;  // from is complex
}

DType compute_promote_types(DType a, DType b) {
  for (DType candidate : kPromotionOrder) {
    if (compute_can_cast_safely(a, candidate) && compute_can_cast_safely(b, candidate))
      return candidate;
  }
  return DType::Complex128;  // unreachable: everything casts safely to complex128
}

constexpr std::size_t kCount = kNumDTypes;

// Both rules for every pair, computed once: type inference asks for them
// for every node built (hundreds of thousands of times in a big compile).
struct CastTables {
  std::array<std::array<bool, kCount>, kCount> safe{};
  std::array<std::array<DType, kCount>, kCount> promoted{};
};

const CastTables& cast_tables() {
  static const CastTables tables = [] {
    CastTables t;
    for (std::size_t i = 0; i < kCount; ++i) {
      for (std::size_t j = 0; j < kCount; ++j) {
        t.safe[i][j] = compute_can_cast_safely(static_cast<DType>(i), static_cast<DType>(j));
        t.promoted[i][j] = compute_promote_types(static_cast<DType>(i), static_cast<DType>(j));
      }
    }
    return t;
  }();
  return tables;
}

bool valid(DType d) {
  return static_cast<std::size_t>(d) < kCount;
}

}  // namespace

bool can_cast_safely(DType from, DType to) {
  if (!valid(from) || !valid(to)) return compute_can_cast_safely(from, to);  // throws
  return cast_tables().safe[static_cast<std::size_t>(from)][static_cast<std::size_t>(to)];
}

DType promote_types(DType a, DType b) {
  if (!valid(a) || !valid(b)) return compute_promote_types(a, b);  // throws
  return cast_tables().promoted[static_cast<std::size_t>(a)][static_cast<std::size_t>(b)];
}

}  // namespace theano
