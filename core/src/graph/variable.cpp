// Variable, Constant, Container and SharedVariable.
#include <atomic>
#include <cstring>

#include "theano/core/graph.h"
#include "theano/core/op.h"

namespace theano {

namespace {
std::atomic<std::uint64_t> next_variable_id{1};

std::size_t bytes_hash(const NDArray& a) {
  NDArray c = a.ascontiguous();
  const auto* p = static_cast<const unsigned char*>(c.raw_data());
  std::size_t h = 1469598103934665603ull;
  for (std::size_t i = 0; i < c.nbytes(); ++i) h = (h ^ p[i]) * 1099511628211ull;
  return h;
}
}  // namespace

Variable::Variable(Kind kind, TypePtr type, std::string name, SourceLoc loc)
    : kind_(kind), type_(std::move(type)), name_(std::move(name)), id_(next_variable_id++) {
  if (!type_) throw ValueError("a Variable needs a type");
  tag_.loc = std::move(loc);
}

Var Variable::make(TypePtr type, std::string name, SourceLoc loc) {
  Var v(new Variable(Kind::Variable, std::move(type), std::move(name), std::move(loc)));
  adopt(v);
  return v;
}

Var Variable::self() const {
  if (owner_) return owner_->output(index_);
  Var v = weak_self_.lock();
  if (!v) throw Error("Variable::self() on a variable not created through a factory");
  return v;
}

Var Variable::clone() const {
  Var v = make(type_, name_, tag_.loc);
  v->tag_ = tag_;
  return v;
}

std::string Variable::str() const {
  if (!name_.empty()) return name_;
  if (owner_) return owner_->op().display() + ".out" + (owner_->nout() > 1 ? std::to_string(index_) : "");
  return "<" + type_->str() + ">";
}

// --- Constant ---------------------------------------------------------------------

Constant::Constant(TypePtr type, Value value, std::string name, SourceLoc loc)
    : Variable(Kind::Constant, std::move(type), std::move(name), std::move(loc)),
      value_(std::move(value)) {
  signature_ = std::hash<std::string>()(this->type()->str());
  if (value_.is_array()) signature_ ^= bytes_hash(value_.array());
  else signature_ ^= std::hash<std::string>()(value_.summary());
}

std::shared_ptr<Constant> Constant::make(TypePtr type, Value value, std::string name, SourceLoc loc) {
  Value filtered = type->filter(value, FilterOptions{.strict = false, .allow_downcast = false});
  std::shared_ptr<Constant> c(new Constant(std::move(type), std::move(filtered), std::move(name), std::move(loc)));
  adopt(c);
  return c;
}

bool Constant::equals(const Constant& other) const {
  if (signature_ != other.signature_ || !same_type(type(), other.type())) return false;
  if (value_.is_array() && other.value_.is_array()) {
    NDArray a = value_.array().ascontiguous();
    NDArray b = other.value_.array().ascontiguous();
    return a.shape() == b.shape() && a.dtype() == b.dtype() &&
           std::memcmp(a.raw_data(), b.raw_data(), a.nbytes()) == 0;
  }
  return value_.opaque_ptr() == other.value_.opaque_ptr();
}

Var Constant::clone() const {
  // Constants are immutable: a clone may share the value.
  auto c = make(type(), value_, name(), tag().loc);
  return c;
}

std::string Constant::str() const {
  if (!name().empty()) return name();
  if (value_.is_array() && value_.array().size() <= 8) {
    std::string s = value_.array().str();
    return s;
  }
  return "Constant{" + value_.summary() + "}";
}

// --- Container / SharedVariable ---------------------------------------------------------

Container::Container(TypePtr type, Value value, std::string name)
    : type_(std::move(type)), name_(std::move(name)), value_(std::move(value)) {}

Value Container::get() const {
  std::lock_guard lock(mutex_);
  return value_;
}

void Container::set(Value value, const FilterOptions& options) {
  Value filtered = type_->filter(value, options);
  std::lock_guard lock(mutex_);
  value_ = std::move(filtered);
}

void Container::set_unchecked(Value value) {
  std::lock_guard lock(mutex_);
  value_ = std::move(value);
}

SharedVariable::SharedVariable(TypePtr type, std::shared_ptr<Container> container, std::string name,
                               SourceLoc loc)
    : Variable(Kind::Shared, std::move(type), std::move(name), std::move(loc)),
      container_(std::move(container)) {}

std::shared_ptr<SharedVariable> SharedVariable::make(TypePtr type, Value value, std::string name,
                                                     SourceLoc loc) {
  Value filtered = type->filter(value);
  auto container = std::make_shared<Container>(type, std::move(filtered), name);
  std::shared_ptr<SharedVariable> v(
      new SharedVariable(std::move(type), std::move(container), std::move(name), std::move(loc)));
  adopt(v);
  return v;
}

Value SharedVariable::get_value(bool borrow) const {
  Value v = container_->get();
  return borrow ? v : v.deep_copy();
}

void SharedVariable::set_value(Value value, bool borrow) {
  Value filtered = type()->filter(value);
  bool aliases = filtered.is_array() && value.is_array() &&
                 filtered.array().may_share_memory(value.array());
  if (!borrow && (aliases || filtered.is_opaque())) filtered = filtered.deep_copy();
  container_->set_unchecked(std::move(filtered));
}

Var SharedVariable::clone() const {
  std::shared_ptr<SharedVariable> v(new SharedVariable(type(), container_, name(), tag().loc));
  adopt(v);
  v->default_update_ = default_update_;
  return v;
}

std::shared_ptr<SharedVariable> shared(Value value, std::string name, bool static_shape,
                                       std::source_location loc) {
  TypePtr type;
  if (value.is_array()) {
    const NDArray& a = value.array();
    StaticShape shape(a.ndim());
    if (static_shape)
      for (int i = 0; i < a.ndim(); ++i) shape[i] = a.dim(i);
    type = TensorType::make(a.dtype(), std::move(shape), a.device());
    value = a.copy();  // the variable owns its storage, like Theano's default
  } else if (value.is_opaque()) {
    type = GenericType::make();
    value = value.deep_copy();
  } else {
    throw ValueError("shared(): needs a value");
  }
  return SharedVariable::make(std::move(type), std::move(value), std::move(name), SourceLoc::from(loc));
}

}  // namespace theano
