// Copies between layouts, dtypes and devices: copy, ascontiguous, astype,
// assign (broadcasting, converting, safe when source and destination
// overlap) and to(device). Every host copy is one coalesced strided walk
// whose inner rows are memcpy or a vectorisable conversion loop.
#include <algorithm>
#include <cstdlib>

#include "convert.h"
#include "device_memory.h"
#include "layout.h"
#include "theano/core/ndarray.h"

namespace theano {
namespace {

constexpr std::int64_t kTile = 64;

// Whether the last two dims should be walked in tiles: one array runs
// faster along the outer of the two (a transpose), so plain rows would
// stride through memory.
bool wants_tiles(const detail::LoopPlan& plan) {
  const std::size_t nd = plan.shape.size();
  if (nd < 2 || plan.shape[nd - 1] < 16 || plan.shape[nd - 2] < 16) return false;
  auto crosses = [&](const std::vector<std::int64_t>& s) {
    return std::abs(s[nd - 1]) > std::abs(s[nd - 2]);
  };
  return crosses(plan.strides0) || crosses(plan.strides1);
}

// Converts the last two dims of the plan tile by tile, for every position
// of the leading dims.
void convert_tiled(const detail::LoopPlan& plan, char* dst, const char* src,
                   detail::ConvertRowFn row) {
  const std::size_t nd = plan.shape.size();
  detail::LoopPlan outer{{plan.shape.begin(), plan.shape.end() - 2},
                         {plan.strides0.begin(), plan.strides0.end() - 2},
                         {plan.strides1.begin(), plan.strides1.end() - 2}};
  outer.shape.push_back(1);  // for_each_row then visits each leading position once
  outer.strides0.push_back(0);
  outer.strides1.push_back(0);
  const std::int64_t rows = plan.shape[nd - 2], cols = plan.shape[nd - 1];
  const std::int64_t dr = plan.strides0[nd - 2], dc = plan.strides0[nd - 1];
  const std::int64_t sr = plan.strides1[nd - 2], sc = plan.strides1[nd - 1];
  detail::for_each_row(outer, dst, src, [&](char* d, const char* s, std::int64_t) {
    for (std::int64_t i0 = 0; i0 < rows; i0 += kTile) {
      const std::int64_t i1 = std::min(rows, i0 + kTile);
      for (std::int64_t j0 = 0; j0 < cols; j0 += kTile) {
        const std::int64_t n = std::min(cols - j0, kTile);
        for (std::int64_t i = i0; i < i1; ++i)
          row(d + i * dr + j0 * dc, dc, s + i * sr + j0 * sc, sc, n);
      }
    }
    return true;
  });
}

// Converts every element of `src` (already broadcast to dst's shape) into
// `dst`. The two must not overlap.
void convert_into(const NDArray& dst, const NDArray& src) {
  const detail::LoopPlan plan = detail::plan_loop(dst.shape(), dst.strides(), src.strides());
  if (plan.shape.empty()) return;
  const detail::ConvertRowFn row = detail::convert_row_fn(dst.dtype(), src.dtype());
  char* d = static_cast<char*>(dst.raw_data());
  const char* s = static_cast<const char*>(src.raw_data());
  if (wants_tiles(plan)) return convert_tiled(plan, d, s, row);
  const std::int64_t dst_step = plan.strides0.back();
  const std::int64_t src_step = plan.strides1.back();
  detail::for_each_row(plan, d, s, [&](char* dp, const char* sp, std::int64_t n) {
    row(dp, dst_step, sp, src_step, n);
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
