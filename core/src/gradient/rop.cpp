// theano::Rop: forward-mode derivatives pushed through the graph in
// topological order with each op's R_op. An op without R_op gets its node's
// Jacobian-vector product from its L_op instead (Lop of Lop: with u a
// placeholder shaped like the outputs, g(u) = J^T u is linear in u, so the
// gradient of v . g(u) with respect to u is J v whatever u is).
#include <iostream>
#include <unordered_map>
#include <unordered_set>

#include "grad_util.h"
#include "theano/core/gradient.h"

namespace theano {

namespace gradient_detail {
namespace {

// The nodes computing `f` from `sources` in a topological order; the owners
// of source variables are not explored.
std::vector<const Apply*> nodes_between(const std::vector<Var>& sources,
                                        const std::vector<Var>& f) {
  std::unordered_set<const Variable*> stop;
  for (const Var& s : sources) stop.insert(s.get());
  std::vector<const Apply*> order;
  std::unordered_set<const Apply*> done;
  for (const Var& out : f) {
    if (!out->owner() || stop.contains(out.get())) continue;
    std::vector<std::pair<const Apply*, int>> stack{{out->owner(), 0}};
    while (!stack.empty()) {
      auto& [node, next] = stack.back();
      if (done.contains(node)) {
        stack.pop_back();
        continue;
      }
      if (next < node->nin()) {
        const Var& input = node->input(next++);
        const Apply* parent = input->owner();
        if (parent && !stop.contains(input.get()) && !done.contains(parent))
          stack.push_back({parent, 0});
        continue;
      }
      done.insert(node);
      order.push_back(node);
      stack.pop_back();
    }
  }
  return order;
}

std::vector<Var> rop_via_lop(const Apply& node, const std::vector<Var>& points) {
  std::vector<Var> placeholders(node.nout());
  GradOptions backward;
  backward.disconnected_inputs = DisconnectedPolicy::Ignore;
  backward.return_disconnected = ReturnDisconnected::None;
  backward.null_gradients = NullGradients::Return;
  // Partial derivatives: the node's inputs count as independent variables.
  backward.consider_constant = node.inputs();
  for (int k = 0; k < node.nout(); ++k) {
    Var out = node.output(k);
    if (!out->type()->is_differentiable() || !as_tensor_type(out->type())) continue;
    placeholders[k] = float_zeros_like(out);
    backward.known_grads.emplace_back(out, placeholders[k]);
  }
  std::vector<Var> inputs, tangents;
  for (int i = 0; i < node.nin(); ++i) {
    if (points[i]) {
      inputs.push_back(node.input(i));
      tangents.push_back(points[i]);
    }
  }
  std::vector<Var> result(node.nout());
  if (backward.known_grads.empty()) return result;
  std::vector<Var> transposed = grad(nullptr, inputs, backward);  // J^T u per input
  GradOptions forward = backward;
  forward.known_grads.clear();
  forward.consider_constant.clear();
  for (std::size_t j = 0; j < inputs.size(); ++j) {
    const Var& g = transposed[j];
    if (is_null(g)) {
      throw NotImplementedError(node.op().display() +
                                " has no R_op, and its L_op gives no gradient " +
                                "to derive one from: " + g->type()->str());
    }
    if (g) forward.known_grads.emplace_back(g, tangents[j]);
  }
  if (forward.known_grads.empty()) return result;
  std::vector<Var> us;
  for (int k = 0; k < node.nout(); ++k) {
    if (placeholders[k]) us.push_back(placeholders[k]);
  }
  std::vector<Var> jv = grad(nullptr, us, forward);  // J v per output
  std::size_t next = 0;
  for (int k = 0; k < node.nout(); ++k) {
    if (placeholders[k]) result[k] = jv[next++];
  }
  return result;
}

std::vector<Var> node_rop(const Apply& node, const std::vector<Var>& points,
                          const RopOptions& options) {
  std::vector<Var> r;
  try {
    r = node.op().R_op(node, points);
  } catch (const NotImplementedError&) {
    if (!options.lop_fallback) throw;
    return rop_via_lop(node, points);
  }
  if (static_cast<int>(r.size()) != node.nout()) {
    throw ValueError(node.op().display() + ".R_op returned " + std::to_string(r.size()) +
                     " results for " + std::to_string(node.nout()) + " outputs");
  }
  return r;
}

// Pushes the tangents through one node, recording its outputs' tangents.
void propagate(const Apply& node, std::unordered_map<const Variable*, Var>& tangent,
               const std::unordered_set<const Variable*>& sources, const RopOptions& options) {
  std::vector<Var> points(node.nin());
  bool any = false;
  Var undefined;
  for (int i = 0; i < node.nin(); ++i) {
    auto it = tangent.find(node.input(i).get());
    if (it == tangent.end()) continue;
    if (is_null(it->second)) undefined = it->second;
    points[i] = it->second;
    any = true;
  }
  if (!any) return;
  std::vector<Var> outs(node.nout(), undefined);
  if (!undefined) outs = node_rop(node, points, options);
  for (int k = 0; k < node.nout(); ++k) {
    Var out = node.output(k);
    if (!outs[k] || is_disconnected(outs[k]) || sources.contains(out.get())) continue;
    if (!is_null(outs[k])) {
      check_grad_ndim(out, outs[k],
                      node.op().display() + ".R_op (output " + std::to_string(k) + ")");
      outs[k] = cast_to_dtype_of(outs[k], out);
    }
    tangent[out.get()] = outs[k];
  }
}

Var disconnected_output(const Var& out, std::size_t k, const RopOptions& options) {
  std::string msg =
      "Rop: output " + std::to_string(k) + " " + describe(out) +
      " does not depend on any wrt (set disconnected_outputs to warn or ignore to accept this)";
  if (options.disconnected_outputs == DisconnectedPolicy::Raise) throw DisconnectedInputError(msg);
  if (options.disconnected_outputs == DisconnectedPolicy::Warn)
    std::cerr << "theano: warning: " << msg << "\n";
  if (options.return_disconnected == ReturnDisconnected::Zero) return float_zeros_like(out);
  if (options.return_disconnected == ReturnDisconnected::None) return nullptr;
  return disconnected();
}

}  // namespace
}  // namespace gradient_detail

std::vector<Var> Rop(const std::vector<Var>& f, const std::vector<Var>& wrt,
                     const std::vector<Var>& eval_points, const RopOptions& options) {
  using namespace gradient_detail;
  if (wrt.size() != eval_points.size()) {
    throw ValueError("Rop: " + std::to_string(wrt.size()) + " wrt variables but " +
                     std::to_string(eval_points.size()) + " eval points");
  }
  std::unordered_map<const Variable*, Var> tangent;
  std::unordered_set<const Variable*> sources;
  for (std::size_t i = 0; i < wrt.size(); ++i) {
    if (!wrt[i] || !eval_points[i])
      throw ValueError("Rop: wrt[" + std::to_string(i) + "] or its eval point is null");
    check_grad_ndim(wrt[i], eval_points[i], "Rop: eval_points[" + std::to_string(i) + "]");
    tangent[wrt[i].get()] = cast_to_dtype_of(eval_points[i], wrt[i]);
    sources.insert(wrt[i].get());
  }
  for (std::size_t k = 0; k < f.size(); ++k) {
    if (!f[k]) throw ValueError("Rop: f[" + std::to_string(k) + "] is null");
  }
  for (const Apply* node : nodes_between(wrt, f)) propagate(*node, tangent, sources, options);
  std::vector<Var> result;
  for (std::size_t k = 0; k < f.size(); ++k) {
    auto it = tangent.find(f[k].get());
    if (it == tangent.end()) {
      result.push_back(disconnected_output(f[k], k, options));
    } else if (is_null(it->second)) {
      auto null_type = std::dynamic_pointer_cast<const NullType>(it->second->type());
      throw NullTypeGradError("Rop: the derivative of output " + std::to_string(k) + " " +
                              describe(f[k]) +
                              " is undefined: " + (null_type ? null_type->why() : "?"));
    } else {
      result.push_back(it->second);
    }
  }
  return result;
}

}  // namespace theano
