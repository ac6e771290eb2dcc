// Weak scalars meeting tensors: NumPy's value-based promotion. A C++
// floating-point number meeting float tensors takes their dtype (x_float32 *
// 2.0 stays float32); meeting integer or bool tensors it becomes a floatX
// constant (as a Python float did in Theano), and ordinary promotion follows
// (int8 * 2.5 is float32, int32 * 2.5 is float64, as in NumPy and Theano).
#include "theano/tensor/dtype_rules.h"

#include <cmath>
#include <limits>

#include "theano/core/config.h"

namespace theano::tensor {

namespace {

DType smallest_signed(std::int64_t v) {
  if (v >= INT8_MIN && v <= INT8_MAX) return DType::Int8;
  if (v >= INT16_MIN && v <= INT16_MAX) return DType::Int16;
  if (v >= INT32_MIN && v <= INT32_MAX) return DType::Int32;
  return DType::Int64;
}

DType smallest_unsigned(std::int64_t v) {
  if (v <= UINT8_MAX) return DType::UInt8;
  if (v <= UINT16_MAX) return DType::UInt16;
  if (v <= UINT32_MAX) return DType::UInt32;
  return DType::UInt64;
}

bool int_fits(std::int64_t v, DType d) {
  switch (d) {
    case DType::Int8:
      return v >= INT8_MIN && v <= INT8_MAX;
    case DType::Int16:
      return v >= INT16_MIN && v <= INT16_MAX;
    case DType::Int32:
      return v >= INT32_MIN && v <= INT32_MAX;
    case DType::Int64:
      return true;
    case DType::UInt8:
      return v >= 0 && v <= UINT8_MAX;
    case DType::UInt16:
      return v >= 0 && v <= UINT16_MAX;
    case DType::UInt32:
      return v >= 0 && v <= UINT32_MAX;
    case DType::UInt64:
      return v >= 0;
    default:
      return false;
  }
}

double float_max(DType d) {
  switch (d) {
    case DType::Float16:
      return 65504.0;
    case DType::Float32:
      return std::numeric_limits<float>::max();
    default:
      return std::numeric_limits<double>::max();
  }
}

// The narrowest float of at least `d`'s width whose range holds `f`.
DType float_holding(double f, DType d) {
  if (!std::isfinite(f) || std::fabs(f) <= float_max(d)) return d;
  if (d == DType::Float16 && std::fabs(f) <= float_max(DType::Float32)) return DType::Float32;
  return DType::Float64;
}

DType complex_of(DType real) {
  return real == DType::Float64 ? DType::Complex128 : DType::Complex64;
}

}  // namespace

DType weak_dtype(const WeakScalar& w, std::optional<DType> strong) {
  using K = WeakScalar::Kind;
  if (!strong) {
    switch (w.kind) {
      case K::Bool:
        return DType::Bool;
      case K::Int:
        return smallest_signed(w.i);
      case K::UInt:
        return DType::UInt64;
      case K::Float:
        return float_holding(w.f, floatX());
      case K::Complex:
        return complex_of(floatX());
    }
  }
  DType d = *strong;
  switch (w.kind) {
    case K::Bool:
      return DType::Bool;
    case K::Int:
      if (is_float(d) || is_complex(d) || int_fits(w.i, d)) return d;
      if (is_unsigned_int(d) && w.i >= 0) return smallest_unsigned(w.i);
      return smallest_signed(w.i);
    case K::UInt:
      return (is_float(d) || is_complex(d)) ? d : DType::UInt64;
    case K::Float:
      if (is_complex(d)) return d;
      if (is_float(d)) return float_holding(w.f, d);
      return float_holding(w.f, floatX());
    case K::Complex:
      if (is_complex(d)) return d;
      if (is_float(d)) return complex_of(d == DType::Float64 ? d : DType::Float32);
      return complex_of(floatX());
  }
  return d;
}

DType result_dtype(const std::vector<DType>& strong, const std::vector<WeakScalar>& weak) {
  std::optional<DType> common;
  for (DType d : strong) common = common ? promote_types(*common, d) : d;
  std::optional<DType> result = common;
  for (const auto& w : weak) {
    DType wd = weak_dtype(w, common);
    result = result ? promote_types(*result, wd) : wd;
  }
  if (!result) throw ValueError("result_dtype: no operands");
  return *result;
}

}  // namespace theano::tensor
