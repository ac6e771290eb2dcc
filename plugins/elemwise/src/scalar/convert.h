// Element conversion between any two dtypes over strided runs: how Elemwise
// feeds a kernel inputs of another dtype or layout, and stores its results.
#pragma once

#include <cstdint>

#include "theano/core/dtype.h"

namespace theano::elemwise {

/// Converts `n` elements read from `src` every `src_stride` bytes (dtype
/// `from`) into `dst` every `dst_stride` bytes (dtype `to`), as a C cast does
/// (NumPy's astype): bool is `!= 0`, complex to real keeps the real part.
void convert_strided(const void* src, std::int64_t src_stride, DType from, void* dst,
                     std::int64_t dst_stride, DType to, std::int64_t n);

/// Contiguous to contiguous.
inline void convert_contiguous(const void* src, DType from, void* dst, DType to, std::int64_t n) {
  convert_strided(src, static_cast<std::int64_t>(itemsize(from)), from, dst,
                  static_cast<std::int64_t>(itemsize(to)), to, n);
}

}  // namespace theano::elemwise
