// Applying one local rewrite to one node, and keeping the user's source
// location on the nodes a rewrite builds.
#include <unordered_set>

#include "theano/core/errors.h"
#include "theano/core/printing.h"
#include "theano/optdb/rewriter.h"
#include "theano/optdb/session.h"

namespace theano::optdb {

namespace {

// Stamps `loc` on the nodes reachable from `outputs` for which `descend`
// says yes, and on their outputs that have no location yet.
template <class Descend>
void stamp(const std::vector<Var>& outputs, const SourceLoc& loc, Descend descend) {
  if (!loc.known()) return;
  std::unordered_set<const Apply*> seen;
  std::vector<Apply*> stack;
  for (const auto& v : outputs)
    if (v && v->owner()) stack.push_back(v->owner());
  while (!stack.empty()) {
    Apply* n = stack.back();
    stack.pop_back();
    if (!seen.insert(n).second || !descend(*n)) continue;
    if (!n->loc().known()) n->set_loc(loc);
    for (int k = 0; k < n->nout(); ++k)
      if (!n->out(k)->tag().loc.known()) n->out(k)->tag().loc = loc;
    for (const auto& in : n->inputs())
      if (in->owner()) stack.push_back(in->owner());
  }
}

void fail(FunctionGraph& fg, const LocalRewriter& rw, const Apply& node, const std::string& msg) {
  try {
    throw CompileError(msg);
  } catch (...) {
    handle_rewrite_failure(fg, rw.name(), node_str(node));
  }
}

}  // namespace

void copy_loc(const std::vector<Var>& outputs, const SourceLoc& loc) {
  stamp(outputs, loc, [](const Apply& n) { return !n.loc().known(); });
}

void copy_loc(const FunctionGraph& fg, const std::vector<Var>& outputs, const SourceLoc& loc) {
  stamp(outputs, loc, [&fg](const Apply& n) { return !fg.contains(&n); });
}

bool apply_local(FunctionGraph& fg, const LocalRewriter& rewriter, Apply& node) {
  std::optional<std::vector<Var>> result;
  try {
    result = rewriter.transform(fg, node);
  } catch (...) {
    handle_rewrite_failure(fg, rewriter.name(), node_str(node));
    return false;
  }
  if (!result) return false;
  ApplyPtr keep = node.shared_from_this();  // the node may be pruned below
  if (static_cast<int>(result->size()) != node.nout()) {
    fail(fg, rewriter, node,
         "returned " + std::to_string(result->size()) + " replacements for a node with " +
             std::to_string(node.nout()) + " outputs");
    return false;
  }
  std::vector<std::pair<Var, Var>> pairs;
  for (int k = 0; k < node.nout(); ++k) {
    const Var& repl = (*result)[k];
    if (!repl || repl.get() == node.out(k)) continue;
    if (!same_type(repl->type(), node.out(k)->type())) {
      fail(fg, rewriter, node,
           "output " + std::to_string(k) + " would change type from " + node.out(k)->type()->str() +
               " to " + repl->type()->str());
      return false;
    }
    pairs.emplace_back(node.output(k), repl);
  }
  if (pairs.empty()) return false;
  copy_loc(fg, *result, node.loc());
  try {
    fg.replace_all_validate(pairs, rewriter.name());
  } catch (const InconsistencyError&) {
    return false;  // a Feature (the DestroyHandler) refused: the change was undone
  } catch (...) {
    handle_rewrite_failure(fg, rewriter.name(), node_str(node));
    return false;
  }
  return true;
}

}  // namespace theano::optdb
