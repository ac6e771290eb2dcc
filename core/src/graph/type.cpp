// Type interning and the built-in types: tensor, scalar, generic, null, disconnected.
#include "theano/core/type.h"

#include <mutex>
#include <typeinfo>
#include <unordered_map>

#include "theano/core/errors.h"

namespace theano {

bool Type::is_valid_value(const Value& value) const {
  try {
    filter(value, FilterOptions{.strict = true});
    return true;
  } catch (const Error&) {
    return false;
  }
}

bool Type::values_eq_approx(const Value& a, const Value& b) const {
  if (a.is_array() && b.is_array()) return array_equal(a.array(), b.array());
  return a.summary() == b.summary();
}

bool Type::may_share_memory(const Value& a, const Value& b) const {
  if (a.is_array() && b.is_array()) return a.array().may_share_memory(b.array());
  if (a.is_opaque() && b.is_opaque()) return a.opaque_ptr() == b.opaque_ptr();
  return false;
}

TypePtr intern_type(TypePtr type) {
  // Keyed by str(): equal types print equally, and str() is cheap to hash.
  static std::mutex mutex;
  static std::unordered_map<std::string, std::vector<TypePtr>> table;
  std::lock_guard lock(mutex);
  auto& bucket = table[type->str()];
  for (const auto& t : bucket)
    if (t->equals(*type)) return t;
  bucket.push_back(type);
  return type;
}

std::string static_shape_str(const StaticShape& shape) {
  // Without a stream: intern_type keys every new type by its str().
  std::string s = "(";
  for (std::size_t i = 0; i < shape.size(); ++i) {
    if (i) s += ", ";
    if (shape[i])
      s += std::to_string(*shape[i]);
    else
      s += '?';
  }
  if (shape.size() == 1) s += ',';
  s += ')';
  return s;
}

// --- TensorType -------------------------------------------------------------------

TensorType::TensorType(DType dtype, StaticShape shape, Device device)
    : dtype_(dtype), shape_(std::move(shape)), device_(std::move(device)) {
  for (const auto& d : shape_)
    if (d && *d < 0) throw ValueError("TensorType: negative static dimension " + std::to_string(*d));
}

std::shared_ptr<const TensorType> TensorType::make(DType dtype, StaticShape shape, Device device) {
  return intern(std::make_shared<const TensorType>(dtype, std::move(shape), std::move(device)));
}

std::shared_ptr<const TensorType> TensorType::make(DType dtype, int ndim, Device device) {
  if (ndim < 0) throw ValueError("TensorType: negative ndim " + std::to_string(ndim));
  return make(dtype, StaticShape(ndim), std::move(device));
}

std::shared_ptr<const TensorType> TensorType::with_dtype(DType dtype) const {
  return make(dtype, shape_, device_);
}
std::shared_ptr<const TensorType> TensorType::with_shape(StaticShape shape) const {
  return make(dtype_, std::move(shape), device_);
}
std::shared_ptr<const TensorType> TensorType::with_device(Device device) const {
  return make(dtype_, shape_, std::move(device));
}

std::string TensorType::str() const {
  std::string s = "TensorType(" + std::string(dtype_name(dtype_)) + ", " + static_shape_str(shape_);
  if (!device_.is_cpu()) s += ", " + device_.str();
  return s + ")";
}

bool TensorType::equals(const Type& other) const {
  auto* o = dynamic_cast<const TensorType*>(&other);
  return o && o->dtype_ == dtype_ && o->shape_ == shape_ && o->device_ == device_;
}

std::size_t TensorType::hash() const {
  std::size_t h = std::hash<int>()(static_cast<int>(dtype_)) * 31 + shape_.size();
  for (const auto& d : shape_) h = h * 1000003 + (d ? static_cast<std::size_t>(*d) + 1 : 0);
  return h ^ std::hash<std::string>()(device_.str());
}

bool TensorType::accepts_shape(const Shape& shape) const {
  if (static_cast<int>(shape.size()) != ndim()) return false;
  for (int i = 0; i < ndim(); ++i)
    if (shape_[i] && *shape_[i] != shape[i]) return false;
  return true;
}

Value TensorType::filter(const Value& value, const FilterOptions& options) const {
  if (!value.is_array()) {
    throw TypeError("expected " + str() + ", got " + (value.empty() ? "no value" : value.summary()));
  }
  NDArray a = value.array();
  if (a.ndim() != ndim()) {
    throw TypeError("expected " + str() + " (ndim " + std::to_string(ndim()) + "), got an array of ndim " +
                    std::to_string(a.ndim()) + " with shape " + shape_str(a.shape()));
  }
  if (!accepts_shape(a.shape())) {
    throw TypeError("expected " + str() + ", got shape " + shape_str(a.shape()) +
                    " which contradicts the static shape");
  }
  if (a.device() != device_) {
    throw TypeError("expected a value on " + device_.str() + ", got one on " + a.device().str());
  }
  if (a.dtype() != dtype_) {
    bool safe = can_cast_safely(a.dtype(), dtype_);
    if (options.strict || (!safe && !options.allow_downcast)) {
      throw TypeError("expected dtype " + std::string(dtype_name(dtype_)) + ", got " +
                      std::string(dtype_name(a.dtype())) +
                      (safe ? " (strict input)" : " (a lossy downcast; pass allow_input_downcast to allow it)"));
    }
    a = a.astype(dtype_);
  }
  return a;
}

bool TensorType::values_eq_approx(const Value& a, const Value& b) const {
  if (!a.is_array() || !b.is_array()) return false;
  const NDArray& x = a.array();
  const NDArray& y = b.array();
  if (x.shape() != y.shape()) return false;
  if (is_discrete(dtype_)) return array_equal(x, y);
  double tol = dtype_ == DType::Float16 ? 1e-2 : (dtype_ == DType::Float32 || dtype_ == DType::Complex64) ? 1e-4 : 1e-8;
  return allclose(x, y, tol, tol, /*equal_nan=*/true);
}

// --- ScalarType -------------------------------------------------------------------

std::shared_ptr<const ScalarType> ScalarType::make(DType dtype) {
  return intern(std::make_shared<const ScalarType>(dtype));
}

std::string ScalarType::str() const { return "Scalar(" + std::string(dtype_name(dtype_)) + ")"; }

bool ScalarType::equals(const Type& other) const {
  auto* o = dynamic_cast<const ScalarType*>(&other);
  return o && o->dtype_ == dtype_;
}

std::size_t ScalarType::hash() const { return 0x5ca1a4u + static_cast<std::size_t>(dtype_); }

Value ScalarType::filter(const Value& value, const FilterOptions& options) const {
  if (!value.is_array() || value.array().ndim() != 0) {
    throw TypeError("expected " + str() + " (a 0-d array), got " +
                    (value.empty() ? "no value" : value.summary()));
  }
  const NDArray& a = value.array();
  if (a.dtype() == dtype_) return a;
  bool safe = can_cast_safely(a.dtype(), dtype_);
  if (options.strict || (!safe && !options.allow_downcast)) {
    throw TypeError("expected dtype " + std::string(dtype_name(dtype_)) + ", got " +
                    std::string(dtype_name(a.dtype())));
  }
  return a.astype(dtype_);
}

// --- Generic, Null, Disconnected -------------------------------------------------------

TypePtr GenericType::make() { return intern_type(std::make_shared<const GenericType>()); }
Value GenericType::filter(const Value& value, const FilterOptions&) const { return value; }

TypePtr NullType::make(std::string why) {
  return intern_type(std::make_shared<const NullType>(std::move(why)));
}
bool NullType::equals(const Type& other) const {
  auto* o = dynamic_cast<const NullType*>(&other);
  return o && o->why_ == why_;
}
std::size_t NullType::hash() const { return std::hash<std::string>()(why_) ^ 0x77u; }
Value NullType::filter(const Value&, const FilterOptions&) const {
  throw TypeError("a NullType variable has no value: " + why_);
}

TypePtr DisconnectedType::make() {
  return intern_type(std::make_shared<const DisconnectedType>());
}
Value DisconnectedType::filter(const Value&, const FilterOptions&) const {
  throw TypeError("a DisconnectedType variable has no value (gradient of a disconnected input)");
}

// Both classes are final: comparing the dynamic type is exact and cheaper
// than dynamic_cast (asked for nearly every variable a rewrite looks at).
std::shared_ptr<const TensorType> as_tensor_type(const TypePtr& type) {
  if (!type || typeid(*type) != typeid(TensorType)) return nullptr;
  return std::static_pointer_cast<const TensorType>(type);
}
std::shared_ptr<const ScalarType> as_scalar_type(const TypePtr& type) {
  if (!type || typeid(*type) != typeid(ScalarType)) return nullptr;
  return std::static_pointer_cast<const ScalarType>(type);
}

}  // namespace theano
