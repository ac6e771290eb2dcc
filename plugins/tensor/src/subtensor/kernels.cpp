// Strided loops of the indexing ops.
#include "kernels.h"

#include <algorithm>
#include <cstring>
#include <type_traits>

namespace theano::tensor_ops::indexing {

namespace {

template <class T>
void add_element(std::byte* d, const std::byte* s) {
  T& dst = *reinterpret_cast<T*>(d);
  const T& src = *reinterpret_cast<const T*>(s);
  if constexpr (std::is_same_v<T, float16>) {
    dst = float16(static_cast<float>(dst) + static_cast<float>(src));
  } else if constexpr (std::is_same_v<T, bool>) {
    dst = dst || src;
  } else {
    dst = static_cast<T>(dst + src);
  }
}

template <class T>
void add_loop(std::byte* d, const std::byte* s, const Shape& shape, const Strides& ds,
              const Strides& ss, int axis) {
  std::int64_t n = shape[axis];
  if (axis + 1 == static_cast<int>(shape.size())) {
    for (std::int64_t i = 0; i < n; ++i) add_element<T>(d + i * ds[axis], s + i * ss[axis]);
    return;
  }
  for (std::int64_t i = 0; i < n; ++i)
    add_loop<T>(d + i * ds[axis], s + i * ss[axis], shape, ds, ss, axis + 1);
}

}  // namespace

void add_into(const NDArray& dst, const NDArray& src) {
  if (dst.size() == 0) return;
  NDArray s = src.dtype() == dst.dtype() ? src : src.astype(dst.dtype());
  s = s.broadcast_to(dst.shape());
  auto* d = static_cast<std::byte*>(dst.raw_data());
  const auto* p = static_cast<const std::byte*>(s.raw_data());
  visit_dtype(dst.dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    if (dst.ndim() == 0) {
      add_element<T>(d, p);
    } else {
      add_loop<T>(d, p, dst.shape(), dst.strides(), s.strides(), 0);
    }
  });
}

void set_into(const NDArray& dst, const NDArray& src) {
  if (dst.size() == 0) return;
  NDArray view = dst;
  view.assign(src);
}

std::vector<std::int64_t> index_values(const NDArray& indices) {
  return indices.to_vector<std::int64_t>();
}

NDArray take_rows(const NDArray& x, const std::vector<std::int64_t>& indices) {
  if (x.ndim() == 0) throw IndexError("cannot take rows of a 0-d array");
  Shape shape = x.shape();
  std::int64_t n = shape[0];
  shape[0] = static_cast<std::int64_t>(indices.size());
  NDArray out = NDArray::empty(x.dtype(), shape);
  NDArray src = x.ascontiguous();
  std::size_t row = out.nbytes() / std::max<std::size_t>(indices.size(), 1);
  const auto* s = static_cast<const std::byte*>(src.raw_data());
  auto* d = static_cast<std::byte*>(out.raw_data());
  for (std::size_t k = 0; k < indices.size(); ++k) {
    std::int64_t i = indices[k];
    if (i < -n || i >= n) {
      throw IndexError("index " + std::to_string(i) + " (position " + std::to_string(k) +
                       " of the index vector) is out of bounds for axis 0 with size " +
                       std::to_string(n));
    }
    if (i < 0) i += n;
    if (row) std::memcpy(d + k * row, s + static_cast<std::size_t>(i) * row, row);
  }
  return out;
}

