// Buffers: 64-byte aligned allocations on the host, or on a backend's device
// through the DeviceMemory it registered. Zero-byte buffers are valid. Small
// host buffers come from a per-thread block cache (small_block_cache.h).
#include "theano/core/buffer.h"

#include <cstdlib>
#include <new>

#include "device_memory.h"
#include "small_block_cache.h"
#include "theano/core/errors.h"
#include "theano/core/registry.h"

namespace theano {
namespace {

std::size_t round_up_to_alignment(std::size_t bytes) {
  const std::size_t rounded = (bytes + kBufferAlignment - 1) / kBufferAlignment * kBufferAlignment;
  return rounded == 0 ? kBufferAlignment : rounded;
}

std::shared_ptr<Buffer> allocate_on_host(std::size_t bytes) {
  if (bytes > std::size_t{1} << 62) {
    throw MemoryError("cannot allocate " + std::to_string(bytes) + " bytes on cpu: size is absurd");
  }
  if (bytes <= detail::kLargestCachedBlock) {
    const std::size_t block_size = detail::small_block_size(bytes);
    void* block = detail::take_small_block(bytes);
    try {
      return Buffer::wrap(block, bytes, Device::cpu(),
                          [block_size](void* p) { detail::give_small_block(p, block_size); });
    } catch (...) {
      detail::give_small_block(block, block_size);
      throw;
    }
  }
  std::unique_ptr<void, decltype(&std::free)> data(
      std::aligned_alloc(kBufferAlignment, round_up_to_alignment(bytes)), &std::free);
  if (data == nullptr) {
    throw MemoryError("failed to allocate " + std::to_string(bytes) + " bytes on cpu");
  }
  auto buffer = Buffer::wrap(data.get(), bytes, Device::cpu(), [](void* p) { std::free(p); });
  data.release();  // now owned by the buffer
  return buffer;
}

}  // namespace

namespace detail {

std::shared_ptr<DeviceMemory> device_memory(const Device& device) {
  const DeviceSpec* spec = Registry::global().find_device(device.kind);
  if (spec == nullptr || spec->memory == nullptr) {
    throw ValueError("unknown device kind '" + device.kind + "' (device " + device.str() +
                     "): no loaded backend registered it");
  }
  return spec->memory;
}

}  // namespace detail

std::shared_ptr<Buffer> Buffer::allocate(std::size_t bytes, const Device& device) {
  if (device.is_cpu()) return allocate_on_host(bytes);
  std::shared_ptr<DeviceMemory> memory = detail::device_memory(device);
  if (bytes == 0) return wrap(nullptr, 0, device, [](void*) {});
  void* data = nullptr;
  try {
    data = memory->allocate(bytes, kBufferAlignment, device.index);
  } catch (const MemoryError& e) {
    throw MemoryError("failed to allocate " + std::to_string(bytes) + " bytes on " + device.str() +
                      ": " + e.what());
  }
  if (data == nullptr) {
    throw MemoryError("failed to allocate " + std::to_string(bytes) + " bytes on " + device.str() +
                      ": the device allocator returned null");
  }
  const int index = device.index;
  return wrap(data, bytes, device,
              [memory, bytes, index](void* p) { memory->deallocate(p, bytes, index); });
}

std::shared_ptr<Buffer> Buffer::wrap(void* data, std::size_t bytes, const Device& device,
                                     std::function<void(void*)> release) {
  // One allocation for the Buffer and its reference count; the local class
  // has wrap's access to the private constructor.
  struct SharedBuffer : Buffer {
    SharedBuffer(void* d, std::size_t b, const Device& dev, std::function<void(void*)> r)
        : Buffer(d, b, dev, std::move(r)) {}
  };
  return std::make_shared<SharedBuffer>(data, bytes, device, std::move(release));
}

Buffer::Buffer(void* data, std::size_t bytes, Device device, std::function<void(void*)> release)
    : data_(data), bytes_(bytes), device_(std::move(device)), release_(std::move(release)) {}

Buffer::~Buffer() {
  if (release_) release_(data_);
}

}  // namespace theano
