// Refcounted, 64-byte aligned memory blocks that NDArrays view.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>

#include "theano/core/device.h"

namespace theano {

inline constexpr std::size_t kBufferAlignment = 64;

/// One allocation on one device. Shared by every NDArray viewing it; freed
/// when the last view goes away.
class Buffer {
 public:
  /// Allocates `bytes` on `device` (through the device's registered memory).
  static std::shared_ptr<Buffer> allocate(std::size_t bytes, const Device& device = Device::cpu());
  /// Wraps foreign memory; `release` is called once when the buffer dies.
  static std::shared_ptr<Buffer> wrap(void* data, std::size_t bytes, const Device& device,
                                      std::function<void(void*)> release);

  Buffer(const Buffer&) = delete;
  Buffer& operator=(const Buffer&) = delete;
  ~Buffer();

  void* data() const { return data_; }
  std::size_t size() const { return bytes_; }
  const Device& device() const { return device_; }

 private:
  Buffer(void* data, std::size_t bytes, Device device, std::function<void(void*)> release);
  void* data_;
  std::size_t bytes_;
  Device device_;
  std::function<void(void*)> release_;
};

}  // namespace theano
