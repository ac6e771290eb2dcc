// Gradients of reductions. Sum broadcasts the output gradient back over the
// reduced axes; Prod handles zeros exactly (one zero: the product of the
// others at its position; two or more: 0); Max and Min send the gradient to
// every element equal to the extreme.
#include "careduce_op.h"
#include "theano/core/config.h"
#include "theano/tensor.h"

namespace theano::elemwise {

namespace T = theano::tensor;

namespace {

// gz with the reduced axes re-inserted, broadcast to x's shape.
T::TensorVar spread(const T::TensorVar& x, const T::TensorVar& gz,
                    const std::vector<std::int64_t>& axes) {
  std::vector<std::int64_t> order;
  std::int64_t next = 0;
  for (int d = 0; d < x.ndim(); ++d) {
    bool gone = std::find(axes.begin(), axes.end(), d) != axes.end();
    order.push_back(gone ? T::newaxis : next++);
  }
  return T::second(x, T::dimshuffle(gz, order));
}

T::TensorVar keep(const T::TensorVar& x, const T::TensorVar& r,
                  const std::vector<std::int64_t>& axes) {
  std::vector<std::int64_t> order;
  std::int64_t next = 0;
  for (int d = 0; d < x.ndim(); ++d) {
    bool gone = std::find(axes.begin(), axes.end(), d) != axes.end();
    order.push_back(gone ? T::newaxis : next++);
  }
  return T::dimshuffle(r, order);
}

}  // namespace

std::vector<Var> CAReduceOp::L_op(const Apply& node, const std::vector<Var>& output_grads) const {
  T::TensorVar x = node.input(0), out = node.output(0), gz = output_grads.at(0);
  if (spec_.pre) return {grad_undefined(0, "fused reductions are built after differentiation")};
  if (is_discrete(x.dtype()) || is_discrete(out.dtype()) || !gz) {
    DType d = is_discrete(x.dtype()) ? floatX() : x.dtype();
    return {T::second(x, T::constant(0.0, d))};
  }
  const auto& axes = spec_.axes;
  T::TensorVar g;
  switch (spec_.op) {
    case ReduceOp::Add:
      g = spread(x, gz, axes);
      break;
    case ReduceOp::Mul: {
      T::TensorVar is_zero = T::eq(x, 0);
      T::TensorVar zeros = keep(x, T::sum(is_zero, T::Axes(axes)), axes);
      T::TensorVar prod_nz = keep(x, T::prod(T::switch_(is_zero, 1, x), T::Axes(axes)), axes);
      T::TensorVar full = keep(x, out, axes);
      T::TensorVar none = full / T::switch_(is_zero, 1, x);
      T::TensorVar one = T::switch_(is_zero, prod_nz, 0);
      g = T::switch_(T::eq(zeros, 0), none, T::switch_(T::eq(zeros, 1), one, 0)) *
          spread(x, gz, axes);
      break;
    }
    case ReduceOp::Max:
    case ReduceOp::Min:
      g = T::eq(x, keep(x, out, axes)) * spread(x, gz, axes);
      break;
    default:
      return {T::second(x, T::constant(0.0, x.dtype()))};
  }
  return {g.dtype() == x.dtype() ? g : T::cast(g, x.dtype())};
}

std::vector<Var> CAReduceOp::R_op(const Apply& node, const std::vector<Var>& eval_points) const {
  if (spec_.op != ReduceOp::Add || spec_.pre) {
    throw NotImplementedError(display() + ": R_op is implemented for sums only");
  }
  if (!eval_points.at(0)) return {nullptr};
  auto op = std::make_shared<CAReduceOp>(spec_);
  (void)node;
  return {op->make_node({eval_points[0]})->output(0)};
}

}  // namespace theano::elemwise
