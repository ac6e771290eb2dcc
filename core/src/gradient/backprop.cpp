// The reverse sweep of the gradient driver (see backprop.h).
#include "backprop.h"

#include <algorithm>
#include <stdexcept>

#include "grad_util.h"
#include "theano/core/op.h"
#include "theano/tensor.h"

namespace theano::gradient_detail {

Backprop::Backprop(const ReachMap& reach, PatternCache& patterns,
                   std::unordered_map<const Variable*, Var> seeds, std::string cost_name)
    : reach_(reach),
      patterns_(patterns),
      seeds_(std::move(seeds)),
      cost_name_(std::move(cost_name)) {}

void Backprop::run() {
  const auto& nodes = reach_.nodes();
  for (auto it = nodes.rbegin(); it != nodes.rend(); ++it) terms_[*it] = node_terms(**it);
}

Var Backprop::gradient(const Variable* v) {
  if (auto it = grads_.find(v); it != grads_.end()) return it->second;
  std::vector<Var> terms;
  Var first_null;
  auto take = [&](const Var& term) {
    if (is_null(term)) {
      if (!first_null) first_null = term;
    } else if (!is_disconnected(term)) {
      terms.push_back(term);
    }
  };
  if (auto seed = seeds_.find(v); seed != seeds_.end()) take(seed->second);
  if (const std::vector<Use>* uses = reach_.uses(v)) {
    for (const Use& use : *uses) {
      auto t = terms_.find(use.node);
      if (t == terms_.end()) {
        throw std::logic_error("gradient driver: client " + use.node->op().display() +
                               " of a variable was not differentiated before it");
      }
      for (int i : use.positions) take(t->second[i]);
    }
  }
  Var total = first_null;
  if (!total && !terms.empty()) {
    total = sum_terms(terms);
    if (!cost_name_.empty() && !v->name().empty() && total->name().empty()) {
      total->set_name("(d" + cost_name_ + "/d" + v->name() + ")");
    }
  }
  if (!total) total = disconnected();
  grads_.emplace(v, total);
  return total;
}

// The gradient terms a node sends to each of its inputs.
std::vector<Var> Backprop::node_terms(const Apply& node) {
  const int nin = node.nin(), nout = node.nout();
  std::vector<Var> ograds(nout);
  std::vector<bool> connected(nout), null(nout);
  for (int k = 0; k < nout; ++k) {
    ograds[k] = gradient(node.out(k));
    connected[k] = !is_disconnected(ograds[k]);
    null[k] = is_null(ograds[k]);
  }
  const Pattern& pattern = patterns_.of(node);
  std::vector<bool> inputs_connected(nin, false), only_null(nin, true);
  for (int i = 0; i < nin; ++i) {
    for (int k = 0; k < nout; ++k) {
      if (!pattern[i][k] || !connected[k]) continue;
      inputs_connected[i] = true;
      if (!null[k]) only_null[i] = false;
    }
  }
  auto null_feeding = [&](int i) -> Var {
    for (int k = 0; k < nout; ++k) {
      if (null[k] && pattern[i][k]) return ograds[k];
    }
    return nullptr;
  };
  std::vector<Var> terms(nin);
  bool any_connected =
      std::find(inputs_connected.begin(), inputs_connected.end(), true) != inputs_connected.end();
  bool all_only_null = std::find(only_null.begin(), only_null.end(), false) == only_null.end();
  if (!any_connected || all_only_null) {
    // No L_op call needed: every connected input just inherits an undefined gradient.
    for (int i = 0; i < nin; ++i) {
      terms[i] = inputs_connected[i] ? null_feeding(i) : disconnected();
    }
    return terms;
  }
  terms = call_l_op(node, ograds, null);
  check_terms(node, terms, inputs_connected);
  for (int i = 0; i < nin; ++i) {
    if (is_disconnected(terms[i])) continue;
    if (Var n = null_feeding(i)) terms[i] = n;
  }
  return terms;
}

// Calls the op's L_op with the usable output gradients (null for the
// disconnected and undefined ones), on copies of destroyed inputs.
std::vector<Var> Backprop::call_l_op(const Apply& node, const std::vector<Var>& ograds,
                                     const std::vector<bool>& null_outputs) {
  std::vector<Var> g(node.nout());
  for (int k = 0; k < node.nout(); ++k) {
    if (is_disconnected(ograds[k]) || null_outputs[k]) continue;
    g[k] = cast_to_dtype_of(ograds[k], node.output(k));
  }
  const Apply* target = &node;
  ApplyPtr proxy;
  if (IOMap destroyed = node.op().destroy_map(); !destroyed.empty()) {
    // The gradient must read the inputs before the op overwrites them.
    std::vector<Var> inputs = node.inputs();
    for (const auto& [out, ins] : destroyed) {
      for (int i : ins) inputs.at(i) = tensor::tensor_copy(tensor::TensorVar(inputs.at(i)));
    }
    proxy = node.clone_with_new_inputs(std::move(inputs));
    target = proxy.get();
  }
  std::vector<Var> terms = target->op().L_op(*target, g);
  if (static_cast<int>(terms.size()) != node.nin()) {
    throw ValueError(node.op().display() + ".L_op returned " + std::to_string(terms.size()) +
                     " gradients for " + std::to_string(node.nin()) + " inputs");
  }
  for (Var& t : terms) {
    if (!t) t = disconnected();  // a null Var means "no gradient flows to this input"
  }
  return terms;
}

// Checks each term against its input (tensor-ness, ndim) and casts it to a
// float input's dtype. Inputs the connection pattern rules out are disconnected.
void Backprop::check_terms(const Apply& node, std::vector<Var>& terms,
                           const std::vector<bool>& inputs_connected) {
  for (int i = 0; i < node.nin(); ++i) {
    Var& t = terms[i];
    if (!inputs_connected[i]) {
      t = disconnected();
      continue;
    }
    if (is_null(t) || is_disconnected(t)) continue;
    const Var& input = node.input(i);
    std::string context = node.op().display() + ".L_op (input " + std::to_string(i) + ")";
    if (as_tensor_type(input->type()) && !as_tensor_type(t->type())) {
      throw TypeError(context + " returned a gradient of type " + t->type()->str() +
                      " for a tensor input of type " + input->type()->str());
    }
    check_grad_ndim(input, t, context);
    t = cast_to_dtype_of(t, input);
  }
}

}  // namespace theano::gradient_detail
