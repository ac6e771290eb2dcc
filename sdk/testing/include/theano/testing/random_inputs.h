// Seeded, dtype-aware random values for the plugin test harness: floats
// uniform in a range, integers in an integer range, bools half true; the
// same seed always gives the same values on every platform.
#pragma once

#include <cstdint>

#include "theano/core/ndarray.h"
#include "theano/core/type.h"
#include "theano/core/value.h"

namespace theano::testing {

/// Ranges of random values; integers are drawn in [int_low, int_high).
struct RandomRange {
  double low = -1.0;
  double high = 1.0;
  std::int64_t int_low = 0;
  std::int64_t int_high = 10;
};

/// A C-contiguous array of `dtype` and `shape` with values from `seed`
/// (float and complex: uniform in [low, high); integers: uniform in
/// [int_low, int_high) clipped to the dtype; bool: fair coin).
NDArray random_array(DType dtype, const Shape& shape, std::uint64_t seed,
                     const RandomRange& range = {});

/// A random value of a tensor `type`: unknown dims take `default_dim`,
/// known ones their size. Throws TypeError for a type that is not a tensor.
Value random_value(const TypePtr& type, std::uint64_t seed, const RandomRange& range = {},
                   std::int64_t default_dim = 3);

/// Random values shaped and typed like `like` (input k seeded with seed + k),
/// floats uniform between the smallest and largest value of the input they
/// replace (so an input the op needs positive stays positive). Integer and
/// bool inputs, and float inputs whose values are all equal, are copied
/// unchanged: for an op they are indices, shapes, masks or constants that
/// the example case chose to be valid.
std::vector<Value> random_inputs_like(const std::vector<Value>& like, std::uint64_t seed);

}  // namespace theano::testing
