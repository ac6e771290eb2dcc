// Value: what flows along graph edges at run time.
#pragma once

#include <memory>
#include <string>
#include <variant>

#include "theano/core/ndarray.h"

namespace theano {

/// Base of runtime values that are not NDArrays (sparse matrices, random
/// states, lists, ...). Plugins derive from it; the core only needs these.
class OpaqueValue {
 public:
  virtual ~OpaqueValue() = default;
  /// Short description for error reports ("csr float32 (10, 10) nnz=12").
  virtual std::string summary() const = 0;
  /// Bytes held, for the profiler and the storage-map footprint.
  virtual std::size_t nbytes() const = 0;
  /// An independent copy (shared-variable get_value without borrow).
  virtual std::shared_ptr<OpaqueValue> deep_copy() const = 0;
};

/// A runtime value: empty, an NDArray, or an OpaqueValue. Cheap to copy
/// (copies share the underlying storage, like NDArray views).
class Value {
 public:
  Value() = default;
  Value(NDArray array) : v_(std::move(array)) {}  // NOLINT: implicit by design
  Value(std::shared_ptr<OpaqueValue> opaque) : v_(std::move(opaque)) {}  // NOLINT

  bool empty() const;
  bool is_array() const { return std::holds_alternative<NDArray>(v_) && array_unchecked().defined(); }
  bool is_opaque() const { return std::holds_alternative<std::shared_ptr<OpaqueValue>>(v_); }

  /// The NDArray; throws TypeError naming what is held instead.
  const NDArray& array() const;
  NDArray& array();
  /// The opaque value cast to T, or nullptr when it holds something else.
  template <class T>
  std::shared_ptr<T> opaque() const {
    if (!is_opaque()) return nullptr;
    return std::dynamic_pointer_cast<T>(std::get<std::shared_ptr<OpaqueValue>>(v_));
  }
  const std::shared_ptr<OpaqueValue>& opaque_ptr() const;

  void reset() { v_ = std::monostate{}; }
  /// Deep copy of the contents.
  Value deep_copy() const;
  std::size_t nbytes() const;
  std::string summary() const;

 private:
  const NDArray& array_unchecked() const { return std::get<NDArray>(v_); }
  std::variant<std::monostate, NDArray, std::shared_ptr<OpaqueValue>> v_;
};

}  // namespace theano
