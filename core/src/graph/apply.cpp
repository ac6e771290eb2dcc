// Apply nodes and graph traversal helpers (ancestors, toposort, cloning).
#include <algorithm>
#include <atomic>
#include <unordered_set>

#include "theano/core/graph.h"
#include "theano/core/op.h"

namespace theano {

namespace {
std::atomic<std::uint64_t> next_apply_id{1};
}

Apply::Apply(OpPtr op, std::vector<Var> inputs, SourceLoc loc)
    : op_(std::move(op)), inputs_(std::move(inputs)), loc_(std::move(loc)), id_(next_apply_id++) {}

Apply::~Apply() {
  // Each input may hold the last reference to its producer, whose destructor
  // would release its own inputs, and so on down the graph. Park released
  // inputs instead, and let only the outermost destructor free them, one by
  // one. The parking is never freed, so graphs held by statics can still be
  // destroyed at exit, after thread-local objects are gone.
  struct Parking {
    std::vector<Var> vars;
    bool draining = false;
  };
  thread_local Parking* parking = nullptr;
  if (!parking) parking = new Parking;
  for (auto& in : inputs_) parking->vars.push_back(std::move(in));
  if (parking->draining) return;
  parking->draining = true;
  while (!parking->vars.empty()) {
    Var v = std::move(parking->vars.back());
    parking->vars.pop_back();
    v.reset();  // may run the producer's ~Apply, which parks its inputs
  }
  parking->draining = false;
}

ApplyPtr Apply::make(OpPtr op, std::vector<Var> inputs, std::vector<TypePtr> output_types, SourceLoc loc) {
  if (!op) throw ValueError("Apply::make: null op");
  for (std::size_t i = 0; i < inputs.size(); ++i)
    if (!inputs[i]) throw ValueError(op->display() + ": input " + std::to_string(i) + " is null");
  ApplyPtr node(new Apply(std::move(op), std::move(inputs), loc));
  node->outputs_.reserve(output_types.size());
  for (std::size_t i = 0; i < output_types.size(); ++i) {
    std::unique_ptr<Variable> out(new Variable(Variable::Kind::Variable, std::move(output_types[i]), {}, loc));
    out->owner_ = node.get();
    out->index_ = static_cast<int>(i);
    node->outputs_.push_back(std::move(out));
  }
  return node;
}

Var Apply::output(int i) const {
  auto self = std::const_pointer_cast<Apply>(shared_from_this());
  return Var(self, outputs_.at(i).get());
}

std::vector<Var> Apply::outputs() const {
  std::vector<Var> out;
  out.reserve(outputs_.size());
  for (int i = 0; i < nout(); ++i) out.push_back(output(i));
  return out;
}

ApplyPtr Apply::clone_with_new_inputs(std::vector<Var> inputs, bool strict) const {
  if (inputs.size() != inputs_.size()) {
    throw ValueError(op_->display() + ": clone_with_new_inputs got " + std::to_string(inputs.size()) +
                     " inputs, expected " + std::to_string(inputs_.size()));
  }
  bool same = true;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    if (same_type(inputs[i]->type(), inputs_[i]->type())) continue;
    if (strict) {
      throw TypeError(op_->display() + ": replacement for input " + std::to_string(i) + " has type " +
                      inputs[i]->type()->str() + ", expected " + inputs_[i]->type()->str());
    }
    same = false;
  }
  ApplyPtr node;
  if (same) {
    std::vector<TypePtr> types;
    for (const auto& o : outputs_) types.push_back(o->type());
    node = make(op_, std::move(inputs), std::move(types), loc_);
  } else {
    node = op_->make_node(std::move(inputs));
    node->loc_ = loc_;
  }
  for (int i = 0; i < nout() && i < node->nout(); ++i) {
    node->outputs_[i]->set_name(outputs_[i]->name());
    node->outputs_[i]->tag() = outputs_[i]->tag();
  }
  return node;
}

std::vector<Variable*> ancestors(const std::vector<Var>& outputs, const std::vector<Variable*>& blockers) {
  std::unordered_set<const Variable*> seen(blockers.begin(), blockers.end());
  std::vector<Variable*> out, stack;
  for (const auto& o : outputs) stack.push_back(o.get());
  while (!stack.empty()) {
    Variable* v = stack.back();
    stack.pop_back();
    if (!seen.insert(v).second) continue;
    out.push_back(v);
    if (v->owner())
      for (const auto& in : v->owner()->inputs()) stack.push_back(in.get());
  }
  for (Variable* b : blockers) {
    for (const auto& o : outputs)
      if (o.get() == b) out.push_back(b);
  }
  return out;
}

