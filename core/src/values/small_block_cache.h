// Internal: a per-thread cache of small 64-byte aligned host blocks, so the
// many small arrays a compiled function makes per call (scalars, vectors of
// a few thousand elements) skip aligned_alloc, which glibc serves through
// its slow memalign path. Blocks come in power-of-two size classes from 64
// bytes to kLargestCachedBlock; a block freed on another thread joins that
// thread's cache. Each class keeps at most kBlocksPerClass blocks, so a
// thread holds at most ~2 * kBlocksPerClass * kLargestCachedBlock bytes (4 MiB).
// The elemwise plugin pools larger blocks itself (kPooledMinBytes = 256 KiB).
#pragma once

#include <cstddef>

namespace theano::detail {

inline constexpr std::size_t kLargestCachedBlock = std::size_t{256} << 10;
inline constexpr int kBlocksPerClass = 8;

/// The block size a request of `bytes` (0 < bytes <= kLargestCachedBlock)
/// gets: the next power of two, at least 64.
std::size_t small_block_size(std::size_t bytes);

/// A 64-byte aligned block of small_block_size(bytes) bytes, reused from this
/// thread's cache when it has one; throws MemoryError when allocation fails.
void* take_small_block(std::size_t bytes);

/// Returns a block of `block_size` bytes (as take_small_block gave it) to this
/// thread's cache, or frees it when the cache is full or already torn down.
void give_small_block(void* block, std::size_t block_size) noexcept;

}  // namespace theano::detail
