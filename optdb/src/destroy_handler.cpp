// DestroyHandler: tracking destroyers, checking them, ordering their readers.
#include "theano/optdb/destroy_handler.h"

#include <algorithm>
#include <deque>
#include <unordered_map>

#include "theano/core/errors.h"
#include "theano/core/printing.h"
#include "theano/optdb/session.h"

namespace theano::optdb {

namespace {

std::string describe_root(const Variable& r) {
  switch (r.kind()) {
    case Variable::Kind::Constant:
      return "the constant " + r.str();
    case Variable::Kind::Shared:
      return "the shared variable " + r.str() + " (which has no update in this function)";
    case Variable::Kind::Variable:
      break;
  }
  return "the function input " + r.str() + " (not declared mutable)";
}

// A counter per node: in a vector indexed by id when the graph's ids are
// dense enough (they are after cloning), else in a hash map.
class NodeCounters {
 public:
  explicit NodeCounters(const std::vector<Apply*>& nodes) {
    if (nodes.empty()) return;
    auto [lo, hi] = std::minmax_element(nodes.begin(), nodes.end(),
                                        [](Apply* a, Apply* b) { return a->id() < b->id(); });
    lo_ = (*lo)->id();
    std::uint64_t span = (*hi)->id() - lo_ + 1;
    dense_ = span <= 4 * nodes.size() + 1024;
    if (dense_)
      values_.assign(span, 0);
    else
      map_.reserve(nodes.size());
  }
  int& operator[](const Apply* n) { return dense_ ? values_[n->id() - lo_] : map_[n]; }

