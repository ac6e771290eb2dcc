// The recycling pool behind pooled_empty.
#include "pool.h"

#include <cstdlib>
#include <map>
#include <mutex>

namespace theano::elemwise {

namespace {

class BlockPool {
 public:
  void* take(std::size_t bytes) {
    {
      std::lock_guard lock(mutex_);
      auto it = free_.find(bytes);
      if (it != free_.end()) {
        void* p = it->second;
        free_.erase(it);
        cached_ -= bytes;
        return p;
      }
    }
    void* p = std::aligned_alloc(kBufferAlignment, bytes);
    if (!p) throw MemoryError("failed to allocate " + std::to_string(bytes) + " bytes on cpu");
    return p;
  }

  void give(void* p, std::size_t bytes) noexcept {
    {
      std::lock_guard lock(mutex_);
      if (cached_ + bytes <= kPoolCapacityBytes) {
        free_.emplace(bytes, p);
        cached_ += bytes;
        return;
      }
    }
    std::free(p);
  }

 private:
  std::mutex mutex_;
  std::multimap<std::size_t, void*> free_;
  std::size_t cached_ = 0;
};

// Never destroyed: buffers may die after static destructors have run.
BlockPool& pool() {
  static BlockPool* p = new BlockPool;
  return *p;
}

}  // namespace

NDArray pooled_empty(DType dtype, const Shape& shape) {
  std::size_t bytes = static_cast<std::size_t>(shape_size(shape)) * itemsize(dtype);
  if (bytes < kPooledMinBytes) return NDArray::empty(dtype, shape);
  std::size_t rounded = (bytes + (64 << 10) - 1) / (64 << 10) * (64 << 10);
  void* data = pool().take(rounded);
  auto buffer =
      Buffer::wrap(data, rounded, Device::cpu(), [rounded](void* p) { pool().give(p, rounded); });
  return NDArray::from_buffer(std::move(buffer), dtype, shape, c_strides(shape, itemsize(dtype)),
                              0);
}

}  // namespace theano::elemwise
