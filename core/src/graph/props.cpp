// PropValue and Props: equality, hashing and compact printing of op attributes.
#include "theano/core/props.h"

#include <sstream>

#include "theano/core/errors.h"

namespace theano {

PropValue PropValue::ints(const std::vector<std::int64_t>& values) {
  PropList list;
  list.reserve(values.size());
  for (auto v : values) list.emplace_back(v);
  return PropValue(std::move(list));
}

std::vector<std::int64_t> PropValue::as_ints() const {
  const auto* list = std::get_if<PropList>(&v_);
  if (!list) throw TypeError("prop holds a " + kind_name() + ", not a list of integers");
  std::vector<std::int64_t> out;
  out.reserve(list->size());
  for (const auto& item : *list) out.push_back(item.as<std::int64_t>());
  return out;
}

std::string PropValue::kind_name() const {
  static const char* names[] = {"none", "bool", "int", "float", "string", "dtype", "type", "list", "graph"};
  return names[v_.index()];
}

std::string PropValue::str() const {
  struct Printer {
    std::string operator()(std::monostate) const { return "None"; }
    std::string operator()(bool b) const { return b ? "True" : "False"; }
    std::string operator()(std::int64_t i) const { return std::to_string(i); }
    std::string operator()(double d) const {
      std::ostringstream os;
      os.precision(17);
      os << d;
      return os.str();
    }
    std::string operator()(const std::string& s) const { return s; }
    std::string operator()(DType d) const { return std::string(dtype_name(d)); }
    std::string operator()(const TypePtr& t) const { return t ? t->str() : "None"; }
    std::string operator()(const PropList& l) const {
      std::string s = "(";
      for (std::size_t i = 0; i < l.size(); ++i) s += (i ? ", " : "") + l[i].str();
      if (l.size() == 1) s += ",";
      return s + ")";
    }
    std::string operator()(const std::shared_ptr<const FunctionGraph>&) const { return "<graph>"; }
  };
  return std::visit(Printer{}, v_);
}

bool operator==(const PropValue& a, const PropValue& b) {
  if (a.v_.index() != b.v_.index()) return false;
  if (const auto* ta = std::get_if<TypePtr>(&a.v_)) return same_type(*ta, std::get<TypePtr>(b.v_));
  if (const auto* ga = std::get_if<std::shared_ptr<const FunctionGraph>>(&a.v_)) {
    const auto& gb = std::get<std::shared_ptr<const FunctionGraph>>(b.v_);
    if (*ga == gb) return true;
    return *ga && gb && inner_graphs_equal(**ga, *gb);
  }
  return a.v_ == b.v_;
}

std::size_t PropValue::hash() const {
  std::size_t h = v_.index() * 0x9e3779b97f4a7c15ull;
  if (const auto* l = std::get_if<PropList>(&v_)) {
    for (const auto& item : *l) h = h * 31 + item.hash();
    return h;
  }
  if (const auto* t = std::get_if<TypePtr>(&v_)) return h ^ (*t ? (*t)->hash() : 0);
  if (const auto* g = std::get_if<std::shared_ptr<const FunctionGraph>>(&v_))
    return h ^ (*g ? inner_graph_hash(**g) : 0);
  return h ^ std::hash<std::string>()(str());
}

Props& Props::set(std::string name, PropValue value) {
  for (auto& [k, v] : items_) {
    if (k == name) {
      v = std::move(value);
      return *this;
    }
  }
  items_.emplace_back(std::move(name), std::move(value));
  return *this;
}

bool Props::contains(std::string_view name) const {
  for (const auto& [k, v] : items_)
    if (k == name) return true;
  return false;
}

const PropValue& Props::get(std::string_view name) const {
  for (const auto& [k, v] : items_)
    if (k == name) return v;
  throw ValueError("missing prop '" + std::string(name) + "' (props given: " + str() + ")");
}

std::size_t Props::hash() const {
  std::size_t h = items_.size();
  for (const auto& [k, v] : items_) h = h * 1000003 ^ (std::hash<std::string>()(k) + v.hash());
  return h;
}

std::string Props::str() const {
  std::string s;
  for (std::size_t i = 0; i < items_.size(); ++i)
    s += (i ? "," : "") + items_[i].first + "=" + items_[i].second.str();
  return s;
}

}  // namespace theano
