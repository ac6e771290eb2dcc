// Reflected op attributes: the basis of op equality, hashing, printing and
// serialisation.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "theano/core/dtype.h"
#include "theano/core/type.h"

namespace theano {

class FunctionGraph;
class PropValue;
using PropList = std::vector<PropValue>;

/// One attribute value: a number, string, bool, dtype, type, list or an
/// inner graph (Composite, Scan and OpFromGraph hold one).
class PropValue {
 public:
  using Storage = std::variant<std::monostate, bool, std::int64_t, double, std::string, DType,
                               TypePtr, PropList, std::shared_ptr<const FunctionGraph>>;
  PropValue() = default;
  PropValue(bool v) : v_(v) {}                                     // NOLINT
  PropValue(int v) : v_(static_cast<std::int64_t>(v)) {}           // NOLINT
  PropValue(std::int64_t v) : v_(v) {}                             // NOLINT
  PropValue(double v) : v_(v) {}                                   // NOLINT
  PropValue(const char* v) : v_(std::string(v)) {}                 // NOLINT
  PropValue(std::string v) : v_(std::move(v)) {}                   // NOLINT
  PropValue(DType v) : v_(v) {}                                    // NOLINT
  PropValue(TypePtr v) : v_(std::move(v)) {}                       // NOLINT
  PropValue(PropList v) : v_(std::move(v)) {}                      // NOLINT
  PropValue(std::shared_ptr<const FunctionGraph> v) : v_(std::move(v)) {}  // NOLINT
  /// A list of integers (axes, permutations, ...).
  static PropValue ints(const std::vector<std::int64_t>& values);

  const Storage& storage() const { return v_; }
  template <class T>
  bool is() const { return std::holds_alternative<T>(v_); }
  /// The held T; throws TypeError naming both kinds when it holds another.
  template <class T>
  const T& as() const;
  /// Integer list view; throws TypeError if not a list of integers.
  std::vector<std::int64_t> as_ints() const;
  /// "bool", "int", "float", "string", "dtype", "type", "list", "graph" or "none".
  std::string kind_name() const;
  /// Compact rendering used in op names: 3, 0.5, float32, (0, 1), ...
  std::string str() const;

  friend bool operator==(const PropValue& a, const PropValue& b);
  std::size_t hash() const;

 private:
  Storage v_;
};

/// An ordered name -> value map. Order is the op's declaration order and is
/// used for printing; equality ignores nothing.
class Props {
 public:
  Props() = default;
  Props(std::initializer_list<std::pair<std::string, PropValue>> items) : items_(items) {}

  Props& set(std::string name, PropValue value);
  bool contains(std::string_view name) const;
  /// The value of `name`; throws ValueError naming the missing prop.
  const PropValue& get(std::string_view name) const;
  template <class T>
  const T& get_as(std::string_view name) const { return get(name).template as<T>(); }
  const std::vector<std::pair<std::string, PropValue>>& items() const { return items_; }
  bool empty() const { return items_.empty(); }

  friend bool operator==(const Props& a, const Props& b) { return a.items_ == b.items_; }
  std::size_t hash() const;
  /// "axis=1,keepdims=true".
  std::string str() const;

 private:
  std::vector<std::pair<std::string, PropValue>> items_;
};

/// Structural equality of two inner graphs (same ops, props, wiring, types,
/// constants); used by PropValue equality. Defined with FunctionGraph.
bool inner_graphs_equal(const FunctionGraph& a, const FunctionGraph& b);
std::size_t inner_graph_hash(const FunctionGraph& g);

template <class T>
const T& PropValue::as() const {
  if (const T* p = std::get_if<T>(&v_)) return *p;
  throw TypeError("prop holds a " + kind_name() + ", not the requested kind");
}

}  // namespace theano
