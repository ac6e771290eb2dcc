// Dot22, Dot22Scalar and Gemm: the matrix products the optimizer inserts,
// all one ?gemm call on whatever layouts their inputs have.
#include "../kernels/kernels.h"
#include "blas_ops.h"
#include "common.h"
#include "theano/tensor.h"

namespace theano::blas {

namespace T = theano::tensor;

namespace {

void check_float(const Op& op, const TensorType& t) {
  if (!is_float(t.dtype()) && !is_complex(t.dtype())) {
    throw TypeError(op.display() + ": needs float or complex matrices, got " + t.str());
  }
}

void check_product(const Op& op, const NDArray& x, const NDArray& y) {
  if (x.dim(1) != y.dim(0)) throw_not_aligned(op.display(), x.shape(), 1, y.shape(), 0);
}

StaticShape product_shape(const TensorType& tx, const TensorType& ty) {
  return {tx.shape()[0], ty.shape()[1]};
}

}  // namespace

ApplyPtr Dot22Op::make_node(std::vector<Var> inputs) const {
  check_arity(*this, inputs, 2);
  auto tx = tensor_input(*this, inputs, 0, {2});
  auto ty = tensor_input(*this, inputs, 1, {2});
  same_dtype(*this, inputs, 0, 1);
  check_float(*this, *tx);
  check_static(*this, *tx, 1, *ty, 0);
  return build(std::move(inputs), {TensorType::make(tx->dtype(), product_shape(*tx, *ty))});
}

void Dot22Op::perform(const Apply&, InputRefs inputs, OutputRefs outputs) const {
  const NDArray& x = inputs[0].array();
  const NDArray& y = inputs[1].array();
  check_product(*this, x, y);
  NDArray out = output_buffer(outputs[0], x.dtype(), {x.dim(0), y.dim(1)});
  gemm(1.0, x, y, 0.0, out);
  outputs[0] = std::move(out);
}

std::optional<std::vector<ShapeVars>> Dot22Op::infer_shape(const Apply&,
                                                           const std::vector<ShapeVars>& in) const {
  return std::vector<ShapeVars>{{in[0][0], in[1][1]}};
}

std::vector<Var> Dot22Op::L_op(const Apply& node, const std::vector<Var>& output_grads) const {
  T::TensorVar x = node.input(0), y = node.input(1), gz = output_grads[0];
  return {T::dot(gz, y.T()), T::dot(x.T(), gz)};
}

ApplyPtr Dot22ScalarOp::make_node(std::vector<Var> inputs) const {
  check_arity(*this, inputs, 3);
  auto tx = tensor_input(*this, inputs, 0, {2});
  auto ty = tensor_input(*this, inputs, 1, {2});
  tensor_input(*this, inputs, 2, {0});
  same_dtype(*this, inputs, 0, 1);
  same_dtype(*this, inputs, 0, 2);
  check_float(*this, *tx);
  check_static(*this, *tx, 1, *ty, 0);
  return build(std::move(inputs), {TensorType::make(tx->dtype(), product_shape(*tx, *ty))});
}

void Dot22ScalarOp::perform(const Apply&, InputRefs inputs, OutputRefs outputs) const {
  const NDArray& x = inputs[0].array();
  const NDArray& y = inputs[1].array();
  check_product(*this, x, y);
  NDArray out = output_buffer(outputs[0], x.dtype(), {x.dim(0), y.dim(1)});
  gemm(scalar_of(inputs[2].array()), x, y, 0.0, out);
  outputs[0] = std::move(out);
}

std::optional<std::vector<ShapeVars>> Dot22ScalarOp::infer_shape(
    const Apply&, const std::vector<ShapeVars>& in) const {
  return std::vector<ShapeVars>{{in[0][0], in[1][1]}};
}

std::vector<Var> Dot22ScalarOp::L_op(const Apply& node,
                                     const std::vector<Var>& output_grads) const {
  T::TensorVar x = node.input(0), y = node.input(1), a = node.input(2), gz = output_grads[0];
  return {a * T::dot(gz, y.T()), a * T::dot(x.T(), gz), T::sum(gz * T::dot(x, y))};
}

std::string GemmOp::display() const {
  return inplace_ ? "Gemm{inplace}" : "Gemm{no_inplace}";
}

ApplyPtr GemmOp::make_node(std::vector<Var> inputs) const {
  check_arity(*this, inputs, 5);
  auto tz = tensor_input(*this, inputs, 0, {2});
  tensor_input(*this, inputs, 1, {0});
  auto tx = tensor_input(*this, inputs, 2, {2});
  auto ty = tensor_input(*this, inputs, 3, {2});
  tensor_input(*this, inputs, 4, {0});
  for (int i : {1, 2, 3, 4}) same_dtype(*this, inputs, 0, i);
  check_float(*this, *tz);
  check_static(*this, *tx, 1, *ty, 0);
  check_static(*this, *tz, 0, *tx, 0);
  check_static(*this, *tz, 1, *ty, 1);
  StaticShape out{merge_dim(tz->shape()[0], tx->shape()[0]),
                  merge_dim(tz->shape()[1], ty->shape()[1])};
  return build(std::move(inputs), {TensorType::make(tz->dtype(), out)});
}

void GemmOp::precheck(const Apply&, InputRefs inputs) const {
  const NDArray& z = inputs[0].array();
  const NDArray& x = inputs[2].array();
  const NDArray& y = inputs[3].array();
  check_product(*this, x, y);
  if (z.dim(0) != x.dim(0) || z.dim(1) != y.dim(1)) {
    throw ValueError(display() + ": z of shape " + shape_str(z.shape()) +
                     " cannot hold the product of " + shape_str(x.shape()) + " and " +
                     shape_str(y.shape()));
  }
}

void GemmOp::perform(const Apply& node, InputRefs inputs, OutputRefs outputs) const {
  precheck(node, inputs);
  const NDArray& z = inputs[0].array();
  const NDArray& x = inputs[2].array();
  const NDArray& y = inputs[3].array();
  Scalar alpha = scalar_of(inputs[1].array()), beta = scalar_of(inputs[4].array());
  NDArray out = z;
  if (!inplace_) {
    out = output_buffer(outputs[0], z.dtype(), z.shape());
    if (beta != Scalar(0)) out.assign(z);
  }
  gemm(alpha, x, y, beta, out);
  outputs[0] = std::move(out);
}

std::optional<std::vector<ShapeVars>> GemmOp::infer_shape(const Apply&,
                                                          const std::vector<ShapeVars>& in) const {
  return std::vector<ShapeVars>{in[0]};
}

std::vector<Var> GemmOp::L_op(const Apply& node, const std::vector<Var>& output_grads) const {
  T::TensorVar z = node.input(0), a = node.input(1), x = node.input(2), y = node.input(3),
               b = node.input(4), gz = output_grads[0];
  return {b * gz, T::sum(gz * T::dot(x, y)), a * T::dot(gz, y.T()), a * T::dot(x.T(), gz),
          T::sum(gz * z)};
}

IOMap GemmOp::destroy_map() const {
  if (!inplace_) return {};
  return {{0, {0}}};
}

std::vector<std::pair<int, int>> GemmOp::inplace_candidates(const Apply&) const {
  if (inplace_) return {};
  return {{0, 0}};
}

OpPtr GemmOp::with_inplace(const Apply&, int output, int input) const {
  if (output != 0 || input != 0) return nullptr;
  return std::make_shared<GemmOp>(true);
}

}  // namespace theano::blas
