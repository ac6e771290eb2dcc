// Elemwise and reduction fusion.
#include "fusion.h"

#include <algorithm>
#include <map>
#include <set>

#include "../dimshuffle/dimshuffle_op.h"
#include "../elemwise/elemwise_op.h"
#include "../reduce/careduce_op.h"
#include "../scalar/composite.h"

namespace theano::elemwise {

namespace {

const ElemwiseOp* plain_elemwise(const Apply* node) {
  const ElemwiseOp* op = as_elemwise(node);
  return op && op->inplace_pattern().empty() ? op : nullptr;
}

// The 0-d constant behind `v` (itself or a DimShuffle of it), if any.
const Constant* scalar_constant(const Var& v) {
  const Variable* p = v.get();
  while (p->owner() && dynamic_cast<const DimShuffleOp*>(&p->owner()->op()))
    p = p->owner()->input(0).get();
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
  return std::make_shared<const FunctionGraph>(inner_inputs, inner_outputs, true);
}

class Fuser {
 public:
  Fuser(FunctionGraph& fg, int max_inputs) : fg_(fg), max_inputs_(max_inputs) {}

  int run() {
    int changes = 0;
    std::vector<Apply*> order = fg_.toposort();
    std::set<Apply*> done;
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
      Apply* root = *it;
      if (done.count(root) || !fg_.contains(root) || !plain_elemwise(root) || root->nout() != 1)
        continue;
      std::vector<Apply*> group = grow(root);
      for (Apply* n : group) done.insert(n);
      if (group.size() < 2) continue;
      if (fuse(group, root)) ++changes;
    }
    return changes;
  }

 private:
  // The root and every producer whose value only the group reads.
  std::vector<Apply*> grow(Apply* root) {
    std::set<Apply*> members{root};
    std::vector<Apply*> order{root};
    bool grew = true;
    while (grew) {
      grew = false;
      for (std::size_t k = 0; k < order.size() && !grew; ++k) {
        for (const auto& in : order[k]->inputs()) {
          Apply* p = in->owner();
          if (!p || members.count(p) || !plain_elemwise(p) || p->nout() != 1) continue;
          if (!same_extent(*in, *root->out(0))) continue;
          bool private_value = true;
          for (const Client& c : fg_.clients(in.get()))
            private_value &= c.node != nullptr && members.count(c.node) > 0;
          if (!private_value) continue;
          members.insert(p);
          order.push_back(p);
          if (static_cast<int>(outer_inputs(order).size()) > max_inputs_) {
            members.erase(p);
            order.pop_back();
            continue;
          }
          grew = true;
          break;
        }
      }
    }
    return order;
  }

  // Variables read by the group from outside (scalar constants excluded).
  std::vector<Var> outer_inputs(const std::vector<Apply*>& group) const {
    std::set<const Apply*> members(group.begin(), group.end());
    std::vector<Var> out;
    for (const Apply* n : group) {
      for (const auto& in : n->inputs()) {
        if (in->owner() && members.count(in->owner())) continue;
        if (scalar_constant(in)) continue;  // inlined into the inner graph
        if (std::find(out.begin(), out.end(), in) == out.end()) out.push_back(in);
      }
    }
    return out;
  }

  bool fuse(std::vector<Apply*> group, Apply* root) {
    std::set<const Apply*> members(group.begin(), group.end());
    std::vector<Apply*> topo;
    for (Apply* n : fg_.toposort())
      if (members.count(n)) topo.push_back(n);
    std::vector<Var> inputs = outer_inputs(topo);
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
  return Fuser(fg, max_inputs_).run();
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
