// Dot: numpy.dot for operands of 1 or 2 dimensions, on BLAS (inner product,
// gemv or gemm by rank), with its gradient, R-op and shape.
#include "../kernels/kernels.h"
#include "blas_ops.h"
#include "common.h"
#include "theano/tensor.h"

namespace theano::blas {

namespace T = theano::tensor;

ApplyPtr DotOp::make_node(std::vector<Var> inputs) const {
  check_arity(*this, inputs, 2);
  auto tx = tensor_input(*this, inputs, 0, {1, 2});
  auto ty = tensor_input(*this, inputs, 1, {1, 2});
  same_dtype(*this, inputs, 0, 1);
  check_static(*this, *tx, tx->ndim() - 1, *ty, 0);
  StaticShape out;
  if (tx->ndim() == 2) out.push_back(tx->shape()[0]);
  if (ty->ndim() == 2) out.push_back(ty->shape()[1]);
  return build(std::move(inputs), {TensorType::make(tx->dtype(), out)});
}

void DotOp::perform(const Apply&, InputRefs inputs, OutputRefs outputs) const {
  const NDArray& x = inputs[0].array();
  const NDArray& y = inputs[1].array();
  if (x.dim(x.ndim() - 1) != y.dim(0)) {
    throw_not_aligned(display(), x.shape(), x.ndim() - 1, y.shape(), 0);
  }
  if (x.ndim() == 1 && y.ndim() == 1) {
    outputs[0] = inner(x, y);
  } else if (x.ndim() == 2 && y.ndim() == 1) {
    NDArray out = output_buffer(outputs[0], x.dtype(), {x.dim(0)});
    gemv(1.0, x, y, 0.0, out);
    outputs[0] = std::move(out);
  } else if (x.ndim() == 1) {
    NDArray out = output_buffer(outputs[0], x.dtype(), {y.dim(1)});
    gemv(1.0, y.transpose(), x, 0.0, out);
    outputs[0] = std::move(out);
  } else {
    NDArray out = output_buffer(outputs[0], x.dtype(), {x.dim(0), y.dim(1)});
    gemm(1.0, x, y, 0.0, out);
    outputs[0] = std::move(out);
  }
}

std::optional<std::vector<ShapeVars>> DotOp::infer_shape(const Apply& node,
                                                         const std::vector<ShapeVars>& in) const {
  ShapeVars out;
  if (in[0].size() == 2) out.push_back(in[0][0]);
  if (in[1].size() == 2) out.push_back(in[1][1]);
  (void)node;
  return std::vector<ShapeVars>{out};
}

std::vector<Var> DotOp::L_op(const Apply& node, const std::vector<Var>& output_grads) const {
  T::TensorVar x = node.input(0), y = node.input(1), gz = output_grads[0];
  if (x.ndim() == 1 && y.ndim() == 1) return {gz * y, gz * x};
  if (x.ndim() == 2 && y.ndim() == 1) return {T::outer(gz, y), T::dot(x.T(), gz)};
  if (x.ndim() == 1) return {T::dot(y, gz), T::outer(x, gz)};
  return {T::dot(gz, y.T()), T::dot(x.T(), gz)};
}

std::vector<Var> DotOp::R_op(const Apply& node, const std::vector<Var>& eval_points) const {
  T::TensorVar x = node.input(0), y = node.input(1);
  T::TensorVar r;
  if (eval_points[0]) r = T::dot(eval_points[0], y);
  if (eval_points[1]) {
    T::TensorVar t = T::dot(x, eval_points[1]);
    r = r ? T::TensorVar(r + t) : t;
  }
  return {r.var()};
}

}  // namespace theano::blas
