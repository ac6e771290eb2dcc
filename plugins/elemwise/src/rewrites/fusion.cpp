// Elemwise and reduction fusion.
#include "fusion.h"

#include <algorithm>
#include <map>
#include <typeinfo>
#include <unordered_set>

#include "../dimshuffle/dimshuffle_op.h"
#include "../elemwise/elemwise_op.h"
#include "../reduce/careduce_op.h"
#include "../scalar/composite.h"
#include "theano/tensor.h"

namespace theano::elemwise {

namespace {

namespace T = theano::tensor;

const ElemwiseOp* plain_elemwise(const Apply* node) {
  const ElemwiseOp* op = as_elemwise(node);
  return op && op->inplace_pattern().empty() ? op : nullptr;
}

// The 0-d constant behind `v` (itself or a DimShuffle of it), if any.
const Constant* scalar_constant(const Var& v) {
  const Variable* p = v.get();
  while (p->owner() && typeid(p->owner()->op()) == typeid(DimShuffleOp))  // a final class
    p = p->owner()->input(0).get();
  if (p->kind() != Variable::Kind::Constant) return nullptr;
  const auto* c = dynamic_cast<const Constant*>(p);
  if (!c || !c->value().is_array() || c->value().array().size() != 1) return nullptr;
  return c;
}

// A value `v` produced for `consumer` is not broadcast by it: every dim of
// static size 1 in v is also of size 1 in the consumer's output.
bool same_extent(const Variable& v, const Variable& out) {
  auto a = as_tensor_type(v.type()), b = as_tensor_type(out.type());
  if (!a || !b || a->ndim() != b->ndim()) return false;
  for (int d = 0; d < a->ndim(); ++d)
    if (a->shape()[d] == 1 && b->shape()[d] != 1) return false;
  return true;
}

// Builds the scalar graph of `nodes` (topological order) whose outer inputs
// are `inputs`, computing the outer variables `outputs`.
std::shared_ptr<const FunctionGraph> scalar_graph(const std::vector<Apply*>& nodes,
                                                  const std::vector<Var>& inputs,
                                                  const std::vector<Variable*>& outputs) {
  std::map<const Variable*, Var> inner;
  std::vector<Var> inner_inputs;
  for (const auto& v : inputs) {
    Var s = Variable::make(ScalarType::make(as_tensor_type(v->type())->dtype()));
    inner[v.get()] = s;
    inner_inputs.push_back(s);
  }
  auto lookup = [&](const Var& v) -> Var {
    if (auto it = inner.find(v.get()); it != inner.end()) return it->second;
    const Constant* c = scalar_constant(v);
    DType d = as_tensor_type(v->type())->dtype();
    Var k = Constant::make(ScalarType::make(d), Value(c->value().array().reshape({})));
    inner[v.get()] = k;
    return k;
  };
  for (Apply* node : nodes) {
    const ElemwiseOp& op = *as_elemwise(node);
    std::vector<Var> args;
    for (const auto& in : node->inputs()) args.push_back(lookup(in));
    std::vector<Var> outs;
    if (const auto* comp = dynamic_cast<const CompositeOp*>(&op.scalar_op())) {
      // Inline a Composite's inner graph instead of nesting it.
      const FunctionGraph& g = *comp->graph();
      std::vector<std::pair<Var, Var>> givens;
      for (std::size_t i = 0; i < g.inputs().size(); ++i)
        givens.emplace_back(g.inputs()[i], args[i]);
      CloneMap m = clone_graph(g.inputs(), g.outputs(), false, givens);
      for (const auto& o : g.outputs()) outs.push_back(m[o.get()]);
    } else {
      outs = op.scalar_op().make_node(args)->outputs();
    }
    for (int k = 0; k < node->nout(); ++k) inner[node->out(k)] = outs[k];
  }
  std::vector<Var> inner_outputs;
  for (Variable* v : outputs) inner_outputs.push_back(inner.at(v));
  // Every inner variable and node was made above for this graph alone, so
  // it needs no clone.
  return std::make_shared<const FunctionGraph>(inner_inputs, inner_outputs, /*clone=*/false);
}

// A group being grown from its root: the members in the order they joined
// and the distinct variables they read from outside (scalar constants
// excluded: they are inlined), kept up to date as members join.
struct Group {
  std::vector<Apply*> order;
  std::unordered_set<const Apply*> members;
  std::unordered_set<const Variable*> outer;

