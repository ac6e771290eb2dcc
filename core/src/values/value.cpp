// Value: the variant flowing along graph edges (empty, NDArray or opaque).
#include "theano/core/value.h"

namespace theano {
namespace {

[[noreturn]] void not_an_array(const Value& value) {
  throw TypeError("expected an NDArray value, got " + value.summary());
}

}  // namespace

bool Value::empty() const {
  if (std::holds_alternative<std::monostate>(v_)) return true;
  if (std::holds_alternative<NDArray>(v_)) return !array_unchecked().defined();
  return std::get<std::shared_ptr<OpaqueValue>>(v_) == nullptr;
}

const NDArray& Value::array() const {
  if (!std::holds_alternative<NDArray>(v_)) not_an_array(*this);
  return array_unchecked();
}

NDArray& Value::array() {
  if (!std::holds_alternative<NDArray>(v_)) not_an_array(*this);
  return std::get<NDArray>(v_);
}

const std::shared_ptr<OpaqueValue>& Value::opaque_ptr() const {
  if (!is_opaque()) {
    throw TypeError("expected an opaque value, got " + summary());
  }
  return std::get<std::shared_ptr<OpaqueValue>>(v_);
}

Value Value::deep_copy() const {
  if (empty()) return *this;
  if (is_array()) return Value(array_unchecked().copy());
  return Value(std::get<std::shared_ptr<OpaqueValue>>(v_)->deep_copy());
}

std::size_t Value::nbytes() const {
  if (empty()) return 0;
  if (is_array()) return array_unchecked().nbytes();
  return std::get<std::shared_ptr<OpaqueValue>>(v_)->nbytes();
}

std::string Value::summary() const {
  if (empty()) return "<empty value>";
  if (is_array()) return array_unchecked().summary();
  return std::get<std::shared_ptr<OpaqueValue>>(v_)->summary();
}

}  // namespace theano
