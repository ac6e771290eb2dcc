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
  std::size_t key = node.op().hash();
  for (const auto& in : node.inputs()) key = key * 1000003u ^ std::hash<const void*>()(in.get());
  auto [lo, hi] = nodes_.equal_range(key);
  for (auto it = lo; it != hi; ++it) {
    Apply* other = it->second;
    if (other == &node) return nullptr;
    if (fg.contains(other) && same_computation(*other, node)) return other;
  }
  nodes_.emplace(key, &node);
  return nullptr;
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
    if (!detail::mergeable(*node)) continue;
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

}  // namespace theano::optdb
