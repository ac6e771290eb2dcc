// The per-thread small block cache behind Buffer::allocate (see the header).
// Cached blocks are poisoned under AddressSanitizer, so a use after the
// owning Buffer died is still reported although the memory is not freed.
#include "small_block_cache.h"

#include <algorithm>
#include <bit>
#include <cstdlib>
#include <string>

#include "theano/core/buffer.h"
#include "theano/core/errors.h"

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#define THEANO_POISON(p, n) ASAN_POISON_MEMORY_REGION(p, n)
#define THEANO_UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION(p, n)
#else
#define THEANO_POISON(p, n) ((void)(p), (void)(n))
#define THEANO_UNPOISON(p, n) ((void)(p), (void)(n))
#endif

namespace theano::detail {
namespace {

constexpr int kSmallestClassLog2 = 6;  // 64 bytes
constexpr int kNumClasses = std::bit_width(kLargestCachedBlock) - kSmallestClassLog2;

int class_of(std::size_t block_size) {
  return std::bit_width(block_size) - 1 - kSmallestClassLog2;
}

struct ThreadCache {
  void* blocks[kNumClasses][kBlocksPerClass] = {};
  int counts[kNumClasses] = {};

  ~ThreadCache();
};

// Trivially destructible, so it stays readable after ThreadCache's
// destructor ran: buffers that die later on this thread are then freed.
thread_local bool cache_torn_down = false;

ThreadCache::~ThreadCache() {
  cache_torn_down = true;
  for (int c = 0; c < kNumClasses; ++c) {
    for (int i = 0; i < counts[c]; ++i) {
      THEANO_UNPOISON(blocks[c][i], std::size_t{1} << (c + kSmallestClassLog2));
      std::free(blocks[c][i]);
    }
    counts[c] = 0;
  }
}

ThreadCache& thread_cache() {
  thread_local ThreadCache cache;
  return cache;
}

}  // namespace

std::size_t small_block_size(std::size_t bytes) {
  return std::max(std::bit_ceil(bytes), std::size_t{1} << kSmallestClassLog2);
}

void* take_small_block(std::size_t bytes) {
  const std::size_t size = small_block_size(bytes);
  if (!cache_torn_down) {
    ThreadCache& cache = thread_cache();
    const int c = class_of(size);
    if (cache.counts[c] > 0) {
      void* block = cache.blocks[c][--cache.counts[c]];
      THEANO_UNPOISON(block, size);
      return block;
    }
  }
  void* block = std::aligned_alloc(kBufferAlignment, size);
  if (block == nullptr)
    throw MemoryError("failed to allocate " + std::to_string(bytes) + " bytes on cpu");
  return block;
}

void give_small_block(void* block, std::size_t block_size) noexcept {
  if (!cache_torn_down) {
    ThreadCache& cache = thread_cache();
    const int c = class_of(block_size);
    if (cache.counts[c] < kBlocksPerClass) {
      THEANO_POISON(block, block_size);
      cache.blocks[c][cache.counts[c]++] = block;
      return;
    }
  }
  std::free(block);
}

}  // namespace theano::detail
