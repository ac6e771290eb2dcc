// Internal: awkward output buffers for DebugMode. A kernel may reuse the
// buffer its output cell holds only when shape, dtype and layout fit; these
// buffers, filled with garbage, catch kernels that trust a buffer they
// should not (a strided or Fortran-ordered one, one of the wrong size) or
// leave part of a reused one unwritten.
#pragma once

#include <string>
#include <vector>

#include "theano/core/value.h"

namespace theano::debug {

/// Every strategy, in the order DebugMode tries them.
const std::vector<std::string>& buffer_strategies();
/// Parses "all", "none" or "reused:strided:..."; ConfigError for an unknown name.
std::vector<std::string> parse_buffer_strategies(const std::string& text);

/// A garbage-filled (all bytes 0xFF) buffer for an output like `expected`:
/// "reused" (same shape, C order), "strided" (same shape, every other
/// element of a wider buffer), "f_contiguous" (same shape, Fortran order),
/// "wrong_size" (every dimension one larger). Empty when the strategy does
/// not apply (a 0-d or empty array for "strided", ndim < 2 for
/// "f_contiguous", a value that is not a CPU array).
Value awkward_buffer(const std::string& strategy, const Value& expected);

}  // namespace theano::debug
