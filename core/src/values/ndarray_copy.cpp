// Copies between layouts, dtypes and devices: copy, ascontiguous, astype,
// assign (broadcasting, converting, safe when source and destination
// overlap) and to(device). Every host copy is one coalesced strided walk
// whose inner rows are memcpy or a vectorisable conversion loop.
#include "convert.h"
#include "device_memory.h"
#include "layout.h"
#include "theano/core/ndarray.h"

namespace theano {
namespace {

// Converts every element of `src` (already broadcast to dst's shape) into
// `dst`. The two must not overlap.
void convert_into(const NDArray& dst, const NDArray& src) {
  const detail::LoopPlan plan = detail::plan_loop(dst.shape(), dst.strides(), src.strides());
  if (plan.shape.empty()) return;
  const detail::ConvertRowFn row = detail::convert_row_fn(dst.dtype(), src.dtype());
  const std::int64_t dst_step = plan.strides0.back();
  const std::int64_t src_step = plan.strides1.back();
  detail::for_each_row(plan, static_cast<char*>(dst.raw_data()),
                       static_cast<const char*>(src.raw_data()),
                       [&](char* d, const char* s, std::int64_t n) {
                         row(d, dst_step, s, src_step, n);
                         return true;
                       });
}

bool same_elements(const NDArray& a, const NDArray& b) {
  return a.buffer() == b.buffer() && a.offset() == b.offset() && a.strides() == b.strides() &&
         a.dtype() == b.dtype();
}

// Raw byte copy between devices for C-contiguous arrays of equal size.
void copy_bytes(const NDArray& dst, const NDArray& src) {
  if (dst.nbytes() == 0) return;
  using Direction = DeviceMemory::Direction;
  const Device& from = src.device();
  const Device& to = dst.device();
  if (from.is_cpu()) {
    detail::device_memory(to)->copy(dst.raw_data(), src.raw_data(), dst.nbytes(),
                                    Direction::HostToDevice, to.index);
  } else if (to.is_cpu()) {
    detail::device_memory(from)->copy(dst.raw_data(), src.raw_data(), dst.nbytes(),
                                      Direction::DeviceToHost, from.index);
  } else {  // within one device (callers route other device pairs through the host)
    detail::device_memory(to)->copy(dst.raw_data(), src.raw_data(), dst.nbytes(),
                                    Direction::DeviceToDevice, to.index);
  }
}

}  // namespace

NDArray NDArray::copy() const {
  if (!defined()) throw ValueError("copy of a null NDArray");
  NDArray out = empty(dtype_, shape_, device());
  if (device().is_cpu()) {
    convert_into(out, *this);
  } else if (is_c_contiguous()) {
    copy_bytes(out, *this);
  } else {
    check_cpu("copy of a non-contiguous device array");
  }
  return out;
}

NDArray NDArray::ascontiguous() const {
  if (!defined()) throw ValueError("ascontiguous of a null NDArray");
  return is_c_contiguous() ? *this : copy();
}

NDArray NDArray::astype(DType dtype) const {
  if (dtype == dtype_) return copy();
  check_cpu("astype");
  NDArray out = empty(dtype, shape_);
  convert_into(out, *this);
  return out;
}

void NDArray::assign(const NDArray& src) {
  check_cpu("assign");
  src.check_cpu("assign (source)");
  NDArray source;
  try {
    source = src.broadcast_to(shape_);
  } catch (const ValueError&) {
    throw ValueError("assign: could not broadcast input array from shape " +
                     shape_str(src.shape()) + " into shape " + shape_str(shape_));
  }
  if (same_elements(*this, source)) return;
  if (may_share_memory(source)) source = src.copy().broadcast_to(shape_);
  convert_into(*this, source);
}

NDArray NDArray::to(const Device& device) const {
  if (!defined()) throw ValueError("to(" + device.str() + ") of a null NDArray");
  if (device == this->device()) return copy();
  if (!device.is_cpu() && !this->device().is_cpu()) return to(Device::cpu()).to(device);
  const NDArray source = this->device().is_cpu() ? ascontiguous() : *this;
  if (!source.is_c_contiguous()) check_cpu("to() of a non-contiguous device array");
  NDArray out = empty(dtype_, shape_, device);
  copy_bytes(out, source);
  return out;
}

}  // namespace theano
