// NDArray: the n-dimensional array value (dtype, shape, byte strides, offset).
#pragma once

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "theano/core/buffer.h"
#include "theano/core/dtype.h"
#include "theano/core/errors.h"

namespace theano {

using Shape = std::vector<std::int64_t>;
/// Byte strides, one per dimension; negative strides are allowed.
using Strides = std::vector<std::int64_t>;

/// Number of elements of a shape (1 for a 0-d shape).
std::int64_t shape_size(const Shape& shape);
/// C-order byte strides for `shape` with elements of `itemsize` bytes.
Strides c_strides(const Shape& shape, std::size_t itemsize);
/// Fortran-order byte strides.
Strides f_strides(const Shape& shape, std::size_t itemsize);
/// "(2, 3)" as NumPy prints a shape.
std::string shape_str(const Shape& shape);

/// A strided view over a refcounted Buffer. Copying an NDArray copies the view,
/// never the data: use `copy()` for a deep copy. A default-constructed NDArray
/// is "null" (no buffer) and `defined()` is false.
class NDArray {
 public:
  NDArray() = default;

  /// Uninitialised C-contiguous array.
  static NDArray empty(DType dtype, Shape shape, const Device& device = Device::cpu());
  static NDArray zeros(DType dtype, Shape shape, const Device& device = Device::cpu());
  /// Every element set to `value`, converted to `dtype` as a C cast would.
  static NDArray full(DType dtype, Shape shape, double value);
  /// A view of `buffer`; checks that every addressed byte lies inside it.
  static NDArray from_buffer(std::shared_ptr<Buffer> buffer, DType dtype, Shape shape,
                             Strides strides, std::int64_t offset);
  /// Copies `values` (C order) into a new array of `shape` (default: 1-d).
  template <class T>
  static NDArray from_vector(const std::vector<T>& values, Shape shape);
  template <class T>
  static NDArray from_vector(const std::vector<T>& values) {
    return from_vector(values, Shape{static_cast<std::int64_t>(values.size())});
  }
  template <class T>
  static NDArray from_values(std::initializer_list<T> values, Shape shape) {
    return from_vector(std::vector<T>(values), std::move(shape));
  }
  template <class T>
  static NDArray from_values(std::initializer_list<T> values) {
    return from_vector(std::vector<T>(values));
  }
  /// A 0-d array holding `value`.
  template <class T>
  static NDArray scalar(T value) {
    return from_vector(std::vector<T>{value}, Shape{});
  }

  bool defined() const { return buffer_ != nullptr; }
  DType dtype() const { return dtype_; }
  const Shape& shape() const { return shape_; }
  const Strides& strides() const { return strides_; }
  /// Byte offset of element 0 from the start of the buffer.
  std::int64_t offset() const { return offset_; }
  int ndim() const { return static_cast<int>(shape_.size()); }
  std::int64_t dim(int axis) const;
  std::int64_t size() const { return shape_size(shape_); }
  std::size_t itemsize() const { return theano::itemsize(dtype_); }
  std::size_t nbytes() const { return static_cast<std::size_t>(size()) * itemsize(); }
  const std::shared_ptr<Buffer>& buffer() const { return buffer_; }
  const Device& device() const;

  /// Address of element 0 (not of the buffer start).
  void* raw_data() const;
  /// Typed address of element 0; throws TypeError if T does not match dtype.
  template <class T>
  T* data() const;

  bool is_c_contiguous() const;
  bool is_f_contiguous() const;

  // Zero-copy views. Each shares the buffer.
  NDArray view(Shape shape, Strides strides, std::int64_t offset) const;
  NDArray transpose(const std::vector<int>& perm) const;
  NDArray transpose() const;  // reverses the axes
  /// NumPy basic slicing along one axis (start/stop already normalised by the caller
  /// as in Python's slice.indices).
  NDArray slice(int axis, std::int64_t start, std::int64_t stop, std::int64_t step) const;
  /// Selects index `i` along `axis` (negative counts from the end), dropping the axis.
  NDArray index(int axis, std::int64_t i) const;
  /// A view with `shape` where size-1 (or new leading) dims get stride 0.
  NDArray broadcast_to(const Shape& shape) const;
  /// A view when the layout allows, a C-order copy otherwise. One dim may be -1.
  NDArray reshape(Shape shape) const;

