// ShapeFeature and the rewrites that use it.
#include "theano/optdb/shape_feature.h"

#include <unordered_set>

#include "theano/core/registry.h"
#include "theano/optdb/graph_ops.h"
#include "theano/optdb/optimizers.h"

namespace theano::optdb {

namespace {

std::optional<std::int64_t> constant_value(const Var& s) {
  auto* c = dynamic_cast<const Constant*>(s.get());
  if (!c || !c->value().is_array() || c->value().array().size() != 1) return std::nullopt;
  return c->value().array().item<std::int64_t>();
}

bool same_dim(const Var& x, const Var& y) {
  if (x == y) return true;
  auto cx = constant_value(x), cy = constant_value(y);
  if (cx || cy) return cx && cy && *cx == *cy;
  Apply* a = x->owner();
  Apply* b = y->owner();
  if (!a || !b || x->index() != y->index() || a->nin() != b->nin()) return false;
  for (int i = 0; i < a->nin(); ++i)
    if (a->input(i) != b->input(i)) return false;
  return a->op().equals(b->op());
}

}  // namespace

void ShapeFeature::on_attach(FunctionGraph&) {}

void ShapeFeature::on_import(FunctionGraph&, Apply&, const std::string&) {}

void ShapeFeature::on_prune(FunctionGraph&, Apply& node, const std::string&) {
  for (int k = 0; k < node.nout(); ++k) shapes_.erase(node.out(k));
}

void ShapeFeature::on_change_input(FunctionGraph&, Apply*, int, const Var& old_var,
                                   const Var& new_var, const std::string&) {
  // The new variable holds the same value: keep the better of both shapes.
  // Shapes are computed when asked for; when nobody asked for the old
  // variable's, there is nothing to keep (and nothing to compute now).
  if (!shapes_.count(old_var.get())) return;
  ShapeVars fresh = shape_of(new_var);  // before the lookup: it may insert and move entries
  auto old_it = shapes_.find(old_var.get());
  if (old_it == shapes_.end() || old_it->second.second.size() != fresh.size()) return;
  const ShapeVars& old_shape = old_it->second.second;
  bool improved = false;
  for (std::size_t d = 0; d < fresh.size(); ++d) {
    int axis = static_cast<int>(d);
    if (is_placeholder(fresh[d], new_var.get(), axis) &&
        !is_placeholder(old_shape[d], old_var.get(), axis)) {
      fresh[d] = old_shape[d];
      improved = true;
    }
  }
  if (improved) shapes_[new_var.get()] = {new_var, fresh};
}

ShapeVars ShapeFeature::shape_of(const Var& v) {
  if (auto it = shapes_.find(v.get()); it != shapes_.end()) return it->second.second;
  if (v->owner()) {
    compute_ancestors(*v->owner());
    if (auto it = shapes_.find(v.get()); it != shapes_.end()) return it->second.second;
  }
  ShapeVars s = placeholders(v);
  shapes_[v.get()] = {v, s};
  return s;
}

// Computes the shapes of `node` and of the ancestors not known yet, inputs
// first, without recursion (graphs may be 100k nodes deep).
void ShapeFeature::compute_ancestors(Apply& node) {
  std::vector<std::pair<Apply*, int>> stack{{&node, 0}};
  std::unordered_set<Apply*> entered{&node};
  while (!stack.empty()) {
    auto& [n, next] = stack.back();
    if (next < n->nin()) {
      const Var& in = n->input(next++);
      Apply* owner = in->owner();
      if (owner && !shapes_.count(in.get()) && entered.insert(owner).second)
        stack.push_back({owner, 0});
      continue;
    }
    Apply* done = n;
    stack.pop_back();
    compute(*done);
  }
}

Var ShapeFeature::shape_i(const Var& v, int axis) {
  ShapeVars s = shape_of(v);
  if (axis < 0 || axis >= static_cast<int>(s.size())) {
    throw ValueError("shape_i: axis " + std::to_string(axis) + " is out of range for " +
                     v->type()->str());
  }
  return s[axis];
}

bool ShapeFeature::same_shape(const Var& a, const Var& b, int axis_a, int axis_b) {
  ShapeVars sa = shape_of(a), sb = shape_of(b);
  if (axis_a >= 0 || axis_b >= 0) {
    if (axis_a < 0 || axis_b < 0 || axis_a >= static_cast<int>(sa.size()) ||
        axis_b >= static_cast<int>(sb.size()))
      return false;
    return same_dim(sa[axis_a], sb[axis_b]);
  }
  if (sa.size() != sb.size()) return false;
  for (std::size_t d = 0; d < sa.size(); ++d)
    if (!same_dim(sa[d], sb[d])) return false;
  return true;
}

std::optional<std::vector<std::int64_t>> ShapeFeature::constant_shape(const Var& v) {
  std::vector<std::int64_t> out;
  for (const Var& s : shape_of(v)) {
    auto c = constant_value(s);
    if (!c) return std::nullopt;
    out.push_back(*c);
  }
  return out;
}

bool ShapeFeature::is_placeholder(const Var& s, const Variable* v, int axis) {
  Apply* n = s->owner();
  if (!n || n->op().name() != "Shape_i" || n->input(0).get() != v) return false;
  return n->op().props().get("i").as<std::int64_t>() == axis;
}

void ShapeFeature::compute(Apply& node) {
  std::vector<ShapeVars> inputs;
  inputs.reserve(node.nin());
  for (const auto& in : node.inputs()) inputs.push_back(shape_of(in));
  std::optional<std::vector<ShapeVars>> inferred;
  try {
    inferred = node.op().infer_shape(node, inputs);
  } catch (const std::exception&) {
    inferred.reset();  // an op that cannot say: fall back to Shape_i of the output
  }
  for (int k = 0; k < node.nout(); ++k) {
    Var out = node.output(k);
    auto tt = as_tensor_type(out->type());
    if (!tt) {
      shapes_[out.get()] = {out, {}};
      continue;
    }
    ShapeVars s;
    bool usable = inferred && k < static_cast<int>(inferred->size()) &&
                  static_cast<int>((*inferred)[k].size()) == tt->ndim();
    for (int d = 0; usable && d < tt->ndim(); ++d) usable = (*inferred)[k][d] != nullptr;
    s = usable ? (*inferred)[k] : placeholders(out);
    for (int d = 0; d < tt->ndim(); ++d)
      if (tt->shape()[d]) s[d] = constant(*tt->shape()[d]);
    shapes_[out.get()] = {out, std::move(s)};
  }
}

ShapeVars ShapeFeature::placeholders(const Var& v) {
  auto tt = as_tensor_type(v->type());
  if (!tt) return {};
  ShapeVars s;
  for (int d = 0; d < tt->ndim(); ++d)
    s.push_back(tt->shape()[d] ? constant(*tt->shape()[d])
                               : shape_i_op(d)->make_node({v})->output(0));
  return s;
}

Var ShapeFeature::constant(std::int64_t value) {
  auto [it, fresh] = constants_.emplace(value, nullptr);
  if (fresh) it->second = int64_constant(value);
  return it->second;
}

std::shared_ptr<GraphRewriter> shape_opt() {
  return std::make_shared<AddFeatureOptimizer>(
      "ShapeOpt", [](const FunctionGraph& fg) { return fg.get_feature<ShapeFeature>() != nullptr; },
      [](FunctionGraph&) { return std::make_shared<ShapeFeature>(); });
}

std::shared_ptr<LocalRewriter> local_track_shape_i() {
  return std::make_shared<FunctionLocalRewriter>(
      "local_track_shape_i", std::vector<std::string>{"Shape_i"},
      [](FunctionGraph& fg, Apply& node) -> std::optional<std::vector<Var>> {
        auto* sf = fg.get_feature<ShapeFeature>();
        if (!sf) return std::nullopt;
        int axis = static_cast<int>(node.op().props().get("i").as<std::int64_t>());
        const Var& x = node.input(0);
        Var s = sf->shape_i(x, axis);
        if (s.get() == node.out(0) || ShapeFeature::is_placeholder(s, x.get(), axis))
          return std::nullopt;
        if (!same_type(s->type(), node.out(0)->type())) return std::nullopt;
        return std::vector<Var>{s};
      });
}

std::shared_ptr<LocalRewriter> local_shape_to_shape_i() {
  return std::make_shared<FunctionLocalRewriter>(
      "local_shape_to_shape_i", std::vector<std::string>{"Shape"},
      [](FunctionGraph& fg, Apply& node) -> std::optional<std::vector<Var>> {
        auto* sf = fg.get_feature<ShapeFeature>();
        if (!sf) return std::nullopt;
        const Var& x = node.input(0);
        if (auto known = sf->constant_shape(x)) {
          auto n = static_cast<std::int64_t>(known->size());
          NDArray values = NDArray::from_vector(*known, Shape{n});
          return std::vector<Var>{Constant::make(node.out(0)->type(), Value(values))};
        }
        if (!Registry::global().find_op("MakeVector")) return std::nullopt;
        try {
          OpPtr mv = Registry::global().make_op("MakeVector", Props{{"dtype", DType::Int64}});
          Var v = mv->make_node(sf->shape_of(x))->output(0);
          if (same_type(v->type(), node.out(0)->type())) return std::vector<Var>{v};
        } catch (const std::exception&) {
        }
        return std::nullopt;
      });
}

}  // namespace theano::optdb