 private:
  bool dense_ = false;
  std::uint64_t lo_ = 0;
  std::vector<int> values_;
  std::unordered_map<const Apply*, int> map_;
};

std::vector<Apply*> sorted_by_id(const std::unordered_set<Apply*>& nodes) {
  std::vector<Apply*> out(nodes.begin(), nodes.end());
  std::sort(out.begin(), out.end(), [](Apply* a, Apply* b) { return a->id() < b->id(); });
  return out;
}

}  // namespace

DestroyHandler::DestroyHandler(std::unordered_set<const Variable*> destroyable,
                               std::unordered_set<const Variable*> prechecked_only)
    : destroyable_(std::move(destroyable)), prechecked_only_(std::move(prechecked_only)) {}

void DestroyHandler::on_attach(FunctionGraph& fg) {
  for (Apply* n : fg.apply_nodes())
    if (!n->op().destroy_map().empty()) destroyers_.insert(n);
}

void DestroyHandler::on_import(FunctionGraph&, Apply& node, const std::string&) {
  if (!node.op().destroy_map().empty()) destroyers_.insert(&node);
}

void DestroyHandler::on_prune(FunctionGraph&, Apply& node, const std::string&) {
  destroyers_.erase(&node);
}

Variable* DestroyHandler::view_root(Variable* v) {
  while (Apply* n = v->owner()) {
    int src = -1;
    for (const auto& [out, ins] : n->op().view_map())
      if (out == v->index() && !ins.empty()) src = ins.front();
    if (src < 0) break;
    v = n->input(src).get();
  }
  return v;
}

bool DestroyHandler::may_destroy(const Variable& root) const {
  if (root.owner()) return true;
  if (root.kind() == Variable::Kind::Constant) return false;
  return destroyable_.count(&root) != 0;
}

DestroyHandler::Readers DestroyHandler::readers(const FunctionGraph& fg, Variable* root) {
  Readers r;
  std::unordered_set<Apply*> seen;  // used once the readers are many
  auto add = [&](Apply* n) {
    if (r.nodes.size() < 32) {
      if (std::find(r.nodes.begin(), r.nodes.end(), n) != r.nodes.end()) return;
      r.nodes.push_back(n);
      if (r.nodes.size() == 32) seen.insert(r.nodes.begin(), r.nodes.end());
    } else if (seen.insert(n).second) {
      r.nodes.push_back(n);
    }
  };
  std::vector<const Variable*> stack{root};
  while (!stack.empty()) {
    const Variable* v = stack.back();
    stack.pop_back();
    for (const Client& c : fg.clients(v)) {
      if (!c.node) {
        r.graph_output = true;
        continue;
      }
      add(c.node);
      for (const auto& [out, ins] : c.node->op().view_map())
        if (std::find(ins.begin(), ins.end(), c.index) != ins.end())
          stack.push_back(c.node->out(out));
    }
  }
  return r;
}

std::map<Variable*, Apply*> DestroyHandler::destroyed_roots(const FunctionGraph&) const {
  std::map<Variable*, Apply*> out;
  for (Apply* d : sorted_by_id(destroyers_))
    for (const auto& [o, ins] : d->op().destroy_map())
      for (int i : ins) out.emplace(view_root(d->input(i).get()), d);
  return out;
}

const DestroyHandler::Analysis& DestroyHandler::analyze(const FunctionGraph& fg) const {
  if (cache_fg_ == &fg && cache_version_ == fg.version()) return cache_;
  std::vector<Apply*> destroyers(destroyers_.begin(), destroyers_.end());
  Analysis a = analyze_in_order(fg, destroyers);
  if (!a.error.empty()) {  // report the first problem in creation order, reproducibly
    a = analyze_in_order(fg, sorted_by_id(destroyers_));
  }
  cache_ = std::move(a);
  cache_fg_ = &fg;
  cache_version_ = fg.version();
  return cache_;
}

DestroyHandler::Analysis DestroyHandler::analyze_in_order(
    const FunctionGraph& fg, const std::vector<Apply*>& destroyers) const {
  Analysis a;
  std::unordered_map<Variable*, Apply*> owner_of;
  owner_of.reserve(destroyers.size());
  std::vector<Apply*> shared_destroyers;
  auto fail = [&a](Apply* d, int i, const std::string& why) {
    if (!a.error.empty()) return;
    a.error = "in-place rewrite refused: " + node_str(*d) + " overwrites input " +
              std::to_string(i) + ", " + why;
  };
  for (Apply* d : destroyers) {
    for (const auto& [o, ins] : d->op().destroy_map()) {
      for (int i : ins) {
        Variable* root = view_root(d->input(i).get());
        if (!may_destroy(*root)) fail(d, i, "whose storage is " + describe_root(*root));
        if (prechecked_only_.count(root)) {
          std::string why = refuse_unchecked(fg, d, *root);
          if (!why.empty()) fail(d, i, why);
        }
        auto [it, fresh] = owner_of.emplace(root, d);
        if (!fresh && it->second != d) {
          fail(d, i, "a value already overwritten by " + node_str(*it->second));
        }
        Readers rd = readers(fg, root);
        if (rd.graph_output) fail(d, i, "a value that is also an output of the function");
        for (Apply* reader : rd.nodes)
          if (reader != d) a.order[d].push_back(reader);
        if (root->kind() == Variable::Kind::Shared) shared_destroyers.push_back(d);
      }
    }
  }
  if (!shared_destroyers.empty()) add_shared_orderings(fg, shared_destroyers, a);
  if (a.error.empty()) a.error = find_cycle(fg, a.order);
  return a;
}

// Every node that does not depend on a shared-storage destroyer runs before
// all of them: it is enough to order them after the last such nodes (those
// none of whose clients is such a node).
void DestroyHandler::add_shared_orderings(const FunctionGraph& fg,
                                          const std::vector<Apply*>& shared, Analysis& a) const {
  std::unordered_set<Apply*> after(shared.begin(), shared.end());
  std::deque<Apply*> queue(shared.begin(), shared.end());
  while (!queue.empty()) {
    Apply* n = queue.front();
    queue.pop_front();
    for (int k = 0; k < n->nout(); ++k)
      for (const Client& c : fg.clients(n->out(k)))
        if (c.node && after.insert(c.node).second) queue.push_back(c.node);
  }
  std::vector<Apply*> last;
  for (Apply* n : fg.apply_nodes()) {
    if (after.count(n)) continue;
    bool is_last = true;
    for (int k = 0; k < n->nout() && is_last; ++k)
      for (const Client& c : fg.clients(n->out(k)))
        if (c.node && !after.count(c.node)) is_last = false;
    if (is_last) last.push_back(n);
  }
  std::unordered_set<Apply*> done;
  for (Apply* d : shared) {
    if (!done.insert(d).second) continue;
    auto& before = a.order[d];
    before.insert(before.end(), last.begin(), last.end());
  }
}

// Why `d` may not overwrite the prechecked-only `root`, or "" when it may:
// it must check its inputs before writing, and no node may read its
// results (they would run after the write and could fail).
std::string DestroyHandler::refuse_unchecked(const FunctionGraph& fg, Apply* d,
                                             const Variable& root) const {
  auto* checked = dynamic_cast<const PrecheckedOp*>(&d->op());
  std::string target = "the storage of the shared variable " + root.str();
  if (!checked || !checked->can_precheck(*d)) {
    return target +
           ", which only ops that check their inputs before writing may overwrite "
           "(flag inplace_shared_updates=checked)";
  }
  bool direct = false;
  for (const auto& [o, ins] : d->op().destroy_map())
    for (int i : ins) direct = direct || d->input(i).get() == &root;
  if (!direct) return target + " through a view";
  for (int k = 0; k < d->nout(); ++k)
    for (const Client& c : fg.clients(d->out(k)))
      if (c.node) {
        return target + ", but " + node_str(*c.node) +
               " reads the result and could fail after the write";
      }
  return {};
}

std::string DestroyHandler::find_cycle(const FunctionGraph& fg,
                                       const std::map<Apply*, std::vector<Apply*>>& order) {
  if (order.empty()) return {};
  std::vector<Apply*> nodes = fg.apply_nodes();
  NodeCounters pending(nodes);
  std::unordered_map<Apply*, std::vector<Apply*>> extra_next;
  for (Apply* n : nodes) {
    int count = 0;
    for (const auto& in : n->inputs())
      if (in->owner()) ++count;  // a node's producers are always in its graph
    pending[n] = count;
  }
  for (const auto& [d, before] : order) {
    pending[d] += static_cast<int>(before.size());
    for (Apply* b : before) extra_next[b].push_back(d);
  }
  std::vector<Apply*> ready;
  for (Apply* n : nodes)
    if (pending[n] == 0) ready.push_back(n);
  std::size_t visited = 0;
  auto release = [&](Apply* m) {
    if (--pending[m] == 0) ready.push_back(m);
  };
  while (!ready.empty()) {
    Apply* n = ready.back();
    ready.pop_back();
    ++visited;
    for (int k = 0; k < n->nout(); ++k)
      for (const Client& c : fg.clients(n->out(k)))
        if (c.node) release(c.node);
    if (auto it = extra_next.find(n); it != extra_next.end())
      for (Apply* m : it->second) release(m);
  }
  if (visited == nodes.size()) return {};
  for (const auto& [d, before] : order) {
    if (pending[d] == 0) continue;
    for (Apply* b : before) {
      if (pending[b] != 0) {
        return "in-place rewrite refused: " + node_str(*b) + " reads a value that " + node_str(*d) +
               " overwrites, but it also depends on that node's result";
      }
    }
  }
  return "in-place rewrite refused: the reads and in-place writes cannot be ordered";
}

void DestroyHandler::validate(const FunctionGraph& fg) const {
  if (destroyers_.empty()) return;
  const Analysis& a = analyze(fg);
  if (!a.error.empty()) throw InconsistencyError(a.error);
}

std::map<Apply*, std::vector<Apply*>> DestroyHandler::orderings(const FunctionGraph& fg) const {
  if (destroyers_.empty()) return {};
  return analyze(fg).order;
}

DestroyHandler& ensure_destroy_handler(FunctionGraph& fg) {
  if (auto* dh = fg.get_feature<DestroyHandler>()) return *dh;
  auto* session = OptimizeSession::of(fg);
  auto dh = session
                ? std::make_shared<DestroyHandler>(session->destroyable, session->prechecked_only)
                : std::make_shared<DestroyHandler>();
  fg.attach_feature(dh);
  return *dh;
}

}  // namespace theano::optdb
