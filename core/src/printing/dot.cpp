// Graphviz output of a graph, in the spirit of Theano's pydotprint: one box
// per node, one ellipse per variable, edges in data-flow direction. Labels
// are escaped for dot's quoted strings.
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include "theano/core/op.h"
#include "theano/core/printing.h"

namespace theano {

namespace {

std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c == '\n' ? ' ' : c;
  }
  return out + "\"";
}

class DotWriter {
 public:
  std::string run(const std::vector<Var>& outputs) {
    os_ << "digraph theano {\n  rankdir=TB;\n  node [fontname=\"Helvetica\", fontsize=10];\n";
    for (const Var& o : outputs) outputs_.insert(o.get());
    for (const Var& o : outputs) visit_var(o);
    os_ << "}\n";
    return os_.str();
  }

 private:
  std::string id(const void* p) {
    auto [it, fresh] = ids_.try_emplace(p, "n" + std::to_string(ids_.size()));
    return it->second;
  }

  void visit_var(const Var& v) {
    if (!seen_.insert(v.get()).second) return;
    std::string fill = outputs_.count(v.get())                 ? "#f4a6a6"
                       : v->owner()                            ? "white"
                       : v->kind() == Variable::Kind::Constant ? "#dddddd"
                       : v->kind() == Variable::Kind::Shared   ? "#a6c8f4"
                                                               : "#b6e3a8";
    std::string label = (v->name().empty() ? std::string() : v->name() + "\n") + v->type()->str();
    os_ << "  " << id(v.get()) << " [shape=ellipse, style=filled, fillcolor=\"" << fill
        << "\", label=" << quoted(label) << "];\n";
    if (const Apply* n = v->owner()) {
      visit_node(*n);
      os_ << "  " << id(n) << " -> " << id(v.get());
      if (n->nout() > 1) os_ << " [label=\"out " << v->index() << "\"]";
      os_ << ";\n";
    }
  }

  void visit_node(const Apply& n) {
    if (!seen_.insert(&n).second) return;
    os_ << "  " << id(&n)
        << " [shape=box, style=filled, fillcolor=\"#fff2b3\", label=" << quoted(n.op().display())
        << "];\n";
    for (int i = 0; i < n.nin(); ++i) {
      const Var& in = n.input(i);
      visit_var(in);
      os_ << "  " << id(in.get()) << " -> " << id(&n);
      if (n.nin() > 1) os_ << " [label=\"" << i << "\"]";
      os_ << ";\n";
    }
  }

  std::ostringstream os_;
  std::unordered_map<const void*, std::string> ids_;
  std::unordered_set<const void*> seen_;
  std::unordered_set<const Variable*> outputs_;
};

}  // namespace

std::string graphviz_dot(const std::vector<Var>& outputs) {
  return DotWriter().run(outputs);
}

}  // namespace theano
