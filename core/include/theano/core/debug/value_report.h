// Describing runtime values for humans: statistics of an array (what Print,
// NanGuardMode and error reports show instead of the whole value) and the
// storage map footprint of a running program (the largest values alive).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "theano/core/linker.h"
#include "theano/core/value.h"

namespace theano::debug {

/// Element statistics of a numeric array, computed in double precision.
/// min/max/mean ignore NaN and infinite elements (complex: the real part).
struct ValueStats {
  std::int64_t size = 0;
  std::int64_t nan_count = 0;
  std::int64_t inf_count = 0;
  /// Finite elements whose magnitude exceeds the `big` threshold given.
  std::int64_t big_count = 0;
  double min = 0;
  double max = 0;
  double mean = 0;
  /// False when no element is finite (min/max/mean are then meaningless).
  bool has_finite = false;
};

/// Statistics of `array` (CPU arrays only; others give size only).
ValueStats value_stats(const NDArray& array, double big = 1e10);
/// One line: "float32 (3, 4) min=-1 max=2 mean=0.25" plus "nan=2 inf=1"
/// when there are any; opaque values give their own summary.
std::string describe_value(const Value& value);

/// One value alive in a program's storage.
struct StorageEntry {
  std::string name;    ///< the variable: its name or "<op display>.<output>"
  std::string role;    ///< "input", "shared input", "constant" or "" (intermediate/output)
  std::string layout;  ///< "float32 (1000, 200)"
  std::size_t itemsize = 0;
  std::size_t bytes = 0;
  /// False when the value views storage already listed (counted once).
  bool counted = true;
};

/// Every value alive in `frame`, largest first, with totals (views and
/// in-place results count once).
struct StorageFootprint {
  std::vector<StorageEntry> entries;
  std::size_t total_bytes = 0;
  std::size_t input_bytes = 0;  ///< of inputs, shared inputs and constants
};

StorageFootprint storage_footprint(const Program& program, const Frame& frame);
/// Theano's "Storage map footprint" block listing at most `max_entries`.
std::string format_footprint(const StorageFootprint& footprint, std::size_t max_entries);
/// "385689600 bytes (367.8 MiB)".
std::string format_bytes(std::size_t bytes);

}  // namespace theano::debug