  // Copies.
  /// Deep copy in C order (on the same device).
  NDArray copy() const;
  /// `*this` when already C-contiguous, a C-order copy otherwise.
  NDArray ascontiguous() const;
  /// Converts element type as NumPy's astype (C casts; complex->real drops imag).
  NDArray astype(DType dtype) const;
  /// Copies `src` into this array's elements; shapes must match (src may
  /// broadcast); dtypes are converted.
  void assign(const NDArray& src);
  /// A copy on `device` (uses the devices' registered memory services).
  NDArray to(const Device& device) const;

  /// Element at a multi-index, converted to double (for tests and printing).
  double at(std::initializer_list<std::int64_t> index) const;
  /// The single element of a size-1 array converted to T.
  template <class T>
  T item() const;
  /// All elements in C order converted to T.
  template <class T>
  std::vector<T> to_vector() const;

  /// True when the byte ranges of the two arrays' buffers may overlap.
  bool may_share_memory(const NDArray& other) const;
  /// NumPy-like rendering, eliding the middle of large arrays.
  std::string str() const;
  /// "float32 (2, 3)".
  std::string summary() const;

 private:
  NDArray(std::shared_ptr<Buffer> buffer, DType dtype, Shape shape, Strides strides,
          std::int64_t offset);
  void check_cpu(const char* what) const;

  std::shared_ptr<Buffer> buffer_;
  DType dtype_ = DType::Float64;
  Shape shape_;
  Strides strides_;
  std::int64_t offset_ = 0;
};

/// Exact equality of dtype, shape and every element (NaN != NaN).
bool array_equal(const NDArray& a, const NDArray& b);
/// NumPy's allclose: |a - b| <= atol + rtol * |b| elementwise, shapes equal;
/// `equal_nan` treats NaN==NaN.
bool allclose(const NDArray& a, const NDArray& b, double rtol = 1e-5, double atol = 1e-8,
              bool equal_nan = false);

// --- NumPy .npy files ----------------------------------------------------------
/// Parses a complete .npy image (format 1.0, 2.0 and 3.0; either byte order;
/// C or Fortran order). Throws IOError describing what is malformed.
NDArray parse_npy(std::span<const std::byte> bytes);
NDArray load_npy(const std::string& path);
/// Serialises as .npy (little-endian, C order unless the array is F-contiguous only).
std::vector<std::byte> serialize_npy(const NDArray& array);
void save_npy(const std::string& path, const NDArray& array);

// --- template definitions ---------------------------------------------------------
template <class T>
T* NDArray::data() const {
  if (dtype_v<T> != dtype_) {
    throw TypeError("NDArray::data<" + std::string(dtype_name(dtype_v<T>)) +
                    ">() on an array of dtype " + std::string(dtype_name(dtype_)));
  }
  return static_cast<T*>(raw_data());
}

template <class T>
NDArray NDArray::from_vector(const std::vector<T>& values, Shape shape) {
  if (shape_size(shape) != static_cast<std::int64_t>(values.size())) {
    throw ValueError("from_vector: " + std::to_string(values.size()) +
                     " values do not fill shape " + shape_str(shape));
  }
  NDArray out = empty(dtype_v<T>, std::move(shape));
  T* dst = out.data<T>();
  for (std::size_t i = 0; i < values.size(); ++i) dst[i] = values[i];
  return out;
}

template <class T>
T NDArray::item() const {
  if (size() != 1) {
    throw ValueError("item() needs an array of one element, got shape " + shape_str(shape_));
  }
  return astype(dtype_v<T>).ascontiguous().template data<T>()[0];
}

template <class T>
std::vector<T> NDArray::to_vector() const {
  NDArray c = astype(dtype_v<T>).ascontiguous();
  const T* p = c.template data<T>();
  return std::vector<T>(p, p + c.size());
}

}  // namespace theano
