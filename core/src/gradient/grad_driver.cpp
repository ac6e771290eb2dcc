// theano::grad and theano::Lop: checks the request, seeds the gradients of
// the cost and of known_grads, runs the reverse sweep and applies the
// policies for disconnected, undefined and integer results.
#include <iostream>
#include <unordered_map>

#include "backprop.h"
#include "grad_util.h"
#include "reach.h"
#include "theano/core/gradient.h"

namespace theano {

namespace gradient_detail {
namespace {

void check_cost(const Var& cost, const GradOptions& options) {
  if (!cost) {
    if (options.known_grads.empty()) {
      throw ValueError(
          "grad: the cost is null and no known_grads were given: nothing to differentiate");
    }
    return;
  }
  auto tt = as_tensor_type(cost->type());
  if (!tt) {
    throw TypeError("grad: the cost must be a 0-d tensor, got " + describe(cost) + " of type " +
                    cost->type()->str());
  }
  bool known = false;
  for (const auto& [v, g] : options.known_grads) known = known || v == cost;
  if (tt->ndim() != 0 && !known) {
    throw TypeError("grad: the cost must be 0-d (a scalar), got " + describe(cost) + " of type " +
                    tt->str() +
                    "; reduce it first (T::sum, T::mean) or give its gradient in known_grads");
  }
}

// The given gradients: known_grads (several for one variable add up) and the
// cost's seed. Also returns the variables the sweep starts from.
std::unordered_map<const Variable*, Var> seed_gradients(const Var& cost, const GradOptions& options,
                                                        std::vector<Var>& starts) {
  std::unordered_map<const Variable*, Var> seeds;
  for (const auto& [v, g] : options.known_grads) {
    if (!v || !g) throw ValueError("grad: known_grads holds a null variable or gradient");
    check_grad_ndim(v, g, "grad: known_grads");
    Var given = cast_to_dtype_of(g, v);
    auto [it, fresh] = seeds.emplace(v.get(), given);
    if (fresh) {
      starts.push_back(v);
    } else if (is_null(given) || is_disconnected(it->second)) {
      it->second = given;
    } else if (!is_null(it->second) && !is_disconnected(given)) {
      it->second = sum_terms({it->second, given});
    }
  }
  if (cost && !seeds.contains(cost.get())) {
    seeds.emplace(cost.get(), seed_ones(cost));
    starts.insert(starts.begin(), cost);
  }
  return seeds;
}

Var disconnected_result(const Var& w, std::size_t index, const GradOptions& options) {
  std::string msg =
      "grad: the cost does not depend on wrt[" + std::to_string(index) + "] " + describe(w) +
      ": it is not in the cost's graph, or reaches it only through consider_constant, "
      "disconnected_grad or non-differentiable connections (set "
      "disconnected_inputs to warn or ignore to accept this)";
  switch (options.disconnected_inputs) {
    case DisconnectedPolicy::Raise:
      throw DisconnectedInputError(msg);
    case DisconnectedPolicy::Warn:
      std::cerr << "theano: warning: " << msg << "\n";
      break;
    case DisconnectedPolicy::Ignore:
      break;
  }
  switch (options.return_disconnected) {
    case ReturnDisconnected::Zero:
      return float_zeros_like(w);
    case ReturnDisconnected::None:
      return nullptr;
    case ReturnDisconnected::Disconnected:
      break;
  }
  return disconnected();
}

Var finish_result(const Var& w, const Var& g, std::size_t index, const GradOptions& options) {
  if (is_disconnected(g)) return disconnected_result(w, index, options);
  if (is_discrete_tensor(w)) return float_zeros_like(w);  // piecewise constant: zero by definition
  if (is_null(g) && options.null_gradients == NullGradients::Raise) {
    auto null_type = std::dynamic_pointer_cast<const NullType>(g->type());
    throw NullTypeGradError("grad: the gradient with respect to wrt[" + std::to_string(index) +
                            "] " + describe(w) +
                            " is undefined: " + (null_type ? null_type->why() : "?") +
                            " (set null_gradients to return to get the NullType variable)");
  }
  return g;
}

}  // namespace
}  // namespace gradient_detail

std::vector<Var> grad(const Var& cost, const std::vector<Var>& wrt, const GradOptions& options) {
  using namespace gradient_detail;
  check_cost(cost, options);
  for (std::size_t i = 0; i < wrt.size(); ++i) {
    if (!wrt[i]) throw ValueError("grad: wrt[" + std::to_string(i) + "] is null");
  }
  std::vector<Var> starts;
  auto seeds = seed_gradients(cost, options, starts);
  PatternCache patterns;
  ReachMap reach(starts, wrt, options.consider_constant, patterns);
  std::string cost_name = options.add_names && cost ? cost->name() : std::string();
  Backprop sweep(reach, patterns, std::move(seeds), cost_name);
  sweep.run();
  std::vector<Var> result;
  result.reserve(wrt.size());
  for (std::size_t i = 0; i < wrt.size(); ++i) {
    result.push_back(finish_result(wrt[i], sweep.gradient(wrt[i].get()), i, options));
  }
  return result;
}

std::vector<Var> Lop(const std::vector<Var>& f, const std::vector<Var>& wrt,
                     const std::vector<Var>& eval_points, const GradOptions& options) {
  if (f.size() != eval_points.size()) {
    throw ValueError("Lop: " + std::to_string(f.size()) + " expressions but " +
                     std::to_string(eval_points.size()) + " eval points");
  }
  GradOptions o = options;
  for (std::size_t k = 0; k < f.size(); ++k) o.known_grads.emplace_back(f[k], eval_points[k]);
  return grad(nullptr, wrt, o);
}

}  // namespace theano
