// Internal: finds the DeviceMemory a backend registered for a device kind.
#pragma once

#include <memory>

#include "theano/core/device.h"

namespace theano::detail {

/// The registered memory services of `device`'s kind; throws ValueError for
/// an unknown kind.
std::shared_ptr<DeviceMemory> device_memory(const Device& device);

}  // namespace theano::detail
