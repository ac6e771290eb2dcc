// Where a value lives: "cpu" or a backend's device such as "cuda:0".
#pragma once

#include <compare>
#include <string>
#include <string_view>

namespace theano {

/// A device identity. Ops propagate it from inputs to outputs; the CPU is the
/// default and the only device the core itself can allocate on.
struct Device {
  std::string kind = "cpu";
  int index = 0;

  static Device cpu() { return Device{}; }
  /// Parses "cpu", "cuda", "cuda:1"; throws ValueError on malformed text.
  static Device parse(std::string_view text);
  bool is_cpu() const { return kind == "cpu"; }
  /// "cpu" or "kind:index".
  std::string str() const;

  friend bool operator==(const Device&, const Device&) = default;
  friend auto operator<=>(const Device&, const Device&) = default;
};

/// Memory services of one device kind. The core provides the CPU's; a backend
/// registers its own (through the Registrar) so NDArray can allocate there.
class DeviceMemory {
 public:
  virtual ~DeviceMemory() = default;
  /// Returns at least `bytes` bytes aligned to `alignment`; throws
  /// MemoryError naming the size on failure.
  virtual void* allocate(std::size_t bytes, std::size_t alignment, int device_index) = 0;
  virtual void deallocate(void* ptr, std::size_t bytes, int device_index) noexcept = 0;
  /// Copies between host memory and this device (either direction) or within it.
  enum class Direction { HostToDevice, DeviceToHost, DeviceToDevice };
  virtual void copy(void* dst, const void* src, std::size_t bytes, Direction dir,
                    int device_index) = 0;
};

}  // namespace theano