  void add(Apply* node, const Variable* produced) {
    members.insert(node);
    order.push_back(node);
    if (produced) outer.erase(produced);
    for (const auto& in : node->inputs())
      if (!scalar_constant(in)) outer.insert(in.get());
  }
  // How many outer inputs the group would have with `node` (which produces
  // `produced`, an outer input now) as a member.
  std::size_t inputs_with(const Apply& node, const Variable* produced) const {
    std::size_t n = outer.size() - (outer.count(produced) ? 1 : 0);
    // Nodes mostly read a few inputs: a scan of those seen is cheaper than
    // a set, which only wide nodes get.
    constexpr int kScanLimit = 16;
    std::vector<const Variable*> seen;
    std::unordered_set<const Variable*> seen_wide;
    for (const auto& in : node.inputs()) {
      if (scalar_constant(in) || outer.count(in.get())) continue;
      if (node.nin() > kScanLimit) {
        if (!seen_wide.insert(in.get()).second) continue;
      } else {
        if (std::find(seen.begin(), seen.end(), in.get()) != seen.end()) continue;
        seen.push_back(in.get());
      }
      ++n;
    }
    return n;
  }
};

// Wide sums and products (a gradient accumulates thousands of terms, and
// canonicalization flattens chains of adds) become balanced trees of nodes
// reading at most `max_inputs` operands each: the interpreter runs nodes of
// at most 96 operands, and fusion then fuses each part with its producers.
class WideNodeSplitter {
 public:
  WideNodeSplitter(FunctionGraph& fg, int max_inputs) : fg_(fg), max_inputs_(max_inputs) {}

  int run() {
    int changes = 0;
    for (Apply* node : fg_.nodes_with_op("Elemwise")) {
      if (!fg_.contains(node) || node->nin() <= max_inputs_ || node->nout() != 1) continue;
      const ElemwiseOp* op = plain_elemwise(node);
      if (!op) continue;
      std::string name = op->scalar_op().scalar_name();
      if (name != "add" && name != "mul") continue;
      changes += split(node, name);
    }
    return changes;
  }

 private:
  Var combine(const std::string& name, const std::vector<Var>& terms) const {
    std::vector<T::Operand> operands(terms.begin(), terms.end());
    return name == "add" ? Var(T::add(operands)) : Var(T::mul(operands));
  }

  int split(Apply* node, const std::string& name) {
    std::vector<Var> level = node->inputs();
    while (static_cast<int>(level.size()) > max_inputs_) {
      std::vector<Var> next;
      for (std::size_t i = 0; i < level.size(); i += static_cast<std::size_t>(max_inputs_)) {
        std::size_t end = std::min(level.size(), i + static_cast<std::size_t>(max_inputs_));
        std::vector<Var> part(level.begin() + static_cast<std::ptrdiff_t>(i),
                              level.begin() + static_cast<std::ptrdiff_t>(end));
        next.push_back(part.size() == 1 ? part[0] : combine(name, part));
      }
      level.swap(next);
    }
    Var out = combine(name, level);
    if (!same_type(out->type(), node->out(0)->type())) return 0;
    optdb::copy_loc(fg_, {out}, node->loc());
    try {
      fg_.replace_all_validate({{node->output(0), out}}, "elemwise_fusion");
    } catch (const InconsistencyError&) {
      return 0;
    }
    return 1;
  }

  FunctionGraph& fg_;
  int max_inputs_;
};

// At most this many nodes per Composite: a longer chain becomes several
// (one more temporary per cut), which keeps building and printing each
// Composite cheap (its display is made when its node is built).
constexpr std::size_t kMaxFusedNodes = 256;

class Fuser {
 public:
  Fuser(FunctionGraph& fg, int max_inputs) : fg_(fg), max_inputs_(max_inputs) {}

  int run() {
    int changes = 0;
    std::vector<Apply*> order = fg_.toposort();
    std::unordered_set<Apply*> done;
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
      Apply* root = *it;
      if (done.count(root) || !fg_.contains(root) || !plain_elemwise(root) || root->nout() != 1)
        continue;
      Group group = grow(root);
      done.insert(group.order.begin(), group.order.end());
      if (group.order.size() < 2) continue;
      if (fuse(group, root)) ++changes;
    }
    return changes;
  }