namespace {

// Every index is checked before any row is written, so an in-place update
// that fails leaves its tensor untouched. Returns the indices made positive.
std::vector<std::int64_t> checked_rows(const std::vector<std::int64_t>& indices, std::int64_t n) {
  std::vector<std::int64_t> rows(indices.size());
  for (std::size_t k = 0; k < indices.size(); ++k) {
    std::int64_t i = indices[k];
    if (i < -n || i >= n) {
      throw IndexError("index " + std::to_string(i) + " (position " + std::to_string(k) +
                       " of the index vector) is out of bounds for axis 0 with size " +
                       std::to_string(n));
    }
    rows[k] = i < 0 ? i + n : i;
  }
  return rows;
}

// True when each row of `a` (all axes but the first) is one contiguous block.
bool rows_contiguous(const NDArray& a) {
  Strides want = c_strides(a.shape(), a.itemsize());
  for (std::size_t d = 1; d < want.size(); ++d)
    if (a.shape()[d] != 1 && a.strides()[d] != want[d]) return false;
  return true;
}

// The common case (W9: a dense delta added to rows of a C-order matrix): one
// flat loop per row that the compiler vectorises.
template <class T>
void add_rows_flat(const NDArray& out, const NDArray& y, const std::vector<std::int64_t>& rows) {
  std::int64_t width = rows.empty() ? 0 : out.size() / std::max<std::int64_t>(out.shape()[0], 1);
  auto* base = static_cast<std::byte*>(out.raw_data());
  const auto* src = static_cast<const std::byte*>(y.raw_data());
  for (std::size_t k = 0; k < rows.size(); ++k) {
    T* d = reinterpret_cast<T*>(base + rows[k] * out.strides()[0]);
    const T* s = reinterpret_cast<const T*>(src + static_cast<std::int64_t>(k) * y.strides()[0]);
    for (std::int64_t j = 0; j < width; ++j) d[j] = static_cast<T>(d[j] + s[j]);
  }
}

bool add_rows_fast(const NDArray& out, const NDArray& y, const std::vector<std::int64_t>& rows) {
  if (out.ndim() < 2 || !rows_contiguous(out) || !rows_contiguous(y)) return false;
  switch (out.dtype()) {
    case DType::Float32:
      add_rows_flat<float>(out, y, rows);
      return true;
    case DType::Float64:
      add_rows_flat<double>(out, y, rows);
      return true;
    case DType::Int32:
      add_rows_flat<std::int32_t>(out, y, rows);
      return true;
    case DType::Int64:
      add_rows_flat<std::int64_t>(out, y, rows);
      return true;
    default:
      return false;
  }
}

// The shape y broadcasts to when scattered into rows of `out`:
// (len(indices),) + out.shape[1:].
Shape scattered_shape(const NDArray& out, const std::vector<std::int64_t>& indices) {
  if (out.ndim() == 0) throw IndexError("cannot index rows of a 0-d array");
  Shape sub = out.shape();
  sub[0] = static_cast<std::int64_t>(indices.size());
  return sub;
}

}  // namespace

void check_scatter_rows(const NDArray& out, const NDArray& y,
                        const std::vector<std::int64_t>& indices) {
  (void)y.broadcast_to(scattered_shape(out, indices));
  (void)checked_rows(indices, out.shape()[0]);
}

void scatter_rows(const NDArray& out, const NDArray& y, const std::vector<std::int64_t>& indices,
                  bool set) {
  Shape sub = scattered_shape(out, indices);
  NDArray yb = y.dtype() == out.dtype() ? y : y.astype(out.dtype());
  yb = yb.broadcast_to(sub);
  std::vector<std::int64_t> rows = checked_rows(indices, out.shape()[0]);
  if (!set && add_rows_fast(out, yb, rows)) return;
  for (std::size_t k = 0; k < rows.size(); ++k) {
    NDArray dst = out.index(0, rows[k]);
    NDArray src = yb.index(0, static_cast<std::int64_t>(k));
    if (set) {
      set_into(dst, src);
    } else {
      add_into(dst, src);
    }
  }
}

void move_elements(const NDArray& dst, const std::vector<std::int64_t>& dst_off, const NDArray& src,
                   const std::vector<std::int64_t>& src_off, bool add) {
  if (dst_off.empty()) return;
  auto* d = static_cast<std::byte*>(dst.raw_data());
  const auto* s = static_cast<const std::byte*>(src.raw_data());
  visit_dtype(dst.dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    for (std::size_t k = 0; k < dst_off.size(); ++k) {
      if (add) {
        add_element<T>(d + dst_off[k], s + src_off[k]);
      } else {
        std::memcpy(d + dst_off[k], s + src_off[k], sizeof(T));
      }
    }
  });
}

}  // namespace theano::tensor_ops::indexing
