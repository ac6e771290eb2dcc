// MergeOptimizer: one in-to-out pass merging equal constants, then nodes
// computing the same op on the same inputs. Changes are made in a batch and
// validated once; if a Feature refuses the batch, it is undone and redone one
// merge at a time so that only the refused merges are skipped.
#include <functional>

#include "merge_index.h"
#include "theano/core/errors.h"
#include "theano/optdb/optimizers.h"
#include "theano/optdb/session.h"

namespace theano::optdb {

namespace detail {

bool mergeable(const Apply& node) {
  return node.op().destroy_map().empty();
}

bool same_computation(const Apply& a, const Apply& b) {
  if (a.nin() != b.nin() || a.nout() != b.nout()) return false;
  for (int i = 0; i < a.nin(); ++i)
    if (a.input(i) != b.input(i)) return false;
  return a.op_ptr() == b.op_ptr() || a.op().equals(b.op());
}

Var MergeIndex::canonical_constant(const Var& c) {
  const auto& k = static_cast<const Constant&>(*c);
  auto [lo, hi] = constants_.equal_range(k.signature());
  for (auto it = lo; it != hi; ++it) {
    if (it->second == c) return c;
    if (static_cast<const Constant&>(*it->second).equals(k)) return it->second;
  }
  constants_.emplace(k.signature(), c);
  return c;
}

Apply* MergeIndex::find_or_insert(const FunctionGraph& fg, Apply& node) {
  // Keyed by op hash and inputs: equal ops have equal hashes, and nodes of
  // different ops on the same inputs (every Composite of a graph may read
  // just x and y) land apart instead of in one long bucket.
  const std::size_t hash = op_hash(node.op_ptr());
  std::size_t key = hash;
  for (const auto& in : node.inputs()) key = key * 1000003u ^ std::hash<const void*>()(in.get());
  auto [lo, hi] = nodes_.equal_range(key);
  bool known = false;
  for (auto it = lo; it != hi; ++it) {
    Apply* other = it->second;
    if (other == &node) {
      known = true;
      continue;
    }
    if (other->op_ptr() != node.op_ptr() && op_hash(other->op_ptr()) != hash) continue;
    if (!fg.contains(other) || !mergeable(*other) || !mergeable(node)) continue;
    if (same_computation(*other, node)) return other;
  }
  if (!known) nodes_.emplace(key, &node);
  return nullptr;
}

std::size_t MergeIndex::op_hash(const OpPtr& op) {
  auto [it, fresh] = op_hashes_.try_emplace(op.get());
  if (fresh) it->second = {op, op->hash()};
  return it->second.second;
}

bool IncrementalMerger::merge(Apply& n) {
  for (int i = 0; i < n.nin(); ++i) {
    const Var& in = n.input(i);
    if (in->kind() != Variable::Kind::Constant) continue;
    Var canon = canonical_constant(in);
    if (canon != in) fg_.change_input(&n, i, canon, "merge");
  }
  Apply* twin = find_twin(n);
  if (!twin) return false;
  std::vector<std::pair<Var, Var>> pairs;
  for (int k = 0; k < n.nout(); ++k) pairs.emplace_back(n.output(k), twin->output(k));
  try {
    fg_.replace_all_validate(pairs, "merge");
  } catch (const InconsistencyError&) {
    return false;
  }
  return true;
}

// A twin reads the same inputs: look among the clients of the least used
// input, or through an index of every node when all inputs are widely used.
Apply* IncrementalMerger::find_twin(Apply& n) {
  if (n.nin() == 0) return nullptr;
  const Variable* pivot = n.input(0).get();
  for (int i = 1; i < n.nin(); ++i)
    if (fg_.clients(n.input(i).get()).size() < fg_.clients(pivot).size()) pivot = n.input(i).get();
  if (fg_.clients(pivot).size() > 32) {
    if (!nodes_indexed_) {
      nodes_indexed_ = true;
      for (Apply* other : fg_.apply_nodes()) nodes_.find_or_insert(fg_, *other);
    }
    return nodes_.find_or_insert(fg_, n);
  }
  for (const Client& c : fg_.clients(pivot)) {
    if (c.node && c.node != &n && same_computation(*c.node, n) && mergeable(*c.node) &&
        mergeable(n))
      return c.node;
  }
  return nullptr;
}

// The first constant of the graph equal to `c`; the table of the graph's
// constants is built the first time one is needed.
Var IncrementalMerger::canonical_constant(const Var& c) {
  if (!constants_indexed_) {
    constants_indexed_ = true;
    for (Apply* node : fg_.apply_nodes())
      for (const auto& in : node->inputs())
        if (in->kind() == Variable::Kind::Constant) constants_.canonical_constant(in);
  }
  return constants_.canonical_constant(c);
}

}  // namespace detail

namespace {

using ReplaceFn = std::function<bool(const std::vector<std::pair<Var, Var>>&)>;

int merge_pass(FunctionGraph& fg, const ReplaceFn& replace) {
  detail::MergeIndex index;
  int merged = 0;
  auto merge_constant = [&](const Var& v) {
    if (v->kind() != Variable::Kind::Constant) return;
    Var canon = index.canonical_constant(v);
    if (canon != v && replace({{v, canon}})) ++merged;
  };
  std::vector<Apply*> order = fg.toposort();
  for (Apply* node : order) {
    if (!fg.contains(node)) continue;
    std::vector<Var> inputs = node->inputs();
    for (const auto& in : inputs) merge_constant(in);
    Apply* twin = index.find_or_insert(fg, *node);
    if (!twin) continue;
    std::vector<std::pair<Var, Var>> pairs;
    for (int k = 0; k < node->nout(); ++k) {
      if (!same_type(node->out(k)->type(), twin->out(k)->type())) {
        pairs.clear();
        break;
      }
      pairs.emplace_back(node->output(k), twin->output(k));
    }
    if (!pairs.empty() && replace(pairs)) ++merged;
  }
  std::vector<Var> outputs = fg.outputs();
  for (const auto& out : outputs) merge_constant(out);
  return merged;
}

ChangeTracker& tracker_of(FunctionGraph& fg) {
  if (!fg.get_feature<ChangeTracker>()) fg.attach_feature(std::make_shared<ChangeTracker>());
  return *fg.get_feature<ChangeTracker>();
}

}  // namespace

int MergeOptimizer::apply(FunctionGraph& fg) const {
  if (auto* tracker = fg.get_feature<detail::MergeTracker>()) return merge_dirty(fg, *tracker);
  int merged = merge_all(fg);
  fg.attach_feature(std::make_shared<detail::MergeTracker>());
  return merged;
}

int MergeOptimizer::merge_all(FunctionGraph& fg) const {
  ChangeTracker& tracker = tracker_of(fg);
  std::size_t checkpoint = tracker.checkpoint();
  int merged = merge_pass(fg, [&](const std::vector<std::pair<Var, Var>>& pairs) {
    for (const auto& [o, n] : pairs) fg.replace(o, n, "merge");
    return true;
  });
  if (merged == 0) return 0;
  try {
    fg.validate();
  } catch (const InconsistencyError&) {
    tracker.revert(fg, checkpoint);
    merged = merge_pass(fg, [&](const std::vector<std::pair<Var, Var>>& pairs) {
      try {
        fg.replace_all_validate(pairs, "merge");
        return true;
      } catch (const InconsistencyError&) {
        return false;
      }
    });
  }
  if (auto* s = OptimizeSession::of(fg); s && merged) s->note_applied("merge", merged);
  return merged;
}

// Since the last full merge only the recorded nodes may have become equal to
// another: merge those (nodes rewired by these merges are recorded again).
int MergeOptimizer::merge_dirty(FunctionGraph& fg, detail::MergeTracker& tracker) const {
  detail::IncrementalMerger merger(fg);
  int merged = 0;
  while (!tracker.dirty.empty()) {
    std::vector<Apply*> batch;
    batch.swap(tracker.dirty);
    for (Apply* n : batch)
      if (fg.contains(n) && merger.merge(*n)) ++merged;
  }
  if (auto* s = OptimizeSession::of(fg); s && merged) s->note_applied("merge", merged);
  return merged;
}

}  // namespace theano::optdb
