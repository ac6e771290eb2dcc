// Structural equality and hashing of inner graphs (Composite, Scan props).
#include <unordered_map>

#include "theano/core/fgraph.h"
#include "theano/core/props.h"

namespace theano {

namespace {

// Walks both graphs in toposort order, pairing variables as it goes.
class Matcher {
 public:
  bool match(const FunctionGraph& a, const FunctionGraph& b) {
    if (a.inputs().size() != b.inputs().size() || a.outputs().size() != b.outputs().size())
      return false;
    const auto& ta = a.toposort();
    const auto& tb = b.toposort();
    if (ta.size() != tb.size()) return false;
    for (std::size_t i = 0; i < a.inputs().size(); ++i)
      if (!pair(a.inputs()[i].get(), b.inputs()[i].get())) return false;
    for (std::size_t n = 0; n < ta.size(); ++n) {
      const Apply& x = *ta[n];
      const Apply& y = *tb[n];
      if (x.nin() != y.nin() || x.nout() != y.nout() || !x.op().equals(y.op())) return false;
      for (int i = 0; i < x.nin(); ++i)
        if (!pair(x.input(i).get(), y.input(i).get())) return false;
      for (int k = 0; k < x.nout(); ++k)
        if (!pair(x.out(k), y.out(k))) return false;
    }
    for (std::size_t i = 0; i < a.outputs().size(); ++i)
      if (!pair(a.outputs()[i].get(), b.outputs()[i].get())) return false;
    return true;
  }

 private:
  bool pair(const Variable* x, const Variable* y) {
    auto it = map_.find(x);
    if (it != map_.end()) return it->second == y;
    if (!same_type(x->type(), y->type()) || x->kind() != y->kind()) return false;
    auto* cx = dynamic_cast<const Constant*>(x);
    auto* cy = dynamic_cast<const Constant*>(y);
    if (cx && !cx->equals(*cy)) return false;
    if (x->kind() == Variable::Kind::Shared && x != y) return false;
    map_[x] = y;
    return true;
  }
  std::unordered_map<const Variable*, const Variable*> map_;
};

}  // namespace

bool inner_graphs_equal(const FunctionGraph& a, const FunctionGraph& b) {
  return &a == &b || Matcher().match(a, b);
}

std::size_t inner_graph_hash(const FunctionGraph& g) {
  std::size_t h = g.inputs().size() * 131 + g.outputs().size();
  // Constant inputs count too (by content signature, as equal constants have
  // equal signatures): Composites fused from one pattern differ only there.
  for (const Apply* node : g.toposort()) {
    h = h * 1000003 ^ node->op().hash();
    for (const auto& in : node->inputs())
      if (const auto* c = dynamic_cast<const Constant*>(in.get())) h = h * 31 ^ c->signature();
  }
  for (const auto& in : g.inputs()) h = h * 31 ^ in->type()->hash();
  return h;
}

}  // namespace theano
