// FunctionGraph: importing, pruning and rewiring nodes, and notifying features.
#include "theano/core/fgraph.h"

#include <algorithm>
#include <optional>
#include <unordered_set>

namespace theano {

namespace {
const std::vector<Client> kNoClients;

// Where the last removals from a few client lists happened (per thread;
// keyed by the list's address and only a place to start looking, checked
// before use). Passes that walk a chain backwards (fusion) remove each reader
// of a widely read value just before the readers they appended, so the next
// removal sits beside the previous one, deep inside a long list.
struct EraseHint {
  const std::vector<Client>* list = nullptr;
  std::size_t pos = 0;
};
constexpr std::size_t kHints = 8;
constexpr std::size_t kHintWindow = 64;
thread_local EraseHint erase_hints[kHints];
thread_local std::size_t next_erase_hint = 0;

void remember_erase(const std::vector<Client>& list, std::size_t pos, EraseHint* hint) {
  if (!hint) {
    hint = &erase_hints[next_erase_hint];
    next_erase_hint = (next_erase_hint + 1) % kHints;
  }
  *hint = EraseHint{&list, pos};
}

// The position of `c` within kHintWindow of the list's last removal, if any.
std::optional<std::size_t> near_hint(const std::vector<Client>& list, const Client& c,
                                     EraseHint*& hint) {
  if (list.size() <= kHintWindow) return std::nullopt;
  for (EraseHint& h : erase_hints)
    if (h.list == &list) hint = &h;
  if (!hint) return std::nullopt;
  std::size_t at = std::min(hint->pos, list.size() - 1);
  for (std::size_t d = 0; d <= kHintWindow; ++d) {
    if (at >= d && list[at - d] == c) return at - d;
    if (at + d < list.size() && list[at + d] == c) return at + d;
  }
  return std::nullopt;
}

// Removes `c` from `list`; the last client moves into its place, so clients
// are in no particular order and a removal never shifts the list (values
// such as a model's input are read by 100k nodes). The search starts beside
// the list's last removal, then runs from both ends at once: the clients
// removed are otherwise mostly the newest (a pruned chain releases its
// inputs newest first) or the oldest (a pass replacing nodes in
// topological order).
void erase_client(std::vector<Client>& list, const Client& c) {
  EraseHint* hint = nullptr;
  std::optional<std::size_t> pos = near_hint(list, c, hint);
  for (std::size_t lo = 0, hi = list.size(); !pos && lo < hi; --hi, ++lo) {
    if (list[hi - 1] == c)
      pos = hi - 1;
    else if (list[lo] == c)
      pos = lo;
  }
  if (!pos) return;
  list[*pos] = list.back();
  list.pop_back();
  // Only long lists get a hint: short ones are searched quickly anyway, and
  // would evict the hints of the few long ones.
  if (list.size() > kHintWindow) remember_erase(list, *pos, hint);
}

// Drops the insertion-order entries of pruned nodes once they are the
// majority, so walks over the order stay proportional to the graph. Entries
// of nodes in the graph keep their relative order (a pointer that came back
// keeps both its entries), so apply_nodes() and toposort() are unchanged.
template <class NodeMap>
void compact_node_order(std::vector<Apply*>& order, const NodeMap& nodes) {
  if (order.size() <= 2 * nodes.size() + 1024) return;
  std::erase_if(order, [&nodes](Apply* n) { return !nodes.count(n); });
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
    nodes_[node.get()] = NodeEntry{node};
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
    work.push_back(nodes_[node].node);  // alive until its inputs are released
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
  compact_node_order(node_order_, nodes_);
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
  // A depth-first walk from the outputs, then from the nodes in insertion
  // order; a node's predecessors are its inputs' producers, then its extra
  // orderings. Visit marks live in the node entries (one hash lookup per
  // edge, no allocation per node): `entered` while on the stack, `done`
  // once sorted; older marks count as unvisited.
  toposort_epoch_ += 2;
  const std::uint64_t entered = toposort_epoch_, done = toposort_epoch_ + 1;
  struct Frame {
    const NodeEntry* entry;
    const std::vector<Apply*>* extra;
    std::size_t next;
  };
  auto extra_of = [&](Apply* n) -> const std::vector<Apply*>* {
    if (extra.empty()) return nullptr;
    auto it = extra.find(n);
    return it == extra.end() ? nullptr : &it->second;
  };
  // The frame's next predecessor in the graph, or nullptr when none is left.
  auto next_pred = [&](Frame& f) -> const NodeEntry* {
    Apply* node = f.entry->node.get();
    const auto nin = static_cast<std::size_t>(node->nin());
    while (f.next < nin) {
      Apply* owner = node->input(static_cast<int>(f.next++))->owner();
      if (!owner) continue;
      if (auto it = nodes_.find(owner); it != nodes_.end()) return &it->second;
    }
    while (f.extra && f.next - nin < f.extra->size()) {
      Apply* p = (*f.extra)[f.next++ - nin];
      if (auto it = nodes_.find(p); it != nodes_.end()) return &it->second;
    }
    return nullptr;
  };
  std::vector<Frame> stack;
  auto visit_root = [&](const NodeEntry& root) {
    if (root.mark == done) return;
    root.mark = entered;
    stack.push_back({&root, extra_of(root.node.get()), 0});
    while (!stack.empty()) {
      if (const NodeEntry* p = next_pred(stack.back())) {
        if (p->mark == done) continue;
        if (p->mark == entered)
          throw InconsistencyError("the graph's ordering constraints contain a cycle");
        p->mark = entered;
        stack.push_back({p, extra_of(p->node.get()), 0});
        continue;
      }
      const NodeEntry* finished = stack.back().entry;
      finished->mark = done;
      toposort_.push_back(finished->node.get());
      stack.pop_back();
    }
  };
  for (const auto& o : outputs_)
    if (o->owner())
      if (auto it = nodes_.find(o->owner()); it != nodes_.end()) visit_root(it->second);
  for (Apply* n : node_order_)
    if (auto it = nodes_.find(n); it != nodes_.end()) visit_root(it->second);
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
  for (const auto& [ptr, entry] : nodes_) {
    const ApplyPtr& node = entry.node;
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
