// Rewrites of the indexing ops: removing useless slices, taking one dim of
// a Shape as Shape_i, dropping increments by zero, and turning increments
// of zeros into sets.
#include "rewrites.h"

#include "subtensor_op.h"
#include "theano/optdb/graph_ops.h"
#include "theano/optdb/rewriter.h"

namespace theano::tensor_ops::indexing {

namespace {

using optdb::FunctionLocalRewriter;
using Result = std::optional<std::vector<Var>>;

bool elemwise_named(const Apply* node, std::initializer_list<const char*> names) {
  if (!node || node->op().name() != "Elemwise") return false;
  Props p = node->op().props();
  if (!p.contains("scalar_op")) return false;
  const PropValue& scalar = p.get("scalar_op");
  if (!scalar.is<std::string>()) return false;
  for (const char* n : names)
    if (scalar.as<std::string>() == n) return true;
  return false;
}

// True when every element of v is zero: a zero constant, seen through
// DimShuffle, fill/second and casts.
bool is_zero(const Var& v) {
  if (v->kind() == Variable::Kind::Constant) {
    const Value& value = std::static_pointer_cast<const Constant>(v)->value();
    if (!value.is_array()) return false;
    for (double d : value.array().to_vector<double>())
      if (d != 0) return false;
    return true;
  }
  Apply* owner = v->owner();
  if (!owner) return false;
  if (owner->op().name() == "DimShuffle") return is_zero(owner->input(0));
  if (elemwise_named(owner, {"second"})) return is_zero(owner->input(1));
  if (elemwise_named(owner, {"cast", "identity"})) return is_zero(owner->input(0));
  return false;
}

// A slice entry that keeps every element of a dimension of static size n.
bool keeps_everything(const IndexEntry& e, StaticDim n) {
  if (e.kind != IndexEntry::Kind::Slice) return false;
  if (is_full_slice(e)) return true;
  if (!(e.c.is_none() || (e.c.is_const() && e.c.value == 1))) return false;
  bool start_ok = e.a.is_none() || (e.a.is_const() && (e.a.value == 0 || (n && e.a.value <= -*n)));
  bool stop_ok = e.b.is_none() || (e.b.is_const() && n && e.b.value >= *n);
  return start_ok && stop_ok;
}

Result useless_subtensor(FunctionGraph&, Apply& node) {
  const auto* op = dynamic_cast<const SubtensorOp*>(&node.op());
  if (!op) return std::nullopt;
  const Var& x = node.input(0);
  const StaticShape& shape = as_tensor_type(x->type())->shape();
  for (std::size_t i = 0; i < op->idx_list().size(); ++i)
    if (!keeps_everything(op->idx_list()[i], shape[i])) return std::nullopt;
  if (!same_type(x->type(), node.output(0)->type())) return std::nullopt;
  return std::vector<Var>{x};
}

Result subtensor_shape_i(FunctionGraph&, Apply& node) {
  const auto* op = dynamic_cast<const SubtensorOp*>(&node.op());
  if (!op || op->idx_list().size() != 1) return std::nullopt;
  const IndexEntry& e = op->idx_list()[0];
  Apply* shape = node.input(0)->owner();
  if (e.kind != IndexEntry::Kind::Int || !e.a.is_const() || !shape ||
      shape->op().name() != "Shape") {
    return std::nullopt;
  }
  const Var& x = shape->input(0);
  int ndim = as_tensor_type(x->type())->ndim();
  std::int64_t i = e.a.value < 0 ? e.a.value + ndim : e.a.value;
  if (i < 0 || i >= ndim) return std::nullopt;
  Var out = optdb::shape_i(x, static_cast<int>(i));
  if (!same_type(out->type(), node.output(0)->type())) return std::nullopt;
  return std::vector<Var>{out};
}

// Subtensor(MakeVector(a, b, ...), i) -> the i-th input (Theano's
// local_subtensor_make_vector); Shape(x) becomes such a MakeVector of Shape_i.
Result subtensor_make_vector(FunctionGraph&, Apply& node) {
  const auto* op = dynamic_cast<const SubtensorOp*>(&node.op());
  if (!op || op->idx_list().size() != 1) return std::nullopt;
  const IndexEntry& e = op->idx_list()[0];
  Apply* mv = node.input(0)->owner();
  if (e.kind != IndexEntry::Kind::Int || !e.a.is_const() || !mv ||
      mv->op().name() != "MakeVector") {
    return std::nullopt;
  }
  std::int64_t n = mv->nin(), i = e.a.value < 0 ? e.a.value + n : e.a.value;
  if (i < 0 || i >= n) return std::nullopt;
  const Var& item = mv->input(static_cast<int>(i));
  if (!same_type(item->type(), node.output(0)->type())) return std::nullopt;
  return std::vector<Var>{item};
}

bool is_set(const Apply& node) {
  Props p = node.op().props();
  return p.contains("set_instead_of_inc") && p.get_as<bool>("set_instead_of_inc");
}

Result incsubtensor_of_zeros(FunctionGraph&, Apply& node) {
  if (is_set(node) || !is_zero(node.input(1))) return std::nullopt;
  return std::vector<Var>{node.input(0)};
}

Result incsubtensor_of_zeros_to_set(FunctionGraph&, Apply& node) {
  if (is_set(node) || !is_zero(node.input(0))) return std::nullopt;
  // Only basic indices: repeated advanced indices accumulate for inc but
  // not for set, so the two differ there.
  const auto* op = dynamic_cast<const IncSubtensorOp*>(&node.op());
  if (!op || op->inplace()) return std::nullopt;
  auto set = std::make_shared<IncSubtensorOp>(op->idx_list(), true);
  return std::vector<Var>{set->make_node(node.inputs())->output(0)};
}

void local(Registrar& r, const std::string& phase, const std::string& name,
           FunctionLocalRewriter::Fn fn, std::vector<std::string> tracks) {
  r.add_rewrite(
      RewriteSpec{name,
                  {"fast_run", "subtensor", phase},
                  phase,
                  std::make_shared<FunctionLocalRewriter>(name, std::move(tracks), std::move(fn))});
}

}  // namespace

void register_indexing_rewrites(Registrar& r) {
  const std::vector<std::string> incs{"IncSubtensor", "AdvancedIncSubtensor1",
                                      "AdvancedIncSubtensor", "AdvancedBooleanIncSubtensor"};
  local(r, "canonicalize", "local_useless_subtensor", useless_subtensor, {"Subtensor"});
  local(r, "canonicalize", "local_subtensor_shape_i", subtensor_shape_i, {"Subtensor"});
  local(r, "canonicalize", "local_subtensor_make_vector", subtensor_make_vector, {"Subtensor"});
  local(r, "canonicalize", "local_incsubtensor_of_zeros", incsubtensor_of_zeros, incs);
  local(r, "specialize", "local_incsubtensor_of_zeros_to_setsubtensor",
        incsubtensor_of_zeros_to_set, {"IncSubtensor"});
}

}  // namespace theano::tensor_ops::indexing
