// Per-thread scratch memory for kernels: blocks of converted inputs,
// temporaries of Composite's interpreter. Grows, never shrinks, 64-byte
// aligned; one arena per thread and nesting level, so a kernel may call a
// kernel (Elemwise -> Composite) without the two sharing bytes.
#pragma once

#include <cstddef>
#include <cstdlib>
#include <memory>

namespace theano::elemwise {

class Scratch {
 public:
  /// At least `bytes` bytes, valid until the next call at this level.
  std::byte* get(std::size_t bytes) {
    if (bytes > size_) {
      std::size_t n = (bytes + 63) / 64 * 64;
      void* p = std::aligned_alloc(64, n);
      if (!p) throw std::bad_alloc();
      data_.reset(static_cast<std::byte*>(p));
      size_ = n;
    }
    return data_.get();
  }

 private:
  struct Free {
    void operator()(std::byte* p) const { std::free(p); }
  };
  std::unique_ptr<std::byte, Free> data_;
  std::size_t size_ = 0;
};

/// Scratch of nesting level `level` (0: Elemwise / CAReduce, 1: Composite).
inline Scratch& thread_scratch(int level) {
  thread_local Scratch arenas[2];
  return arenas[level];
}

}  // namespace theano::elemwise