 private:
  // The root and every producer whose value only the group reads, while the
  // group reads at most max_inputs_ outer variables and has at most
  // kMaxFusedNodes members. Each member's inputs are
  // examined once, after it joins: a value read by several members becomes
  // private when the last of them joins, and is examined then.
  Group grow(Apply* root) {
    Group g;
    g.add(root, nullptr);
    for (std::size_t k = 0; k < g.order.size(); ++k) {
      Apply* member = g.order[k];
      for (const auto& in : member->inputs()) {
        Apply* p = in->owner();
        if (!p || g.members.count(p) || !plain_elemwise(p) || p->nout() != 1) continue;
        if (!same_extent(*in, *root->out(0))) continue;
        bool private_value = true;
        for (const Client& c : fg_.clients(in.get()))
          private_value = private_value && c.node != nullptr && g.members.count(c.node) > 0;
        if (!private_value) continue;
        if (static_cast<int>(g.inputs_with(*p, in.get())) > max_inputs_) continue;
        if (g.order.size() >= kMaxFusedNodes) return g;
        g.add(p, in.get());
      }
    }
    return g;
  }

  // The members in topological order: a depth-first walk from the root over
  // member producers, inputs in order (the order a whole-graph sort gives
  // them, since only the root has clients outside the group).
  static std::vector<Apply*> members_in_order(const Group& g, Apply* root) {
    std::vector<Apply*> topo;
    std::unordered_set<const Apply*> entered{root};
    std::vector<std::pair<Apply*, int>> stack{{root, 0}};
    while (!stack.empty()) {
      auto& [n, next] = stack.back();
      if (next < n->nin()) {
        Apply* p = n->input(next++)->owner();
        if (p && g.members.count(p) && entered.insert(p).second) stack.push_back({p, 0});
        continue;
      }
      topo.push_back(n);
      stack.pop_back();
    }
    return topo;
  }

  // Outer variables in the order the sorted members first read them.
  static std::vector<Var> outer_inputs(const Group& g, const std::vector<Apply*>& topo) {
    std::vector<Var> out;
    std::unordered_set<const Variable*> seen;
    for (const Apply* n : topo)
      for (const auto& in : n->inputs())
        if (g.outer.count(in.get()) && seen.insert(in.get()).second) out.push_back(in);
    return out;
  }

  bool fuse(const Group& group, Apply* root) {
    std::vector<Apply*> topo = members_in_order(group, root);
    std::vector<Var> inputs = outer_inputs(group, topo);
    if (inputs.empty()) return false;  // all constants: constant folding's job
    auto graph = scalar_graph(topo, inputs, {root->out(0)});
    auto op = std::make_shared<ElemwiseOp>(std::make_shared<CompositeOp>(graph));
    ApplyPtr node = op->make_node(inputs);
    if (!same_type(node->out(0)->type(), root->out(0)->type())) return false;
    node->set_loc(root->loc());
    node->out(0)->tag().loc = root->out(0)->tag().loc;
    try {
      fg_.replace_all_validate({{root->output(0), node->output(0)}}, "elemwise_fusion");
    } catch (const InconsistencyError&) {
      return false;
    }
    return true;
  }

  FunctionGraph& fg_;
  int max_inputs_;
};

}  // namespace

int ElemwiseFusion::apply(FunctionGraph& fg) const {
  int split = WideNodeSplitter(fg, max_inputs_).run();
  return split + Fuser(fg, max_inputs_).run();
}

int ReduceFusion::apply(FunctionGraph& fg) const {
  int changes = 0;
  for (Apply* node : fg.nodes_with_op("CAReduce")) {
    if (!fg.contains(node)) continue;
    const auto& reduce = dynamic_cast<const CAReduceOp&>(node->op());
    if (reduce.spec().pre) continue;
    const Var& value = node->input(0);
    Apply* producer = value->owner();
    if (!plain_elemwise(producer) || producer->nout() != 1) continue;
    const auto& clients = fg.clients(value.get());
    if (clients.size() != 1 || clients[0].node != node) continue;
    std::vector<Var> inputs;
    for (const auto& in : producer->inputs())
      if (std::find(inputs.begin(), inputs.end(), in) == inputs.end()) inputs.push_back(in);
    ReduceSpec spec = reduce.spec();
    spec.pre = scalar_graph({producer}, inputs, {producer->out(0)});
    ApplyPtr fused = std::make_shared<CAReduceOp>(spec)->make_node(inputs);
    if (!same_type(fused->out(0)->type(), node->out(0)->type())) continue;
    fused->set_loc(node->loc());
    fused->out(0)->tag().loc = node->out(0)->tag().loc;
    try {
      fg.replace_all_validate({{node->output(0), fused->output(0)}}, "reduce_fusion");
      ++changes;
    } catch (const InconsistencyError&) {
    }
  }
  return changes;
}

}  // namespace theano::elemwise
