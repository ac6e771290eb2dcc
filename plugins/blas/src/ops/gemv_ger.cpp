// Gemv (beta*y + alpha*A@x) and Ger (A + alpha*outer(x, y)), each with an
// in-place variant the in-place pass swaps in.
#include "../kernels/kernels.h"
#include "blas_ops.h"
#include "common.h"
#include "theano/tensor.h"

namespace theano::blas {

namespace T = theano::tensor;

std::string GemvOp::display() const {
  return inplace_ ? "Gemv{inplace}" : "Gemv{no_inplace}";
}

ApplyPtr GemvOp::make_node(std::vector<Var> inputs) const {
  check_arity(*this, inputs, 5);
  auto ty = tensor_input(*this, inputs, 0, {1});
  tensor_input(*this, inputs, 1, {0});
  auto ta = tensor_input(*this, inputs, 2, {2});
  auto tx = tensor_input(*this, inputs, 3, {1});
  tensor_input(*this, inputs, 4, {0});
  for (int i : {1, 2, 3, 4}) same_dtype(*this, inputs, 0, i);
  check_static(*this, *ta, 1, *tx, 0);
  check_static(*this, *ta, 0, *ty, 0);
  StaticShape out{merge_dim(ty->shape()[0], ta->shape()[0])};
  return build(std::move(inputs), {TensorType::make(ty->dtype(), out)});
}

void GemvOp::precheck(const Apply&, InputRefs inputs) const {
  const NDArray& y = inputs[0].array();
  const NDArray& a = inputs[2].array();
  const NDArray& x = inputs[3].array();
  if (a.dim(1) != x.dim(0)) throw_not_aligned(display(), a.shape(), 1, x.shape(), 0);
  if (y.dim(0) != a.dim(0)) {
    throw ValueError(display() + ": y of shape " + shape_str(y.shape()) +
                     " cannot hold the product of " + shape_str(a.shape()) + " and " +
                     shape_str(x.shape()));
  }
}

void GemvOp::perform(const Apply& node, InputRefs inputs, OutputRefs outputs) const {
  precheck(node, inputs);
  const NDArray& y = inputs[0].array();
  const NDArray& a = inputs[2].array();
  const NDArray& x = inputs[3].array();
  Scalar alpha = scalar_of(inputs[1].array()), beta = scalar_of(inputs[4].array());
  if (inplace_) {
    gemv(alpha, a, x, beta, y);
    outputs[0] = y;
    return;
  }
  NDArray out = output_buffer(outputs[0], y.dtype(), y.shape());
  if (beta != Scalar(0)) out.assign(y);
  gemv(alpha, a, x, beta, out);
  outputs[0] = std::move(out);
}

std::optional<std::vector<ShapeVars>> GemvOp::infer_shape(const Apply&,
                                                          const std::vector<ShapeVars>& in) const {
  return std::vector<ShapeVars>{in[0]};
}

std::vector<Var> GemvOp::L_op(const Apply& node, const std::vector<Var>& output_grads) const {
  T::TensorVar y = node.input(0), alpha = node.input(1), a = node.input(2), x = node.input(3),
               beta = node.input(4), gz = output_grads[0];
  return {beta * gz, T::sum(gz * T::dot(a, x)), alpha * T::outer(gz, x), alpha * T::dot(a.T(), gz),
          T::sum(gz * y)};
}

IOMap GemvOp::destroy_map() const {
  if (!inplace_) return {};
  return {{0, {0}}};
}

std::vector<std::pair<int, int>> GemvOp::inplace_candidates(const Apply&) const {
  if (inplace_) return {};
  return {{0, 0}};
}

OpPtr GemvOp::with_inplace(const Apply&, int output, int input) const {
  if (output != 0 || input != 0) return nullptr;
  return std::make_shared<GemvOp>(true);
}

std::string GerOp::display() const {
  return destructive_ ? "Ger{destructive}" : "Ger{non-destructive}";
}

ApplyPtr GerOp::make_node(std::vector<Var> inputs) const {
  check_arity(*this, inputs, 4);
  auto ta = tensor_input(*this, inputs, 0, {2});
  tensor_input(*this, inputs, 1, {0});
  auto tx = tensor_input(*this, inputs, 2, {1});
  auto ty = tensor_input(*this, inputs, 3, {1});
  for (int i : {1, 2, 3}) same_dtype(*this, inputs, 0, i);
  check_static(*this, *ta, 0, *tx, 0);
  check_static(*this, *ta, 1, *ty, 0);
  StaticShape out{merge_dim(ta->shape()[0], tx->shape()[0]),
                  merge_dim(ta->shape()[1], ty->shape()[0])};
  return build(std::move(inputs), {TensorType::make(ta->dtype(), out)});
}

void GerOp::precheck(const Apply&, InputRefs inputs) const {
  const NDArray& a = inputs[0].array();
  const NDArray& x = inputs[2].array();
  const NDArray& y = inputs[3].array();
  if (a.dim(0) != x.dim(0) || a.dim(1) != y.dim(0)) {
    throw ValueError(display() + ": A of shape " + shape_str(a.shape()) +
                     " does not match the outer product of " + shape_str(x.shape()) + " and " +
                     shape_str(y.shape()));
  }
}

void GerOp::perform(const Apply& node, InputRefs inputs, OutputRefs outputs) const {
  precheck(node, inputs);
  const NDArray& a = inputs[0].array();
  const NDArray& x = inputs[2].array();
  const NDArray& y = inputs[3].array();
  NDArray out = a;
  if (!destructive_) {
    out = output_buffer(outputs[0], a.dtype(), a.shape());
    out.assign(a);
  }
  ger(scalar_of(inputs[1].array()), x, y, out);
  outputs[0] = std::move(out);
}

std::optional<std::vector<ShapeVars>> GerOp::infer_shape(const Apply&,
                                                         const std::vector<ShapeVars>& in) const {
  return std::vector<ShapeVars>{in[0]};
}

std::vector<Var> GerOp::L_op(const Apply& node, const std::vector<Var>& output_grads) const {
  T::TensorVar alpha = node.input(1), x = node.input(2), y = node.input(3), gz = output_grads[0];
  return {gz, T::sum(gz * T::outer(x, y)), alpha * T::dot(gz, y), alpha * T::dot(gz.T(), x)};
}

IOMap GerOp::destroy_map() const {
  if (!destructive_) return {};
  return {{0, {0}}};
}

std::vector<std::pair<int, int>> GerOp::inplace_candidates(const Apply&) const {
  if (destructive_) return {};
  return {{0, 0}};
}

OpPtr GerOp::with_inplace(const Apply&, int output, int input) const {
  if (output != 0 || input != 0) return nullptr;
  return std::make_shared<GerOp>(true);
}

}  // namespace theano::blas
