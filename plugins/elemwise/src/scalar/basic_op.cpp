// BasicScalarOp's gradient: the table's rule applied to tensors.
#include "basic_op.h"

namespace theano::elemwise {

Var zero_grad(const T::TensorVar& x, const T::TensorVar& gz) {
  DType d = is_discrete(x.dtype()) ? floatX() : x.dtype();
  return T::second(gz, T::constant(0.0, d));
}

std::vector<Var> BasicScalarOp::grad(const std::vector<Var>& inputs,
                                     const std::vector<Var>& outputs,
                                     const std::vector<Var>& output_grads) const {
  GradArgs g;
  for (const Var& v : inputs) g.x.emplace_back(v);
  g.out = outputs.at(0);
  g.gz = output_grads.at(0);
  if (!spec_.grad) {
    std::vector<Var> zeros;
    for (const auto& x : g.x) zeros.push_back(zero_grad(x, g.gz));
    return zeros;
  }
  std::vector<Var> r = spec_.grad(g);
  if (r.empty()) return ScalarOp::grad(inputs, outputs, output_grads);
  return r;
}

}  // namespace theano::elemwise
