// NDArray construction, properties and zero-copy views (transpose, slice,
// index, broadcast_to). Reshape, copies, comparisons and printing live in
// their own files.
#include <algorithm>
#include <cstring>

#include "layout.h"
#include "theano/core/ndarray.h"

namespace theano {
namespace {

int normalize_axis(int axis, int ndim, const char* context) {
  if (axis < -ndim || axis >= ndim) {
    throw ValueError(std::string(context) + ": axis " + std::to_string(axis) +
                     " is out of bounds for array of dimension " + std::to_string(ndim));
  }
  return axis < 0 ? axis + ndim : axis;
}

std::size_t element_alignment(DType dtype) {
  return visit_dtype(dtype, []<class T>(TypeTag<T>) { return alignof(T); });
}

void check_alignment(const Buffer& buffer, DType dtype, const Shape& shape, const Strides& strides,
                     std::int64_t offset) {
  const auto align = static_cast<std::int64_t>(element_alignment(dtype));
  const auto base = reinterpret_cast<std::uintptr_t>(buffer.data());
  bool aligned = (static_cast<std::int64_t>(base % align) + offset) % align == 0;
  for (std::size_t i = 0; i < shape.size(); ++i) {
    if (shape[i] > 1 && strides[i] % align != 0) aligned = false;
  }
  if (!aligned) {
    throw ValueError("from_buffer: offset " + std::to_string(offset) + " or strides " +
                     shape_str(strides) + " are not multiples of the " + std::to_string(align) +
                     "-byte alignment of " + std::string(dtype_name(dtype)));
  }
}

void check_inside_buffer(const Buffer& buffer, DType dtype, const Shape& shape,
                         const Strides& strides, std::int64_t offset) {
  const detail::Extent extent = detail::layout_extent(shape, strides, itemsize(dtype));
  const auto size = static_cast<std::int64_t>(buffer.size());
  const bool empty = extent.high == 0;
  const bool inside =
      empty ? offset <= size
            : offset + extent.low >= 0 && extent.high <= size - offset && offset <= size;
  if (!inside) {
    throw ValueError("from_buffer: a " + std::string(dtype_name(dtype)) + " view of shape " +
                     shape_str(shape) + ", strides " + shape_str(strides) + " at offset " +
                     std::to_string(offset) + " addresses bytes [" +
                     std::to_string(offset + extent.low) + ", " +
                     std::to_string(offset + extent.high) + ") outside the buffer of " +
                     std::to_string(size) + " bytes");
  }
}

}  // namespace

std::int64_t shape_size(const Shape& shape) {
  std::int64_t n = 1;
  for (std::int64_t dim : shape) n *= dim;
  return n;
}

Strides c_strides(const Shape& shape, std::size_t itemsize) {
  Strides strides(shape.size());
  auto step = static_cast<std::int64_t>(itemsize);
  for (std::size_t i = shape.size(); i-- > 0;) {
    strides[i] = step;
    step *= std::max<std::int64_t>(shape[i], 1);
  }
  return strides;
}

Strides f_strides(const Shape& shape, std::size_t itemsize) {
  Strides strides(shape.size());
  auto step = static_cast<std::int64_t>(itemsize);
  for (std::size_t i = 0; i < shape.size(); ++i) {
    strides[i] = step;
    step *= std::max<std::int64_t>(shape[i], 1);
  }
  return strides;
}

std::string shape_str(const Shape& shape) {
  std::string out = "(";
  for (std::size_t i = 0; i < shape.size(); ++i) {
    if (i > 0) out += ", ";
    out += std::to_string(shape[i]);
  }
  return out + (shape.size() == 1 ? ",)" : ")");
}

NDArray::NDArray(std::shared_ptr<Buffer> buffer, DType dtype, Shape shape, Strides strides,
                 std::int64_t offset)
    : buffer_(std::move(buffer)),
      dtype_(dtype),
      shape_(std::move(shape)),
      strides_(std::move(strides)),
      offset_(offset) {}

NDArray NDArray::empty(DType dtype, Shape shape, const Device& device) {
  detail::check_shape(shape, theano::itemsize(dtype), "NDArray::empty");
  const auto bytes = static_cast<std::size_t>(shape_size(shape)) * theano::itemsize(dtype);
  Strides strides = c_strides(shape, theano::itemsize(dtype));
  return NDArray(Buffer::allocate(bytes, device), dtype, std::move(shape), std::move(strides), 0);
}

NDArray NDArray::zeros(DType dtype, Shape shape, const Device& device) {
  if (!device.is_cpu()) return zeros(dtype, std::move(shape)).to(device);
  NDArray out = empty(dtype, std::move(shape));
  if (out.nbytes() > 0) std::memset(out.raw_data(), 0, out.nbytes());
  return out;
}

NDArray NDArray::full(DType dtype, Shape shape, double value) {
  NDArray out = empty(dtype, std::move(shape));
  const NDArray converted = scalar(value).astype(dtype);
  visit_dtype(dtype, [&]<class T>(TypeTag<T>) {
    const T fill = *converted.data<T>();
    std::fill_n(out.data<T>(), out.size(), fill);
  });
  return out;
}

NDArray NDArray::from_buffer(std::shared_ptr<Buffer> buffer, DType dtype, Shape shape,
                             Strides strides, std::int64_t offset) {
  if (buffer == nullptr) throw ValueError("from_buffer: null buffer");
  if (strides.size() != shape.size()) {
    throw ValueError("from_buffer: shape " + shape_str(shape) + " has " +
                     std::to_string(shape.size()) + " dims but strides " + shape_str(strides) +
                     " has " + std::to_string(strides.size()));
  }
  detail::check_shape(shape, theano::itemsize(dtype), "from_buffer");
  if (offset < 0) throw ValueError("from_buffer: negative offset " + std::to_string(offset));
  check_inside_buffer(*buffer, dtype, shape, strides, offset);
  check_alignment(*buffer, dtype, shape, strides, offset);
  return NDArray(std::move(buffer), dtype, std::move(shape), std::move(strides), offset);
}

std::int64_t NDArray::dim(int axis) const {
  return shape_[normalize_axis(axis, ndim(), "NDArray::dim")];
}

const Device& NDArray::device() const {
  static const Device kCpu = Device::cpu();
  return buffer_ ? buffer_->device() : kCpu;
}

void* NDArray::raw_data() const {
  if (!buffer_ || buffer_->data() == nullptr) return nullptr;
  return static_cast<char*>(buffer_->data()) + offset_;
}

bool NDArray::is_c_contiguous() const {
  if (size() == 0) return true;
  auto expected = static_cast<std::int64_t>(itemsize());
  for (int i = ndim() - 1; i >= 0; --i) {
    if (shape_[i] == 1) continue;
    if (strides_[i] != expected) return false;
    expected *= shape_[i];
  }
  return true;
}

bool NDArray::is_f_contiguous() const {
  if (size() == 0) return true;
  auto expected = static_cast<std::int64_t>(itemsize());
  for (int i = 0; i < ndim(); ++i) {
    if (shape_[i] == 1) continue;
    if (strides_[i] != expected) return false;
    expected *= shape_[i];
  }
  return true;
}

void NDArray::check_cpu(const char* what) const {
  if (!defined()) throw ValueError(std::string(what) + " on a null NDArray");
  if (!device().is_cpu()) {
    throw NotImplementedError(std::string(what) + " needs an array on cpu, got " + summary() +
                              " on " + device().str());
  }
}

NDArray NDArray::view(Shape shape, Strides strides, std::int64_t offset) const {
  return from_buffer(buffer_, dtype_, std::move(shape), std::move(strides), offset);
}

NDArray NDArray::transpose(const std::vector<int>& perm) const {
  if (static_cast<int>(perm.size()) != ndim()) {
    throw ValueError("transpose: permutation of " + std::to_string(perm.size()) +
                     " axes for an array of dimension " + std::to_string(ndim()));
  }
  std::vector<bool> seen(perm.size(), false);
  Shape shape(perm.size());
  Strides strides(perm.size());
  for (std::size_t i = 0; i < perm.size(); ++i) {
    const int axis = normalize_axis(perm[i], ndim(), "transpose");
    if (seen[axis]) throw ValueError("transpose: axis " + std::to_string(axis) + " repeated");
    seen[axis] = true;
    shape[i] = shape_[axis];
    strides[i] = strides_[axis];
  }
  return NDArray(buffer_, dtype_, std::move(shape), std::move(strides), offset_);
}

NDArray NDArray::transpose() const {
  return NDArray(buffer_, dtype_, Shape(shape_.rbegin(), shape_.rend()),
                 Strides(strides_.rbegin(), strides_.rend()), offset_);
}

NDArray NDArray::slice(int axis, std::int64_t start, std::int64_t stop, std::int64_t step) const {
  axis = normalize_axis(axis, ndim(), "slice");
  if (step == 0) throw ValueError("slice: step cannot be zero");
  const std::int64_t extent = shape_[axis];
  std::int64_t length =
      step > 0 ? (stop - start + step - 1) / step : (start - stop - step - 1) / -step;
  length = std::max<std::int64_t>(length, 0);
  const std::int64_t last = start + (length - 1) * step;
  if (length > 0 && (start < 0 || start >= extent || last < 0 || last >= extent)) {
    throw IndexError("slice " + std::to_string(start) + ":" + std::to_string(stop) + ":" +
                     std::to_string(step) + " is not normalised for axis " + std::to_string(axis) +
                     " of size " + std::to_string(extent));
  }
  Shape shape = shape_;
  Strides strides = strides_;
  shape[axis] = length;
  strides[axis] = strides_[axis] * step;
  const std::int64_t offset = length > 0 ? offset_ + start * strides_[axis] : offset_;
  return NDArray(buffer_, dtype_, std::move(shape), std::move(strides), offset);
}

NDArray NDArray::index(int axis, std::int64_t i) const {
  axis = normalize_axis(axis, ndim(), "index");
  const std::int64_t extent = shape_[axis];
  if (i < -extent || i >= extent) {
    throw IndexError("index " + std::to_string(i) + " is out of bounds for axis " +
                     std::to_string(axis) + " with size " + std::to_string(extent));
  }
  if (i < 0) i += extent;
  Shape shape = shape_;
  Strides strides = strides_;
  shape.erase(shape.begin() + axis);
  strides.erase(strides.begin() + axis);
  return NDArray(buffer_, dtype_, std::move(shape), std::move(strides),
                 offset_ + i * strides_[axis]);
}

NDArray NDArray::broadcast_to(const Shape& shape) const {
  const int lead = static_cast<int>(shape.size()) - ndim();
  auto fail = [&] {
    throw ValueError("cannot broadcast shape " + shape_str(shape_) + " to " + shape_str(shape));
  };
  if (lead < 0) fail();
  detail::check_shape(shape, itemsize(), "broadcast_to");
  Strides strides(shape.size(), 0);
  for (int i = 0; i < ndim(); ++i) {
    const std::int64_t target = shape[lead + i];
    if (shape_[i] == target) {
      strides[lead + i] = strides_[i];
    } else if (shape_[i] != 1) {
      fail();
    }
  }
  return NDArray(buffer_, dtype_, shape, std::move(strides), offset_);
}

}  // namespace theano
