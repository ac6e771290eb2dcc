// Output memory for elementwise results. Large blocks are recycled through a
// small process-wide pool, so a function called in a loop does not pay for
// page-faulting a fresh multi-megabyte output on every call (a 40 MB output
// costs more than computing W1 itself). An interim measure: the cpu backend's
// pooled allocator will make it redundant.
#pragma once

#include "theano/core/ndarray.h"

namespace theano::elemwise {

/// An uninitialised C-contiguous CPU array; blocks of at least
/// kPooledMinBytes are taken from and returned to the pool.
NDArray pooled_empty(DType dtype, const Shape& shape);

inline constexpr std::size_t kPooledMinBytes = 256 << 10;
/// Bytes the pool may keep while unused; blocks beyond are freed.
inline constexpr std::size_t kPoolCapacityBytes = std::size_t{256} << 20;

}  // namespace theano::elemwise
