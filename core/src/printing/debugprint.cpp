// debugprint in Theano's layout, node_str and a simple pprint.
#include <functional>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include "theano/core/fgraph.h"
#include "theano/core/function.h"
#include "theano/core/printing.h"

namespace theano {

namespace {

std::string char_id(std::size_t n) {  // 0 -> A, 25 -> Z, 26 -> BA (Theano's scheme)
  std::string s;
  do {
    s.insert(s.begin(), static_cast<char>('A' + n % 26));
    n /= 26;
  } while (n);
  return s;
}

std::string iomap_str(const IOMap& m) {
  std::string s = "{";
  for (std::size_t i = 0; i < m.size(); ++i) {
    s += (i ? ", " : "") + std::to_string(m[i].first) + ": [";
    for (std::size_t j = 0; j < m[i].second.size(); ++j) s += (j ? ", " : "") + std::to_string(m[i].second[j]);
    s += "]";
  }
  return s + "}";
}

class Printer {
 public:
  Printer(const DebugPrintOptions& o, const std::unordered_map<const Apply*, int>* order)
      : opt_(o), order_(order) {}

  void print(const Variable* v, const std::string& prefix, const std::string& child_prefix, int depth) {
    if (opt_.depth >= 0 && depth > opt_.depth) return;
    os_ << prefix << label(v);
    const Apply* node = v->owner();
    if (!node) {
      os_ << "\n";
      return;
    }
    bool first_time = expanded_.insert(node).second;
    os_ << " '" << v->name() << "'";
    if (opt_.print_destroy_map && !node->op().destroy_map().empty()) os_ << " d=" << iomap_str(node->op().destroy_map());
    if (opt_.print_view_map && !node->op().view_map().empty()) os_ << " v=" << iomap_str(node->op().view_map());
    if (order_) {
      auto it = order_->find(node);
      if (it != order_->end()) os_ << "   " << it->second;
    }
    os_ << "\n";
    if (!first_time || (opt_.stop_on_name && !v->name().empty() && depth > 0)) return;
    for (int i = 0; i < node->nin(); ++i) {
      bool last = i + 1 == node->nin();
      print(node->input(i).get(), child_prefix + " |", child_prefix + (last ? "  " : " |"), depth + 1);
    }
  }

  std::string str() const { return os_.str(); }

 private:
  std::string id_of(const void* key) {
    if (opt_.ids.empty()) return "";
    auto [it, fresh] = ids_.emplace(key, ids_.size());
    std::string id = opt_.ids == "int" ? std::to_string(it->second) : char_id(it->second);
    return " [id " + id + "]";
  }

  std::string label(const Variable* v) {
    std::string s;
    if (const Apply* node = v->owner()) {
      s = node->op().display();
      if (node->nout() > 1) s += "." + std::to_string(v->index());
      s += id_of(node->nout() > 1 ? static_cast<const void*>(v) : node);
    } else if (auto* c = dynamic_cast<const Constant*>(v)) {
      std::string kind = c->type()->kind() == "tensor" ? "TensorConstant" : "Constant";
      std::string body = c->value().is_array() && c->value().array().size() <= 8 ? c->value().array().str()
                                                                              : c->value().summary();
      s = c->name().empty() ? kind + "{" + body + "}" : c->name();
      s += id_of(v);
    } else {
      s = v->name().empty() ? "<" + v->type()->str() + ">" : v->name();
      s += id_of(v);
    }
    if (opt_.print_type) s += " <" + v->type()->str() + ">";
    return s;
  }

  const DebugPrintOptions& opt_;
  const std::unordered_map<const Apply*, int>* order_;
  std::unordered_map<const void*, std::size_t> ids_;
  std::unordered_map<const Apply*, bool> unused_;
  std::unordered_set<const Apply*> expanded_;
  std::ostringstream os_;
};

}  // namespace

std::string debugprint(const std::vector<Var>& outputs, const DebugPrintOptions& options) {
  Printer p(options, nullptr);
  for (const auto& o : outputs) p.print(o.get(), "", "", 0);
  return p.str();
}

std::string debugprint(const Var& output, const DebugPrintOptions& options) {
  return debugprint(std::vector<Var>{output}, options);
}

std::string debugprint(const FunctionGraph& fg, const DebugPrintOptions& options) {
  std::unordered_map<const Apply*, int> order;
  const auto& topo = fg.toposort();
  for (std::size_t i = 0; i < topo.size(); ++i) order[topo[i]] = static_cast<int>(i);
  Printer p(options, &order);
  for (const auto& o : fg.outputs()) p.print(o.get(), "", "", 0);
  return p.str();
}

std::string debugprint(const Function& f, const DebugPrintOptions& options) {
  return debugprint(f.fgraph(), options);
}

std::string node_str(const Apply& node) {
  std::string s = node.op().display() + "(";
  for (int i = 0; i < node.nin(); ++i) s += (i ? ", " : "") + node.input(i)->str();
  return s + ")";
}

std::string pprint(const Var& v) {
  std::function<std::string(const Variable*)> go = [&](const Variable* x) -> std::string {
    if (!x->owner() || !x->name().empty()) return x->str();
    const Apply& n = *x->owner();
    std::string s = n.op().display() + "(";
    for (int i = 0; i < n.nin(); ++i) s += (i ? ", " : "") + go(n.input(i).get());
    s += ")";
    if (n.nout() > 1) s += "[" + std::to_string(x->index()) + "]";
    return s;
  };
  return go(v.get());
}

}  // namespace theano
