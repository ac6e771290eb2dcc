// FunctionGraph: importing, pruning and rewiring nodes, and notifying features.
#include "theano/core/fgraph.h"

#include <algorithm>
#include <unordered_set>

namespace theano {

namespace {
const std::vector<Client> kNoClients;

// Removes `c` from `list`, keeping the others in order. The search runs from
// both ends at once: the clients removed are mostly the newest (a pruned
// chain releases its inputs newest first) or the oldest (a pass replacing
// nodes in topological order), so a value with 100k clients loses each in
// constant search time.
void erase_client(std::vector<Client>& list, const Client& c) {
  std::size_t lo = 0, hi = list.size();
  while (lo < hi) {
    if (list[hi - 1] == c) {
      list.erase(list.begin() + static_cast<std::ptrdiff_t>(hi - 1));
      return;
    }
    if (list[lo] == c) {
      list.erase(list.begin() + static_cast<std::ptrdiff_t>(lo));
      return;
    }
    --hi;
    ++lo;
  }
}

[[noreturn]] void missing_input(const Variable& v) {
  throw CompileError("missing input: " + v.str() + " of type " + v.type()->str() +
                     " is needed to compute the outputs but is not among the function's inputs" +
                     (v.tag().loc.known() ? " (created at " + v.tag().loc.str() + ")" : ""));
}
}  // namespace

FunctionGraph::FunctionGraph(std::vector<Var> inputs, std::vector<Var> outputs, bool clone) {
  if (clone) {
    clone_map_ = clone_graph(inputs, outputs, /*copy_inputs=*/true);
    for (auto& v : inputs) v = clone_map_[v.get()];
    for (auto& v : outputs) v = clone_map_[v.get()];
  }
  inputs_ = std::move(inputs);
  for (const auto& in : inputs_) {
    if (in->owner())
      throw ValueError("FunctionGraph input " + in->str() + " is computed by a node");
    vars_[in.get()] = in;
    clients_[in.get()];
  }
  for (std::size_t i = 0; i < outputs.size(); ++i) add_output(outputs[i], "init");
}

FunctionGraph::~FunctionGraph() {
  for (auto& f : features_) f->on_detach(*this);
}

std::vector<Apply*> FunctionGraph::apply_nodes() const {
  std::vector<Apply*> out;
  out.reserve(nodes_.size());
  for (Apply* n : node_order_)
    if (nodes_.count(n)) out.push_back(n);
  return out;
}

std::vector<Variable*> FunctionGraph::variables() const {
  std::vector<Variable*> out;
  for (const auto& [v, c] : clients_) out.push_back(const_cast<Variable*>(v));
  std::sort(out.begin(), out.end(), [](Variable* a, Variable* b) { return a->id() < b->id(); });
  return out;
}

const std::vector<Client>& FunctionGraph::clients(const Variable* v) const {
  auto it = clients_.find(v);
  return it == clients_.end() ? kNoClients : it->second;
}

std::vector<Apply*> FunctionGraph::nodes_with_op(const std::string& op_name) const {
  auto it = op_index_.find(op_name);
  if (it == op_index_.end()) return {};
  std::vector<Apply*> out(it->second.begin(), it->second.end());
  std::sort(out.begin(), out.end(), [](Apply* a, Apply* b) { return a->id() < b->id(); });
  return out;
}

void FunctionGraph::add_output(const Var& v, const std::string& reason) {
  import_var(v, reason);
  outputs_.push_back(v);
  clients_[v.get()].push_back(Client{nullptr, static_cast<int>(outputs_.size()) - 1});
  changed();
}

void FunctionGraph::import_var(const Var& v, const std::string& reason) {
  if (v->owner()) {
    if (!nodes_.count(v->owner())) import_node(v->owner()->shared_from_this(), reason);
    return;
  }
  if (vars_.count(v.get())) return;
  if (v->kind() == Variable::Kind::Variable) missing_input(*v);
  vars_[v.get()] = v;
  clients_[v.get()];
}

void FunctionGraph::import_node(const ApplyPtr& root, const std::string& reason) {
  // Import the nodes feeding `root` that are not yet in the graph, inputs
  // first. The walk stops at nodes already present, so a rewrite that adds a
  // few nodes costs time proportional to those nodes only.
  std::vector<ApplyPtr> fresh;
  std::unordered_set<const Apply*> seen{root.get()};
  std::vector<std::pair<Apply*, int>> stack{{root.get(), 0}};
  while (!stack.empty()) {
    auto& [node, next] = stack.back();
    if (next < node->nin()) {
      Apply* owner = node->input(next++)->owner();
      if (owner && !nodes_.count(owner) && seen.insert(owner).second) stack.push_back({owner, 0});
      continue;
    }
    fresh.push_back(node->shared_from_this());
    stack.pop_back();
  }
  for (const auto& node : fresh) {
    nodes_[node.get()] = node;
    node_order_.push_back(node.get());
    op_index_[node->op().name()].insert(node.get());
    for (int k = 0; k < node->nout(); ++k) clients_[node->out(k)];
    for (int i = 0; i < node->nin(); ++i) {
      const Var& in = node->input(i);
      if (!in->owner()) import_var(in, reason);
      clients_[in.get()].push_back(Client{node.get(), i});
    }
    for (auto& f : features_) f->on_import(*this, *node, reason);
  }
  changed();
}

void FunctionGraph::remove_client(const Var& v, Client c, const std::string& reason) {
  auto it = clients_.find(v.get());
  if (it == clients_.end()) return;
  auto& list = it->second;
  erase_client(list, c);
  if (list.empty() && v->owner()) prune_if_unused(v->owner(), reason);
}

void FunctionGraph::prune_if_unused(Apply* root, const std::string& reason) {
  // Without recursion (a pruned chain may be 100k nodes long), and a node's
  // inputs are all released before its producers are: the clients removed
  // from a widely read value are then its newest ones, found at the back.
  std::vector<ApplyPtr> work;  // removed nodes whose inputs are not released yet
  auto remove_node = [&](Apply* node) {
    if (!nodes_.count(node)) return;
    for (int k = 0; k < node->nout(); ++k)
      if (!clients(node->out(k)).empty()) return;
    work.push_back(nodes_[node]);  // alive until its inputs are released
    nodes_.erase(node);
    op_index_[node->op().name()].erase(node);
    for (int k = 0; k < node->nout(); ++k) clients_.erase(node->out(k));
    for (auto& f : features_) f->on_prune(*this, *node, reason);
    changed();
  };
  remove_node(root);
  while (!work.empty()) {
    ApplyPtr node = std::move(work.back());
    work.pop_back();
    for (int i = 0; i < node->nin(); ++i) {
      const Var& in = node->input(i);
      auto it = clients_.find(in.get());
      if (it == clients_.end()) continue;
      auto& list = it->second;
      erase_client(list, Client{node.get(), i});
      if (list.empty() && in->owner()) remove_node(in->owner());
    }
  }
}

void FunctionGraph::change_input(Apply* node, int index, const Var& new_var,
                                 const std::string& reason) {
  Var old_var = node ? node->input(index) : outputs_.at(index);
  if (old_var == new_var) return;
  if (!same_type(old_var->type(), new_var->type())) {
    throw TypeError("cannot replace " + old_var->str() + " of type " + old_var->type()->str() +
                    " by " + new_var->str() + " of type " + new_var->type()->str() +
                    (reason.empty() ? "" : " (rewrite " + reason + ")"));
  }
  if (node && !nodes_.count(node)) {  // a pruned node being restored by a revert
    node->set_input(index, new_var);
    return;
  }
  import_var(new_var, reason);
  clients_[new_var.get()].push_back(Client{node, index});
  if (node)
    node->set_input(index, new_var);
  else
    outputs_[index] = new_var;
  changed();
  for (auto& f : features_) f->on_change_input(*this, node, index, old_var, new_var, reason);
  remove_client(old_var, Client{node, index}, reason);
}

void FunctionGraph::replace(const Var& old_var, const Var& new_var, const std::string& reason) {
  if (old_var == new_var) return;
  if (!same_type(old_var->type(), new_var->type())) {
    throw TypeError("cannot replace " + old_var->str() + " of type " + old_var->type()->str() +
                    " by " + new_var->str() + " of type " + new_var->type()->str() +
                    (reason.empty() ? "" : " (rewrite " + reason + ")"));
  }
  std::vector<Client> users = clients(old_var.get());
  for (const Client& c : users) change_input(c.node, c.index, new_var, reason);
}

void FunctionGraph::replace_all_validate(const std::vector<std::pair<Var, Var>>& pairs,
                                         const std::string& reason) {
  auto* tracker = get_feature<ChangeTracker>();
  if (!tracker) {
    attach_feature(std::make_shared<ChangeTracker>());
    tracker = get_feature<ChangeTracker>();
  }
  std::size_t cp = tracker->checkpoint();
  try {
    for (const auto& [o, n] : pairs) replace(o, n, reason);
    validate();
  } catch (...) {
    tracker->revert(*this, cp);
    throw;
  }
}

void FunctionGraph::validate() const {
  for (const auto& f : features_) f->validate(*this);
}

void FunctionGraph::attach_feature(std::shared_ptr<Feature> feature) {
  for (const auto& f : features_)
    if (f == feature) return;
  features_.push_back(feature);
  feature->on_attach(*this);
}

void FunctionGraph::remove_feature(const Feature* feature) {
  for (auto it = features_.begin(); it != features_.end(); ++it) {
    if (it->get() == feature) {
      auto keep = *it;
      features_.erase(it);
      keep->on_detach(*this);
      return;
    }
  }
}

const std::vector<Apply*>& FunctionGraph::toposort() const {
  if (toposort_valid_) return toposort_;
  std::map<Apply*, std::vector<Apply*>> extra;
  for (const auto& f : features_)
    for (auto& [n, before] : f->orderings(*this))
      extra[n].insert(extra[n].end(), before.begin(), before.end());
  toposort_.clear();
  toposort_.reserve(nodes_.size());
  std::unordered_set<const Apply*> done, entered;
  struct Frame {
    Apply* node;
    std::vector<Apply*> preds;
    std::size_t next;
  };
  auto preds_of = [&](Apply* n) {
    std::vector<Apply*> p;
    for (const auto& in : n->inputs())
      if (in->owner() && nodes_.count(in->owner())) p.push_back(in->owner());
    if (auto it = extra.find(n); it != extra.end())
      p.insert(p.end(), it->second.begin(), it->second.end());
    return p;
  };
  std::vector<Frame> stack;
  auto visit_root = [&](Apply* root) {
    if (done.count(root)) return;
    stack.push_back({root, preds_of(root), 0});
    entered.insert(root);
    while (!stack.empty()) {
      Frame& f = stack.back();
      if (f.next < f.preds.size()) {
        Apply* p = f.preds[f.next++];
        if (done.count(p)) continue;
        if (entered.count(p))
          throw InconsistencyError("the graph's ordering constraints contain a cycle");
        entered.insert(p);
        stack.push_back({p, preds_of(p), 0});
        continue;
      }
      done.insert(f.node);
      toposort_.push_back(f.node);
      stack.pop_back();
    }
  };
  for (const auto& o : outputs_)
    if (o->owner() && nodes_.count(o->owner())) visit_root(o->owner());
  for (Apply* n : node_order_)
    if (nodes_.count(n)) visit_root(n);
  toposort_valid_ = true;
  return toposort_;
}

std::unique_ptr<FunctionGraph> FunctionGraph::clone(CloneMap* map) const {
  CloneMap cm = clone_graph(inputs_, outputs_, /*copy_inputs=*/true);
  std::vector<Var> ins, outs;
  for (const auto& v : inputs_) ins.push_back(cm[v.get()]);
  for (const auto& v : outputs_) outs.push_back(cm[v.get()]);
  auto fg = std::make_unique<FunctionGraph>(std::move(ins), std::move(outs), /*clone=*/false);
  if (map) *map = std::move(cm);
  return fg;
}

void FunctionGraph::check_integrity() const {
  for (const auto& [ptr, node] : nodes_) {
    for (int i = 0; i < node->nin(); ++i) {
      const auto& cl = clients(node->input(i).get());
      if (std::find(cl.begin(), cl.end(), Client{ptr, i}) == cl.end())
        throw Error("integrity: " + node->op().display() + " is not a client of its input " +
                    std::to_string(i));
    }
  }
  for (std::size_t i = 0; i < outputs_.size(); ++i) {
    const auto& cl = clients(outputs_[i].get());
    if (std::find(cl.begin(), cl.end(), Client{nullptr, static_cast<int>(i)}) == cl.end())
      throw Error("integrity: output " + std::to_string(i) + " is missing its client entry");
  }
}

// --- ChangeTracker -----------------------------------------------------------------

void ChangeTracker::on_change_input(FunctionGraph&, Apply* node, int index, const Var& old_var,
                                    const Var& new_var, const std::string&) {
  if (!reverting_) log_.push_back({node, index, old_var, new_var});
}

void ChangeTracker::revert(FunctionGraph& fg, std::size_t checkpoint) {
  reverting_ = true;
  try {
    while (log_.size() > checkpoint) {
      Change c = std::move(log_.back());
      log_.pop_back();
      fg.change_input(c.node, c.index, c.old_var, "revert");
    }
  } catch (...) {
    reverting_ = false;
    throw;
  }
  reverting_ = false;
}

}  // namespace theano
