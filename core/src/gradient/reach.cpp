// The reachability map of the gradient driver (see reach.h). Every walk is
// iterative so that deep graphs cannot overflow the stack.
#include "reach.h"

#include <algorithm>

#include "theano/core/op.h"

namespace theano::gradient_detail {

const Pattern& PatternCache::of(const Apply& node) {
  auto it = cache_.find(&node);
  if (it != cache_.end()) return it->second;
  Pattern p = node.op().connection_pattern(node);
  bool ok = static_cast<int>(p.size()) == node.nin();
  for (const auto& row : p) ok = ok && static_cast<int>(row.size()) == node.nout();
  if (!ok) {
    throw ValueError(node.op().display() + ": connection_pattern must be " +
                     std::to_string(node.nin()) + " x " + std::to_string(node.nout()) +
                     " (inputs x outputs), got " + std::to_string(p.size()) + " rows");
  }
  return cache_.emplace(&node, std::move(p)).first->second;
}

ReachMap::ReachMap(const std::vector<Var>& outputs, const std::vector<Var>& wrt,
                   const std::vector<Var>& consider_constant, PatternCache& patterns)
    : patterns_(patterns) {
  std::unordered_set<const Variable*> constants;
  for (const Var& v : consider_constant) constants.insert(v.get());
  account_for_outputs(outputs, constants);
  std::unordered_set<const Variable*> keep = leading_to_wrt(wrt);
  std::erase_if(uses_, [&](const auto& entry) { return !keep.contains(entry.first); });
  sort_nodes();
}

const std::vector<Use>* ReachMap::uses(const Variable* v) const {
  auto it = uses_.find(v);
  return it == uses_.end() ? nullptr : &it->second;
}

// Walks down from the outputs, recording for each true parent the node and
// input position that use it.
void ReachMap::account_for_outputs(const std::vector<Var>& outputs,
                                   const std::unordered_set<const Variable*>& constants) {
  std::unordered_set<const Variable*> accounted;
  std::vector<const Variable*> stack;
  for (auto it = outputs.rbegin(); it != outputs.rend(); ++it) stack.push_back(it->get());
  while (!stack.empty()) {
    const Variable* var = stack.back();
    stack.pop_back();
    if (!accounted.insert(var).second) continue;
    const Apply* node = var->owner();
    if (!node || constants.contains(var)) continue;
    const Pattern& pattern = patterns_.of(*node);
    for (int i = node->nin() - 1; i >= 0; --i) {
      if (!pattern[i][var->index()]) continue;
      const Variable* input = node->input(i).get();
      std::vector<Use>& uses = uses_[input];
      auto use =
          std::find_if(uses.begin(), uses.end(), [&](const Use& u) { return u.node == node; });
      if (use == uses.end()) use = uses.insert(uses.end(), Use{node, {}});
      if (std::find(use->positions.begin(), use->positions.end(), i) == use->positions.end()) {
        use->positions.push_back(i);
      }
      stack.push_back(input);
    }
  }
  // Positions in increasing order make the summation order independent of the walk.
  for (auto& [var, uses] : uses_) {
    for (Use& u : uses) std::sort(u.positions.begin(), u.positions.end());
  }
}

// Walks up from the wrt variables along true connections.
std::unordered_set<const Variable*> ReachMap::leading_to_wrt(const std::vector<Var>& wrt) const {
  std::unordered_set<const Variable*> visited;
  std::vector<const Variable*> stack;
  for (const Var& w : wrt) stack.push_back(w.get());
  while (!stack.empty()) {
    const Variable* var = stack.back();
    stack.pop_back();
    auto it = uses_.find(var);
    if (it == uses_.end() || !visited.insert(var).second) continue;
    for (const Use& use : it->second) {
      const Pattern& pattern = patterns_.of(*use.node);
      for (int i : use.positions) {
        for (int k = 0; k < use.node->nout(); ++k) {
          if (pattern[i][k]) stack.push_back(use.node->out(k));
        }
      }
    }
  }
  return visited;
}

// Orders the nodes using kept variables so that every node comes after the
// nodes computing its inputs (iterative post-order DFS).
void ReachMap::sort_nodes() {
  std::unordered_set<const Apply*> members;
  std::vector<const Apply*> seeds;
  for (const auto& [var, uses] : uses_) {
    for (const Use& u : uses) {
      if (members.insert(u.node).second) seeds.push_back(u.node);
    }
  }
  std::sort(seeds.begin(), seeds.end(),
            [](const Apply* a, const Apply* b) { return a->id() < b->id(); });
  std::unordered_set<const Apply*> done;
  for (const Apply* seed : seeds) {
    std::vector<std::pair<const Apply*, int>> stack{{seed, 0}};
    while (!stack.empty()) {
      auto& [node, next] = stack.back();
      if (done.contains(node)) {
        stack.pop_back();
        continue;
      }
      if (next < node->nin()) {
        const Apply* parent = node->input(next++)->owner();
        if (parent && members.contains(parent) && !done.contains(parent))
          stack.push_back({parent, 0});
        continue;
      }
      done.insert(node);
      nodes_.push_back(node);
      stack.pop_back();
    }
  }
}

}  // namespace theano::gradient_detail
