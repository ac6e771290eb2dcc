// BatchedDot: out[i] = dot(x[i], y[i]) for 2-D / 3-D operands, one gemm,
// gemv or inner product per batch element.
#include "../kernels/kernels.h"
#include "blas_ops.h"
#include "common.h"
#include "theano/tensor.h"

namespace theano::blas {

namespace T = theano::tensor;

ApplyPtr BatchedDotOp::make_node(std::vector<Var> inputs) const {
  check_arity(*this, inputs, 2);
  auto tx = tensor_input(*this, inputs, 0, {2, 3});
  auto ty = tensor_input(*this, inputs, 1, {2, 3});
  same_dtype(*this, inputs, 0, 1);
  check_static(*this, *tx, 0, *ty, 0);
  check_static(*this, *tx, tx->ndim() - 1, *ty, 1);
  StaticShape out{merge_dim(tx->shape()[0], ty->shape()[0])};
  if (tx->ndim() == 3) out.push_back(tx->shape()[1]);
  if (ty->ndim() == 3) out.push_back(ty->shape()[2]);
  return build(std::move(inputs), {TensorType::make(tx->dtype(), out)});
}

void BatchedDotOp::perform(const Apply&, InputRefs inputs, OutputRefs outputs) const {
  const NDArray& x = inputs[0].array();
  const NDArray& y = inputs[1].array();
  if (x.dim(0) != y.dim(0)) {
    throw ValueError(display() + ": batch sizes differ: shapes " + shape_str(x.shape()) + " and " +
                     shape_str(y.shape()));
  }
  if (x.dim(x.ndim() - 1) != y.dim(1)) {
    throw_not_aligned(display(), x.shape(), x.ndim() - 1, y.shape(), 1);
  }
  Shape shape{x.dim(0)};
  if (x.ndim() == 3) shape.push_back(x.dim(1));
  if (y.ndim() == 3) shape.push_back(y.dim(2));
  NDArray out = output_buffer(outputs[0], x.dtype(), shape);
  for (std::int64_t b = 0; b < x.dim(0); ++b) {
    NDArray xb = x.index(0, b), yb = y.index(0, b);
    if (x.ndim() == 3 && y.ndim() == 3) {
      gemm(1.0, xb, yb, 0.0, out.index(0, b));
    } else if (x.ndim() == 3) {
      gemv(1.0, xb, yb, 0.0, out.index(0, b));
    } else if (y.ndim() == 3) {
      gemv(1.0, yb.transpose(), xb, 0.0, out.index(0, b));
    } else {
      out.index(0, b).assign(inner(xb, yb));
    }
  }
  outputs[0] = std::move(out);
}

std::optional<std::vector<ShapeVars>> BatchedDotOp::infer_shape(
    const Apply&, const std::vector<ShapeVars>& in) const {
  ShapeVars out{in[0][0]};
  if (in[0].size() == 3) out.push_back(in[0][1]);
  if (in[1].size() == 3) out.push_back(in[1][2]);
  return std::vector<ShapeVars>{out};
}

std::vector<Var> BatchedDotOp::L_op(const Apply& node, const std::vector<Var>& output_grads) const {
  T::TensorVar x = node.input(0), y = node.input(1), gz = output_grads[0];
  if (x.ndim() == 3 && y.ndim() == 3) {
    return {T::batched_dot(gz, T::swapaxes(y, 1, 2)), T::batched_dot(T::swapaxes(x, 1, 2), gz)};
  }
  if (x.ndim() == 2 && y.ndim() == 3) {
    return {T::batched_dot(y, gz),
            x.dimshuffle({0, 1, T::newaxis}) * gz.dimshuffle({0, T::newaxis, 1})};
  }
  if (x.ndim() == 3) {
    return {gz.dimshuffle({0, 1, T::newaxis}) * y.dimshuffle({0, T::newaxis, 1}),
            T::batched_dot(gz, x)};
  }
  T::TensorVar g = gz.dimshuffle({0, T::newaxis});
  return {g * y, g * x};
}

std::vector<Var> BatchedDotOp::R_op(const Apply& node, const std::vector<Var>& eval_points) const {
  T::TensorVar x = node.input(0), y = node.input(1);
  T::TensorVar r;
  if (eval_points[0]) r = T::batched_dot(eval_points[0], y);
  if (eval_points[1]) {
    T::TensorVar t = T::batched_dot(x, eval_points[1]);
    r = r ? T::TensorVar(r + t) : t;
  }
  return {r.var()};
}

}  // namespace theano::blas