std::vector<Var> graph_inputs(const std::vector<Var>& outputs) {
  std::vector<Var> roots;
  for (Variable* v : ancestors(outputs))
    if (!v->owner()) roots.push_back(v->self());
  return roots;
}

namespace {
// Iterative post-order DFS: deterministic (inputs visited left to right).
std::vector<ApplyPtr> toposort_from(const std::vector<Var>& outputs,
                                    const std::unordered_set<const Variable*>& stop) {
  std::vector<ApplyPtr> order;
  // A node is entered once; in a DAG it is finished before any later visit
  // reaches it again, so one set serves as both marks.
  std::unordered_set<const Apply*> entered;
  struct Frame {
    Apply* node;
    int next;
  };
  std::vector<Frame> stack;
  auto push = [&](const Var& v) {
    Apply* n = v->owner();
    if (!n || stop.count(v.get()) || !entered.insert(n).second) return;
    stack.push_back({n, 0});
  };
  for (const auto& o : outputs) {
    push(o);
    while (!stack.empty()) {
      Frame& f = stack.back();
      if (f.next < f.node->nin()) {
        push(f.node->input(f.next++));
        continue;
      }
      order.push_back(f.node->shared_from_this());
      stack.pop_back();
    }
  }
  return order;
}
}  // namespace

std::vector<ApplyPtr> io_toposort(const std::vector<Var>& inputs, const std::vector<Var>& outputs) {
  std::unordered_set<const Variable*> stop;
  for (const auto& i : inputs) stop.insert(i.get());
  return toposort_from(outputs, stop);
}

Var CloneMap::operator[](const Variable* v) const {
  Var r = find(v);
  if (!r) throw ValueError("variable " + v->str() + " is not part of the cloned graph");
  return r;
}

Var CloneMap::find(const Variable* v) const {
  auto it = map.find(v);
  return it == map.end() ? nullptr : it->second;
}

CloneMap clone_graph(const std::vector<Var>& inputs, const std::vector<Var>& outputs, bool copy_inputs,
                     const std::vector<std::pair<Var, Var>>& replace, bool strict) {
  CloneMap cm;
  std::unordered_set<const Variable*> stop;
  for (const auto& [from, to] : replace) {
    if (strict && !same_type(from->type(), to->type())) {
      throw TypeError("givens: replacement for " + from->str() + " has type " + to->type()->str() +
                      ", expected " + from->type()->str());
    }
    stop.insert(from.get());
  }
  for (const auto& in : inputs) {
    if (!stop.count(in.get())) cm.map[in.get()] = copy_inputs ? in->clone() : in;
    stop.insert(in.get());
  }
  // Replacement expressions are themselves cloned (they may reference inputs).
  std::vector<Var> roots = outputs;
  for (const auto& [from, to] : replace) roots.push_back(to);
  std::unordered_set<const Variable*> inner_stop;
  for (const auto& in : inputs) inner_stop.insert(in.get());
  auto map_var = [&](const Var& v) -> Var {
    if (auto r = cm.find(v.get())) return r;
    return v;  // constants, shared variables, free variables: kept as they are
  };
  auto clone_nodes = [&](const std::vector<Var>& outs,
                         const std::unordered_set<const Variable*>& s) {
    std::vector<ApplyPtr> order = toposort_from(outs, s);
    cm.map.reserve(cm.map.size() + 2 * order.size());
    for (const auto& node : order) {
      if (cm.find(node->out(0))) continue;
      std::vector<Var> ins;
      for (const auto& i : node->inputs()) ins.push_back(map_var(i));
      ApplyPtr copy = node->clone_with_new_inputs(std::move(ins), strict);
      for (int k = 0; k < node->nout(); ++k) cm.map[node->out(k)] = copy->output(k);
    }
  };
  std::vector<Var> repl_exprs;
  for (const auto& [from, to] : replace) repl_exprs.push_back(to);
  clone_nodes(repl_exprs, inner_stop);
  for (const auto& [from, to] : replace) cm.map[from.get()] = map_var(to);
  clone_nodes(outputs, stop);
  for (const auto& o : outputs)
    if (!cm.find(o.get())) cm.map[o.get()] = map_var(o);
  return cm;
}

}  // namespace theano
