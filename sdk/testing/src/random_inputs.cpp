// Seeded random values for the harness. The generator is std::mt19937_64
// with hand-written mappings to ranges (the standard distributions differ
// between library implementations; these do not).
#include "theano/testing/random_inputs.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

#include "theano/core/errors.h"

namespace theano::testing {
namespace {

double uniform01(std::mt19937_64& gen) {
  return static_cast<double>(gen() >> 11) * 0x1.0p-53;
}

/// The integer range clipped to what `dtype` holds.
std::pair<std::int64_t, std::int64_t> int_bounds(DType dtype, const RandomRange& range) {
  std::int64_t lo = range.int_low, hi = range.int_high;
  if (is_unsigned_int(dtype)) lo = std::max<std::int64_t>(lo, 0);
  if (dtype == DType::Int8) {
    lo = std::max<std::int64_t>(lo, -128);
    hi = std::min<std::int64_t>(hi, 128);
  } else if (dtype == DType::UInt8) {
    hi = std::min<std::int64_t>(hi, 256);
  }
  if (hi <= lo) hi = lo + 1;
  return {lo, hi};
}

}  // namespace

NDArray random_array(DType dtype, const Shape& shape, std::uint64_t seed,
                     const RandomRange& range) {
  std::mt19937_64 gen(seed);
  std::int64_t n = shape_size(shape);
  std::vector<double> values(static_cast<std::size_t>(n));
  if (is_bool(dtype)) {
    for (double& v : values) v = static_cast<double>(gen() >> 63);
  } else if (is_int(dtype)) {
    auto [lo, hi] = int_bounds(dtype, range);
    auto span = static_cast<std::uint64_t>(hi - lo);
    for (double& v : values) v = static_cast<double>(lo + static_cast<std::int64_t>(gen() % span));
  } else {
    for (double& v : values) v = range.low + (range.high - range.low) * uniform01(gen);
  }
  return NDArray::from_vector(values, shape).astype(dtype);
}

Value random_value(const TypePtr& type, std::uint64_t seed, const RandomRange& range,
                   std::int64_t default_dim) {
  auto tensor = as_tensor_type(type);
  if (!tensor) {
    throw TypeError("random_value: expected a tensor type, got " + (type ? type->str() : "null"));
  }
  Shape shape;
  for (const auto& dim : tensor->shape()) shape.push_back(dim.value_or(default_dim));
  return Value(random_array(tensor->dtype(), shape, seed, range));
}

std::vector<Value> random_inputs_like(const std::vector<Value>& like, std::uint64_t seed) {
  std::vector<Value> out;
  for (std::size_t k = 0; k < like.size(); ++k) {
    const Value& v = like[k];
    if (!v.is_array() || is_discrete(v.array().dtype()) || is_complex(v.array().dtype()) ||
        v.array().size() == 0) {
      out.push_back(v);
      continue;
    }
    std::vector<double> values = v.array().to_vector<double>();
    auto [lo, hi] = std::minmax_element(values.begin(), values.end());
    if (!std::isfinite(*lo) || !std::isfinite(*hi) || *lo == *hi) {
      out.push_back(v);
      continue;
    }
    RandomRange range{*lo, *hi};
    out.push_back(Value(random_array(v.array().dtype(), v.array().shape(), seed + k, range)));
  }
  return out;
}

}  // namespace theano::testing
