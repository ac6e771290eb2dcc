// IfElse (see ifelse.h): typing of branch pairs, the eager and lazy
// evaluations, shapes, gradients routed through ifelse of zeros, and R_op.
#include "ifelse.h"

#include <algorithm>

#include "theano/tensor.h"

namespace theano::tensor_ops::extra {

namespace T = theano::tensor;

IfElseOp::IfElseOp(std::int64_t n_outs, std::string label) : n_(n_outs), label_(std::move(label)) {
  if (n_ < 1) throw ValueError("IfElse: n_outs must be at least 1, got " + std::to_string(n_));
}

OpPtr IfElseOp::from_props(const Props& p) {
  std::string label = p.contains("name") ? p.get_as<std::string>("name") : std::string();
  return std::make_shared<IfElseOp>(p.get_as<std::int64_t>("n_outs"), label);
}

Props IfElseOp::props() const {
  Props p{{"n_outs", n_}};
  if (!label_.empty()) p.set("name", label_);
  return p;
}

TypePtr join_branch_types(const TypePtr& a, const TypePtr& b) {
  if (same_type(a, b)) return a;
  auto ta = as_tensor_type(a), tb = as_tensor_type(b);
  if (!ta || !tb || ta->dtype() != tb->dtype() || ta->ndim() != tb->ndim() ||
      ta->device() != tb->device()) {
    return nullptr;
  }
  StaticShape shape = ta->shape();
  for (int d = 0; d < ta->ndim(); ++d)
    if (shape[d] != tb->shape()[d]) shape[d] = std::nullopt;
  return TensorType::make(ta->dtype(), shape, ta->device());
}

ApplyPtr IfElseOp::make_node(std::vector<Var> inputs) const {
  expect_arity(*this, inputs, static_cast<std::size_t>(2 * n_ + 1),
               static_cast<std::size_t>(2 * n_ + 1));
  auto cond = tensor_input(*this, inputs, 0);
  if (cond->ndim() != 0 || is_complex(cond->dtype()))
    throw_input_type_error(*this, 0, "a 0-d real or bool condition", cond);
  std::vector<TypePtr> outs;
  for (std::int64_t i = 0; i < n_; ++i) {
    const Var& t = inputs[1 + i];
    const Var& e = inputs[1 + n_ + i];
    TypePtr joined = join_branch_types(t->type(), e->type());
    if (!joined) {
      throw TypeError(display() + ": branch pair " + std::to_string(i) +
                      " has different types: then " + t->type()->str() + ", else " +
                      e->type()->str() + " (cast one branch to the other's type)");
    }
    outs.push_back(joined);
  }
  return build(std::move(inputs), std::move(outs));
}

namespace {

bool truth(const Value& cond) {
  return cond.array().item<double>() != 0;
}

/// Output i: a copy of the selected branch's value. (Aliasing the branch
/// through view_map let an in-place consumer overwrite a buffer that a later
/// call still read: verify_grad caught doubled gradients on a second call.)
Value branch_value(InputRefs inputs, std::int64_t n, bool taken, std::int64_t i) {
  return inputs[(taken ? 1 : 1 + n) + i].deep_copy();
}

}  // namespace

void IfElseOp::perform(const Apply&, InputRefs inputs, OutputRefs outputs) const {
  bool taken = truth(inputs[0]);
  for (std::int64_t i = 0; i < n_; ++i) outputs[i] = branch_value(inputs, n_, taken, i);
}

std::vector<int> IfElseOp::lazy_perform(const Apply&, InputRefs inputs,
                                        const std::vector<bool>& computed,
                                        OutputRefs outputs) const {
  if (!computed[0]) return {0};
  int base = static_cast<int>(truth(inputs[0]) ? 1 : 1 + n_);
  std::vector<int> needed;
  for (int i = 0; i < n_; ++i)
    if (!computed[base + i]) needed.push_back(base + i);
  if (!needed.empty()) return needed;
  for (int i = 0; i < n_; ++i) outputs[i] = branch_value(inputs, n_, base == 1, i);
  return {};
}

std::optional<std::vector<ShapeVars>> IfElseOp::infer_shape(
    const Apply& node, const std::vector<ShapeVars>& input_shapes) const {
  std::vector<ShapeVars> out;
  for (std::int64_t i = 0; i < n_; ++i) {
    const ShapeVars& ts = input_shapes[1 + i];
    const ShapeVars& es = input_shapes[1 + n_ + i];
    if (ts.size() != es.size()) return std::nullopt;
    ShapeVars dims;
    for (std::size_t d = 0; d < ts.size(); ++d) {
      if (ts[d] == es[d]) {
        dims.push_back(ts[d]);
      } else {
        dims.push_back(make_ifelse(node.input(0), {ts[d]}, {es[d]})[0]);
      }
    }
    out.push_back(std::move(dims));
  }
  return out;
}

std::vector<Var> IfElseOp::L_op(const Apply& node, const std::vector<Var>& g) const {
  const Var& cond = node.input(0);
  std::vector<Var> grads(static_cast<std::size_t>(2 * n_ + 1), disconnected());
  grads[0] = zeros_like(cond);
  for (std::int64_t i = 0; i < n_; ++i) {
    if (!has_grad(g[i])) continue;
    Var zero = zeros_like(g[i], false);
    grads[1 + i] = make_ifelse(cond, {g[i]}, {zero})[0];
    grads[1 + n_ + i] = make_ifelse(cond, {zero}, {g[i]})[0];
  }
  return grads;
}

std::vector<Var> IfElseOp::R_op(const Apply& node, const std::vector<Var>& ev) const {
  std::vector<Var> then_ev, else_ev;
  bool any = false;
  for (std::int64_t i = 0; i < n_; ++i) {
    const Var& t = ev[1 + i];
    const Var& e = ev[1 + n_ + i];
    any = any || t || e;
    then_ev.push_back(t ? t : zeros_like(node.input(1 + i), false));
    else_ev.push_back(e ? e : zeros_like(node.input(1 + n_ + i), false));
  }
  if (!any) return std::vector<Var>(static_cast<std::size_t>(n_));
  return make_ifelse(node.input(0), then_ev, else_ev, label_);
}

std::vector<std::vector<bool>> IfElseOp::connection_pattern(const Apply& node) const {
  std::vector<std::vector<bool>> p(static_cast<std::size_t>(node.nin()),
                                   std::vector<bool>(static_cast<std::size_t>(n_), false));
  std::fill(p.front().begin(), p.front().end(), true);
  for (std::int64_t i = 0; i < n_; ++i) {
    p[1 + i][i] = true;
    p[1 + n_ + i][i] = true;
  }
  return p;
}

std::vector<Var> make_ifelse(const Var& cond, const std::vector<Var>& then_vars,
                             const std::vector<Var>& else_vars, const std::string& label) {
  if (then_vars.size() != else_vars.size()) {
    throw ValueError("ifelse: " + std::to_string(then_vars.size()) + " then values but " +
                     std::to_string(else_vars.size()) + " else values");
  }
  std::vector<Var> inputs{cond};
  inputs.insert(inputs.end(), then_vars.begin(), then_vars.end());
  inputs.insert(inputs.end(), else_vars.begin(), else_vars.end());
  auto op = std::make_shared<IfElseOp>(static_cast<std::int64_t>(then_vars.size()), label);
  return (*op)(std::move(inputs));
}

}  // namespace theano::tensor_ops::extra
