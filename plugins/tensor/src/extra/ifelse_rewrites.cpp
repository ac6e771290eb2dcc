// IfElse rewrites (see ifelse_rewrites.h).
#include "ifelse_rewrites.h"

#include <algorithm>
#include <unordered_map>

#include "ifelse.h"

namespace theano::tensor_ops::extra {

namespace {

const IfElseOp* as_ifelse(const Apply* node) {
  return node ? dynamic_cast<const IfElseOp*>(&node->op()) : nullptr;
}

/// True when some output of `a` is an ancestor of an input of `b`.
bool depends_on(const Apply& b, const Apply& a) {
  std::vector<Variable*> anc = ancestors(b.inputs());
  for (int k = 0; k < a.nout(); ++k)
    if (std::find(anc.begin(), anc.end(), a.out(k)) != anc.end()) return true;
  return false;
}

/// Replaces the outputs of `a` and `b` with those of one merged IfElse.
void merge_pair(FunctionGraph& fg, const Apply& a, const Apply& b) {
  std::int64_t na = as_ifelse(&a)->n_outs(), nb = as_ifelse(&b)->n_outs();
  std::vector<Var> then_vars, else_vars;
  for (const Apply* n : {&a, &b}) {
    std::int64_t k = as_ifelse(n)->n_outs();
    for (std::int64_t i = 0; i < k; ++i) {
      then_vars.push_back(n->input(static_cast<int>(1 + i)));
      else_vars.push_back(n->input(static_cast<int>(1 + k + i)));
    }
  }
  std::vector<Var> merged = make_ifelse(a.input(0), then_vars, else_vars);
  merged.front()->owner()->set_loc(a.loc());
  std::vector<std::pair<Var, Var>> pairs;
  for (std::int64_t i = 0; i < na; ++i)
    pairs.emplace_back(a.output(static_cast<int>(i)), merged[i]);
  for (std::int64_t i = 0; i < nb; ++i)
    pairs.emplace_back(b.output(static_cast<int>(i)), merged[na + i]);
  fg.replace_all_validate(pairs, "merge_ifelse_same_cond");
}

/// Finds one mergeable pair; returns false when there is none.
bool merge_one(FunctionGraph& fg) {
  std::unordered_map<const Variable*, std::vector<Apply*>> by_cond;
  for (Apply* node : fg.toposort())
    if (as_ifelse(node)) by_cond[node->input(0).get()].push_back(node);
  for (auto& [cond, nodes] : by_cond) {
    for (std::size_t i = 0; i < nodes.size(); ++i) {
      for (std::size_t j = i + 1; j < nodes.size(); ++j) {
        // In topological order, nodes[i] cannot depend on nodes[j].
        if (depends_on(*nodes[j], *nodes[i])) continue;
        ApplyPtr a = nodes[i]->shared_from_this(), b = nodes[j]->shared_from_this();
        try {
          merge_pair(fg, *a, *b);
        } catch (const InconsistencyError&) {
          continue;
        }
        return true;
      }
    }
  }
  return false;
}

}  // namespace

std::optional<std::vector<Var>> local_ifelse_constant_cond(FunctionGraph&, Apply& node) {
  const IfElseOp* op = as_ifelse(&node);
  if (!op) return std::nullopt;
  auto cond = std::dynamic_pointer_cast<const Constant>(node.input(0));
  if (!cond) return std::nullopt;
  std::int64_t n = op->n_outs();
  std::int64_t base = cond->value().array().item<double>() != 0 ? 1 : 1 + n;
  std::vector<Var> out(static_cast<std::size_t>(n));
  bool any = false;
  for (std::int64_t i = 0; i < n; ++i) {
    const Var& branch = node.input(static_cast<int>(base + i));
    if (same_type(branch->type(), node.out(static_cast<int>(i))->type())) {
      out[i] = branch;
      any = true;
    }
  }
  if (!any) return std::nullopt;
  return out;
}

int merge_ifelse_same_cond(FunctionGraph& fg) {
  int merges = 0;
  while (merge_one(fg)) ++merges;
  return merges;
}

}  // namespace theano::tensor_ops::extra
