// Types: the static description of what a Variable holds. Immutable and
// interned, so two equal types are the same object.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "theano/core/device.h"
#include "theano/core/dtype.h"
#include "theano/core/value.h"

namespace theano {

class Type;
using TypePtr = std::shared_ptr<const Type>;

/// How Type::filter treats a value that does not match exactly.
struct FilterOptions {
  bool strict = false;          ///< reject anything but the exact dtype and layout
  bool allow_downcast = false;  ///< allow lossy dtype conversion
};

/// The Type contract. Implementations are immutable; create them through
/// `intern` so that equal types share one instance and compare by pointer.
class Type {
 public:
  virtual ~Type() = default;
  /// Family name: "tensor", "scalar", "generic", "null", "disconnected", ...
  virtual std::string kind() const = 0;
  /// Human-readable, also the interning key: "TensorType(float32, (?, 3))".
  virtual std::string str() const = 0;
  virtual bool equals(const Type& other) const = 0;
  virtual std::size_t hash() const = 0;
  /// Checks `value` against this type and converts it when `options` allow.
  /// Throws TypeError stating expected and actual dtype / ndim / shape.
  virtual Value filter(const Value& value, const FilterOptions& options = {}) const = 0;
  /// True when filter(value, strict) would accept it unchanged.
  virtual bool is_valid_value(const Value& value) const;
  /// Tolerant comparison used by DebugMode and tests.
  virtual bool values_eq_approx(const Value& a, const Value& b) const;
  virtual bool may_share_memory(const Value& a, const Value& b) const;
  /// The device values of this type live on.
  virtual Device device() const { return Device::cpu(); }
  /// True for types whose gradients are meaningful (float / complex tensors).
  virtual bool is_differentiable() const { return false; }
};

/// Returns the canonical instance equal to `type`, registering it if new.
TypePtr intern_type(TypePtr type);
template <class T>
std::shared_ptr<const T> intern(std::shared_ptr<const T> type) {
  return std::static_pointer_cast<const T>(intern_type(std::move(type)));
}
inline bool same_type(const TypePtr& a, const TypePtr& b) {
  return a == b || (a && b && a->equals(*b));
}

/// One static dimension: a known size or unknown (nullopt). A known size of 1
/// is Theano's "broadcastable" dimension.
using StaticDim = std::optional<std::int64_t>;
using StaticShape = std::vector<StaticDim>;
/// "(?, 3)".
std::string static_shape_str(const StaticShape& shape);

/// An n-d array of one dtype on one device, with a partly known shape.
class TensorType final : public Type {
 public:
  static std::shared_ptr<const TensorType> make(DType dtype, StaticShape shape,
                                                Device device = Device::cpu());
  /// All dims unknown.
  static std::shared_ptr<const TensorType> make(DType dtype, int ndim, Device device = Device::cpu());

  DType dtype() const { return dtype_; }
  const StaticShape& shape() const { return shape_; }
  int ndim() const { return static_cast<int>(shape_.size()); }
  bool broadcastable(int axis) const { return shape_.at(axis) == 1; }
  std::shared_ptr<const TensorType> with_dtype(DType dtype) const;
  std::shared_ptr<const TensorType> with_shape(StaticShape shape) const;
  std::shared_ptr<const TensorType> with_device(Device device) const;

  std::string kind() const override { return "tensor"; }
  std::string str() const override;
  bool equals(const Type& other) const override;
  std::size_t hash() const override;
  Value filter(const Value& value, const FilterOptions& options = {}) const override;
  bool values_eq_approx(const Value& a, const Value& b) const override;
  Device device() const override { return device_; }
  bool is_differentiable() const override { return is_float(dtype_) || is_complex(dtype_); }
  /// True if a value of `shape` fits the static shape.
  bool accepts_shape(const Shape& shape) const;

  TensorType(DType dtype, StaticShape shape, Device device);

 private:
  DType dtype_;
  StaticShape shape_;
  Device device_;
};

/// A single number of one dtype; values are 0-d NDArrays on the CPU. Used
/// by scalar ops inside Composite and for shape arithmetic.
class ScalarType final : public Type {
 public:
  static std::shared_ptr<const ScalarType> make(DType dtype);
  DType dtype() const { return dtype_; }
  std::string kind() const override { return "scalar"; }
  std::string str() const override;
  bool equals(const Type& other) const override;
  std::size_t hash() const override;
  Value filter(const Value& value, const FilterOptions& options = {}) const override;
  bool is_differentiable() const override { return is_float(dtype_) || is_complex(dtype_); }

  explicit ScalarType(DType dtype) : dtype_(dtype) {}

 private:
  DType dtype_;
};

/// Any value at all (lists, strings, opaque objects); filter accepts everything.
class GenericType final : public Type {
 public:
  static TypePtr make();
  std::string kind() const override { return "generic"; }
  std::string str() const override { return "GenericType"; }
  bool equals(const Type& other) const override { return other.kind() == "generic"; }
  std::size_t hash() const override { return 0x9e3779b1u; }
  Value filter(const Value& value, const FilterOptions& options = {}) const override;
};

/// The type of a gradient that is undefined; `why` says which op and input.
/// Using such a variable in a computation is an error that reports `why`.
class NullType final : public Type {
 public:
  static TypePtr make(std::string why);
  const std::string& why() const { return why_; }
  std::string kind() const override { return "null"; }
  std::string str() const override { return "NullType(" + why_ + ")"; }
  bool equals(const Type& other) const override;
  std::size_t hash() const override;
  Value filter(const Value& value, const FilterOptions& options = {}) const override;

  explicit NullType(std::string why) : why_(std::move(why)) {}

 private:
  std::string why_;
};

/// The type of a gradient with respect to an input the cost does not depend on.
class DisconnectedType final : public Type {
 public:
  static TypePtr make();
  std::string kind() const override { return "disconnected"; }
  std::string str() const override { return "DisconnectedType"; }
  bool equals(const Type& other) const override { return other.kind() == "disconnected"; }
  std::size_t hash() const override { return 0x2545f491u; }
  Value filter(const Value& value, const FilterOptions& options = {}) const override;
};

/// Downcasts helpers returning nullptr when the type is of another family.
std::shared_ptr<const TensorType> as_tensor_type(const TypePtr& type);
std::shared_ptr<const ScalarType> as_scalar_type(const TypePtr& type);

}  // namespace theano
