// Element access and comparisons: at, may_share_memory, array_equal and
// allclose (NumPy's isclose rules for NaN and infinities).
#include <cmath>
#include <complex>

#include "layout.h"
#include "theano/core/ndarray.h"

namespace theano {
namespace {

template <class T>
double to_double(T value) {
  if constexpr (std::is_same_v<T, std::complex<float>> || std::is_same_v<T, std::complex<double>>) {
    return static_cast<double>(value.real());
  } else {
    return static_cast<double>(value);
  }
}

NDArray on_cpu(const NDArray& a) {
  return a.device().is_cpu() ? a : a.to(Device::cpu());
}

// Byte addresses [low, high) that a non-empty array touches.
std::pair<std::uintptr_t, std::uintptr_t> address_range(const NDArray& a) {
  const detail::Extent extent = detail::layout_extent(a.shape(), a.strides(), a.itemsize());
  const auto base = reinterpret_cast<std::uintptr_t>(a.buffer()->data()) +
                    static_cast<std::uintptr_t>(a.offset());
  return {base + static_cast<std::uintptr_t>(extent.low),
          base + static_cast<std::uintptr_t>(extent.high)};
}

template <class T>
bool close(T x, T y, double rtol, double atol, bool equal_nan) {
  const bool x_nan = std::isnan(std::real(x)) || std::isnan(std::imag(x));
  const bool y_nan = std::isnan(std::real(y)) || std::isnan(std::imag(y));
  if (x_nan || y_nan) return equal_nan && x_nan && y_nan;
  const bool finite = std::isfinite(std::real(x)) && std::isfinite(std::imag(x)) &&
                      std::isfinite(std::real(y)) && std::isfinite(std::imag(y));
  if (!finite) return x == y;
  return std::abs(x - y) <= atol + rtol * std::abs(y);
}

}  // namespace

double NDArray::at(std::initializer_list<std::int64_t> index) const {
  check_cpu("at");
  if (static_cast<int>(index.size()) != ndim()) {
    throw IndexError("at: " + std::to_string(index.size()) + " indices for an array of shape " +
                     shape_str(shape_));
  }
  std::int64_t offset = 0;
  int axis = 0;
  for (std::int64_t i : index) {
    const std::int64_t extent = shape_[axis];
    if (i < -extent || i >= extent) {
      throw IndexError("index " + std::to_string(i) + " is out of bounds for axis " +
                       std::to_string(axis) + " with size " + std::to_string(extent));
    }
    offset += (i < 0 ? i + extent : i) * strides_[axis];
    ++axis;
  }
  const char* element = static_cast<const char*>(raw_data()) + offset;
  return visit_dtype(
      dtype_, [&]<class T>(TypeTag<T>) { return to_double(*reinterpret_cast<const T*>(element)); });
}

bool NDArray::may_share_memory(const NDArray& other) const {
  if (!defined() || !other.defined() || size() == 0 || other.size() == 0) return false;
  if (device() != other.device()) return false;
  const auto [low, high] = address_range(*this);
  const auto [other_low, other_high] = address_range(other);
  return low < other_high && other_low < high;
}

bool array_equal(const NDArray& a, const NDArray& b) {
  if (!a.defined() || !b.defined()) return a.defined() == b.defined();
  if (a.dtype() != b.dtype() || a.shape() != b.shape()) return false;
  const NDArray x = on_cpu(a);
  const NDArray y = on_cpu(b);
  const detail::LoopPlan plan = detail::plan_loop(x.shape(), x.strides(), y.strides());
  const std::int64_t sx = plan.strides0.empty() ? 0 : plan.strides0.back();
  const std::int64_t sy = plan.strides1.empty() ? 0 : plan.strides1.back();
  return visit_dtype(a.dtype(), [&]<class T>(TypeTag<T>) {
    return detail::for_each_row(plan, static_cast<const char*>(x.raw_data()),
                                static_cast<const char*>(y.raw_data()),
                                [&](const char* px, const char* py, std::int64_t n) {
                                  for (std::int64_t i = 0; i < n; ++i) {
                                    if (!(*reinterpret_cast<const T*>(px + i * sx) ==
                                          *reinterpret_cast<const T*>(py + i * sy))) {
                                      return false;
                                    }
                                  }
                                  return true;
                                });
  });
}

bool allclose(const NDArray& a, const NDArray& b, double rtol, double atol, bool equal_nan) {
  if (!a.defined() || !b.defined()) return a.defined() == b.defined();
  if (a.shape() != b.shape()) return false;
  const bool complex = is_complex(a.dtype()) || is_complex(b.dtype());
  const DType common = complex ? DType::Complex128 : DType::Float64;
  const NDArray x = on_cpu(a).astype(common);
  const NDArray y = on_cpu(b).astype(common);
  return visit_dtype(common, [&]<class T>(TypeTag<T>) {
    if constexpr (std::is_same_v<T, double> || std::is_same_v<T, std::complex<double>>) {
      const T* px = x.data<T>();
      const T* py = y.data<T>();
      for (std::int64_t i = 0; i < x.size(); ++i) {
        if (!close(px[i], py[i], rtol, atol, equal_nan)) return false;
      }
    }
    return true;
  });
}

}  // namespace theano
