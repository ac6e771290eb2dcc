// The reverse sweep of the gradient driver: given the seed gradients and the
// reachability map, calls each node's L_op in reverse topological order and
// sums the terms each variable receives from its clients. Handles the
// driver's side of the Op contract: disconnected and undefined (NullType)
// output gradients, output gradients cast to their output's dtype, inputs
// an op destroys, and the checks on what an L_op returns.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "reach.h"

namespace theano::gradient_detail {

class Backprop {
 public:
  /// `seeds` are the given gradients (cost seed and known_grads): a seeded
  /// variable's total gradient is its seed plus what flows back to it from
  /// its clients, as for a cost  C + sum_k <seed_k, v_k>. `cost_name` names
  /// results "(d<cost>/d<var>)" when not empty.
  Backprop(const ReachMap& reach, PatternCache& patterns,
           std::unordered_map<const Variable*, Var> seeds, std::string cost_name);
  /// Runs the sweep; afterwards gradient() answers for any variable.
  void run();
  /// The total gradient of `v`: a tensor, or a NullType / DisconnectedType variable.
  Var gradient(const Variable* v);

 private:
  std::vector<Var> node_terms(const Apply& node);
  std::vector<Var> call_l_op(const Apply& node, const std::vector<Var>& output_grads,
                             const std::vector<bool>& null_outputs);
  void check_terms(const Apply& node, std::vector<Var>& terms,
                   const std::vector<bool>& inputs_connected);

  const ReachMap& reach_;
  PatternCache& patterns_;
  std::unordered_map<const Variable*, Var> seeds_;
  std::unordered_map<const Variable*, Var> grads_;
  std::unordered_map<const Apply*, std::vector<Var>> terms_;
  std::string cost_name_;
};

}  // namespace theano::gradient_detail
