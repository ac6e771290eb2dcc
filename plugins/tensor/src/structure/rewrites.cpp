// Rewrites of the structural ops. Each checks that its replacement has the
// exact type of the variable it replaces.
#include "rewrites.h"

#include "common.h"
#include "ops.h"
#include "theano/core/fgraph.h"
#include "theano/optdb/rewriter.h"
#include "theano/optdb/shape_feature.h"

namespace theano::tensor_ops {

namespace {

using optdb::FunctionLocalRewriter;
using optdb::ShapeFeature;
using Result = std::optional<std::vector<Var>>;

// True when the 0-d integer `entry` provably equals dimension `d` of `x`.
bool is_dim_of(FunctionGraph& fg, const Var& entry, const Var& x, int d) {
  auto c = constant_int(entry);
  const StaticDim& known = as_tensor_type(x->type())->shape()[d];
  if (c && known) return *c == *known;
  Apply* n = entry->owner();
  if (n && n->op().name() == "Shape_i" && n->input(0) == x &&
      n->op().props().get("i").as<std::int64_t>() == d)
    return true;
  auto* sf = fg.get_feature<ShapeFeature>();
  if (!sf) return false;
  Var s = sf->shape_i(x, d);
  if (s == entry) return true;
  auto cs = constant_int(s);
  return c && cs && *c == *cs;
}

// True when the int vector `shape` provably equals the shape of `x`.
bool is_shape_of(FunctionGraph& fg, const Var& shape, const Var& x) {
  Apply* n = shape->owner();
  if (n && n->op().name() == "Shape" && n->input(0) == x) return true;
  auto entries = symbolic_entries(shape);
  int nd = as_tensor_type(x->type())->ndim();
  if (!entries || static_cast<int>(entries->size()) != nd) return false;
  for (int d = 0; d < nd; ++d)
    if (!is_dim_of(fg, (*entries)[d], x, d)) return false;
  return true;
}

Result replace_if_same_type(const Var& replacement, const Apply& node) {
  if (!same_type(replacement->type(), node.out(0)->type())) return std::nullopt;
  return std::vector<Var>{replacement};
}

Result useless_reshape(FunctionGraph& fg, Apply& node) {
  const Var& x = node.input(0);
  if (!is_shape_of(fg, node.input(1), x)) return std::nullopt;
  return replace_if_same_type(x, node);
}

Result reshape_chain(FunctionGraph&, Apply& node) {
  Apply* inner = node.input(0)->owner();
  if (!inner || inner->op().name() != "Reshape") return std::nullopt;
  Var merged = node.op().make_node({inner->input(0), node.input(1)})->output(0);
  return replace_if_same_type(merged, node);
}

Result useless_alloc(FunctionGraph& fg, Apply& node) {
  const Var& v = node.input(0);
  int nd = node.nin() - 1;
  if (as_tensor_type(v->type())->ndim() != nd) return std::nullopt;
  for (int d = 0; d < nd; ++d)
    if (!is_dim_of(fg, node.input(d + 1), v, d)) return std::nullopt;
  return replace_if_same_type(v, node);
}

Result join_1(FunctionGraph&, Apply& node) {
  if (node.nin() != 2) return std::nullopt;
  return replace_if_same_type(node.input(1), node);
}

Result useless_split(FunctionGraph&, Apply& node) {
  if (node.nout() != 1) return std::nullopt;
  return replace_if_same_type(node.input(0), node);
}

void local(Registrar& r, const std::string& name, const std::string& tracks,
           FunctionLocalRewriter::Fn fn) {
  r.add_rewrite(RewriteSpec{name,
                            {"fast_run", "fast_compile", "canonicalize", "shape"},
                            "canonicalize",
                            std::make_shared<FunctionLocalRewriter>(
                                name, std::vector<std::string>{tracks}, std::move(fn))});
}

}  // namespace

void register_structure_rewrites(Registrar& r) {
  local(r, "local_useless_reshape", "Reshape", useless_reshape);
  local(r, "local_reshape_chain", "Reshape", reshape_chain);
  local(r, "local_useless_alloc", "Alloc", useless_alloc);
  local(r, "local_join_1", "Join", join_1);
  local(r, "local_useless_split", "Split", useless_split);
}

}  // namespace theano::tensor_ops
