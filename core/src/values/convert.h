// Internal: element conversion kernels between any two dtypes, one strided
// row at a time, with NumPy's casting semantics.
#pragma once

#include <cstdint>

#include "theano/core/dtype.h"

namespace theano::detail {

/// Converts `n` elements from `src` (stride `src_stride` bytes) to `dst`
/// (stride `dst_stride` bytes). Contiguous rows take a vectorisable loop or
/// memcpy. `dst` and `src` must not overlap unless they are identical.
using ConvertRowFn = void (*)(char* dst, std::int64_t dst_stride, const char* src,
                              std::int64_t src_stride, std::int64_t n);

/// The row kernel converting `from` elements into `to` elements.
ConvertRowFn convert_row_fn(DType to, DType from);

}  // namespace theano::detail
