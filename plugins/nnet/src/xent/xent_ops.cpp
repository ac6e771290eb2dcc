// The cross-entropy ops: node checks, kernels and symbolic gradients. The
// fused op computes softmax, the negative log-likelihood and the argmax of
// each row in one pass plus one write pass; its nll is m + log(s) - v[y] with
// m the row max and s the shifted sum, so it stays finite for huge logits.
#include "xent_ops.h"

#include "../common.h"
#include "../softmax/rows.h"
#include "theano/core/config.h"
#include "theano/tensor.h"

namespace theano::nnet {

namespace T = theano::tensor;

namespace {

Var no_index_grad(const Var& y) {
  return T::second(y, T::constant(0.0, floatX()));
}

NDArray indices(const Value& y) {
  return as_dtype(y.array(), DType::Int64);
}

void check_rows(const Op& op, std::int64_t rows, const NDArray& v, const std::string& what) {
  if (v.ndim() != 1 || v.dim(0) != rows) {
    throw ValueError(op.display() + ": " + what + " has shape " + shape_str(v.shape()) +
                     ", expected (" + std::to_string(rows) + ",) (one per row)");
  }
}

std::shared_ptr<const TensorType> vector_like(const TensorType& m, DType dtype) {
  return TensorType::make(dtype, StaticShape{m.shape()[0]}, m.device());
}

}  // namespace

// --- CrossentropyCategorical1Hot ---------------------------------------------------

ApplyPtr Xent1HotOp::make_node(std::vector<Var> inputs) const {
  check_arity(*this, inputs, 2);
  auto p = float_input(*this, inputs, 0, 2);
  index_input(*this, inputs, 1);
  return build(std::move(inputs), {vector_like(*p, p->dtype())});
}

void Xent1HotOp::perform(const Apply&, InputRefs inputs, OutputRefs outputs) const {
  const NDArray& p = inputs[0].array();
  NDArray y = indices(inputs[1]);
  check_rows(*this, p.dim(0), y, "y");
  NDArray pw = as_dtype(p, work_dtype(p.dtype()));
  NDArray out = NDArray::empty(pw.dtype(), {p.dim(0)});
  with_float(pw.dtype(), [&](auto tag) {
    using F = decltype(tag);
    const F* pp = pw.data<F>();
    F* o = out.data<F>();
    for (std::int64_t r = 0; r < p.dim(0); ++r)
      o[r] = -std::log(pp[r * p.dim(1) + class_index(y, r, p.dim(1), display())]);
  });
  outputs[0] = as_dtype(out, p.dtype());
}

std::optional<std::vector<ShapeVars>> Xent1HotOp::infer_shape(
    const Apply&, const std::vector<ShapeVars>& input_shapes) const {
  return std::vector<ShapeVars>{{input_shapes[0][0]}};
}

std::vector<Var> Xent1HotOp::L_op(const Apply& node, const std::vector<Var>& output_grads) const {
  return {
      T::nnet::crossentropy_categorical_1hot_grad(output_grads[0], node.input(0), node.input(1)),
      no_index_grad(node.input(1))};
}

// --- CrossentropyCategorical1HotGrad -----------------------------------------------

ApplyPtr Xent1HotGradOp::make_node(std::vector<Var> inputs) const {
  check_arity(*this, inputs, 3);
  float_input(*this, inputs, 0, 1);
  auto p = float_input(*this, inputs, 1, 2);
  index_input(*this, inputs, 2);
  return build(std::move(inputs), {TensorType::make(p->dtype(), p->shape(), p->device())});
}

void Xent1HotGradOp::perform(const Apply&, InputRefs inputs, OutputRefs outputs) const {
  const NDArray& p = inputs[1].array();
  DType work = work_dtype(p.dtype());
  NDArray g = as_dtype(inputs[0].array(), work);
  NDArray pw = as_dtype(p, work);
  NDArray y = indices(inputs[2]);
  check_rows(*this, p.dim(0), y, "y");
  check_rows(*this, p.dim(0), g, "the output gradient");
  NDArray out = NDArray::zeros(work, p.shape());
  with_float(work, [&](auto tag) {
    using F = decltype(tag);
    const std::int64_t len = p.dim(1);
    for (std::int64_t r = 0; r < p.dim(0); ++r) {
      std::int64_t k = r * len + class_index(y, r, len, display());
      out.data<F>()[k] = -g.data<F>()[r] / pw.data<F>()[k];
    }
  });
  outputs[0] = as_dtype(out, p.dtype());
}

std::optional<std::vector<ShapeVars>> Xent1HotGradOp::infer_shape(
    const Apply&, const std::vector<ShapeVars>& input_shapes) const {
  return std::vector<ShapeVars>{input_shapes[1]};
}

std::vector<Var> Xent1HotGradOp::L_op(const Apply& node,
                                      const std::vector<Var>& output_grads) const {
  // With M = -onehot(y) / p (this op at g = 1): out = g[:, None] * M.
  T::TensorVar g = node.input(0), p = node.input(1), gout = output_grads[0];
  T::TensorVar m = T::nnet::crossentropy_categorical_1hot_grad(
      T::second(g, T::constant(1.0, g.dtype())), p, node.input(2));
  T::TensorVar g_col = g.dimshuffle({0, T::newaxis});
  return {T::sum(gout * m, 1), gout * g_col * T::sqr(m), no_index_grad(node.input(2))};
}

// --- CrossentropySoftmaxArgmax1HotWithBias -----------------------------------------

ApplyPtr XentSoftmaxArgmaxOp::make_node(std::vector<Var> inputs) const {
  check_arity(*this, inputs, 3);
  auto x = float_input(*this, inputs, 0, 2);
  auto b = as_tensor_type(inputs[1]->type());
  if (!b || b->dtype() != x->dtype() || b->ndim() > 1)
    throw_input_type_error(*this, 1, "a bias vector (or 0-d) of x's dtype", inputs[1]->type());
  index_input(*this, inputs, 2);
  return build(std::move(inputs),
               {vector_like(*x, x->dtype()), TensorType::make(x->dtype(), x->shape(), x->device()),
                vector_like(*x, DType::Int64)});
}

namespace {

template <class F>
void xent_rows(const F* x, const F* b, const NDArray& y, std::int64_t rows, std::int64_t len,
               F* nll, F* sm, std::int64_t* am, const std::string& op) {
  for (std::int64_t r = 0; r < rows; ++r) class_index(y, r, len, op);  // checks first
  const std::int64_t* yy = y.data<std::int64_t>();
  for_rows(rows, len, [=](std::int64_t r0, std::int64_t r1) {
    for (std::int64_t r = r0; r < r1; ++r) {
      const F* xr = x + r * len;
      F m, s;
      row_max_sum<F, true>(xr, b, len, m, s);
      F inv = F(1) / s;
      F* smr = sm + r * len;
      for (std::int64_t j = 0; j < len; ++j) smr[j] = xr[j] + b[j] - m;
      exp_inplace(smr, len);
      for (std::int64_t j = 0; j < len; ++j) smr[j] *= inv;
      std::int64_t arg = 0;
      for (std::int64_t j = 0; j < len; ++j) {
        F v = xr[j] + b[j];
        if (v == m || v != v) {
          arg = j;
          break;
        }
      }
      nll[r] = (m - (xr[yy[r]] + b[yy[r]])) + std::log(s);
      am[r] = arg;
    }
  });
}

}  // namespace

void XentSoftmaxArgmaxOp::perform(const Apply&, InputRefs inputs, OutputRefs outputs) const {
  const NDArray& x = inputs[0].array();
  DType work = work_dtype(x.dtype());
  const std::int64_t rows = x.dim(0), len = x.dim(1);
  if (len == 0)
    throw ValueError(display() + ": x has no columns (shape " + shape_str(x.shape()) + ")");
  NDArray xw = as_dtype(x, work);
  NDArray b = inputs[1].array().astype(work);
  b = (b.ndim() == 0 ? b.broadcast_to({len}) : b).ascontiguous();
  if (b.dim(0) != len) {
    throw ValueError(display() + ": bias length " + std::to_string(b.dim(0)) +
                     " does not match x's columns, shape " + shape_str(x.shape()));
  }
  NDArray y = indices(inputs[2]);
  check_rows(*this, rows, y, "y");
  NDArray nll = NDArray::empty(work, {rows}), sm = NDArray::empty(work, {rows, len});
  NDArray am = NDArray::empty(DType::Int64, {rows});
  with_float(work, [&](auto tag) {
    using F = decltype(tag);
    xent_rows<F>(xw.data<F>(), b.data<F>(), y, rows, len, nll.data<F>(), sm.data<F>(),
                 am.data<std::int64_t>(), display());
  });
  outputs[0] = as_dtype(nll, x.dtype());
  outputs[1] = as_dtype(sm, x.dtype());
  outputs[2] = am;
}

std::optional<std::vector<ShapeVars>> XentSoftmaxArgmaxOp::infer_shape(
    const Apply&, const std::vector<ShapeVars>& input_shapes) const {
  const ShapeVars& x = input_shapes[0];
  return std::vector<ShapeVars>{{x[0]}, x, {x[0]}};
}

std::vector<Var> XentSoftmaxArgmaxOp::L_op(const Apply& node,
                                           const std::vector<Var>& output_grads) const {
  T::TensorVar x = node.input(0), b = node.input(1), y = node.input(2), sm = node.out(1)->self();
  T::TensorVar dx;
  if (output_grads[0]) dx = T::nnet::crossentropy_softmax_1hot_with_bias_dx(output_grads[0], sm, y);
  if (output_grads[1]) {
    T::TensorVar from_sm = T::nnet::softmax_grad(output_grads[1], sm, -1);
    dx = dx ? dx + from_sm : from_sm;
  }
  if (!dx) dx = T::second(x, T::constant(0.0, x.dtype()));
  T::TensorVar db = b.ndim() == 0 ? T::sum(dx) : T::sum(dx, 0);
  return {dx, db, no_index_grad(y)};
}

// --- CrossentropySoftmax1HotWithBiasDx ---------------------------------------------

ApplyPtr XentSoftmaxDxOp::make_node(std::vector<Var> inputs) const {
  check_arity(*this, inputs, 3);
  auto g = float_input(*this, inputs, 0, 1);
  auto sm = float_input(*this, inputs, 1, 2);
  index_input(*this, inputs, 2);
  if (g->dtype() != sm->dtype()) {
    throw TypeError(display() + ": dnll and sm must have the same dtype, got " + g->str() +
                    " and " + sm->str());
  }
  return build(std::move(inputs), {TensorType::make(sm->dtype(), sm->shape(), sm->device())});
}

void XentSoftmaxDxOp::perform(const Apply&, InputRefs inputs, OutputRefs outputs) const {
  const NDArray& sm = inputs[1].array();
  DType work = work_dtype(sm.dtype());
  const std::int64_t rows = sm.dim(0), len = sm.dim(1);
  NDArray g = as_dtype(inputs[0].array(), work);
  NDArray s = as_dtype(sm, work);
  NDArray y = indices(inputs[2]);
  check_rows(*this, rows, y, "y");
  check_rows(*this, rows, g, "dnll");
  for (std::int64_t r = 0; r < rows; ++r) class_index(y, r, len, display());
  NDArray out = NDArray::empty(work, {rows, len});
  with_float(work, [&](auto tag) {
    using F = decltype(tag);
    const F *gp = g.data<F>(), *sp = s.data<F>();
    F* o = out.data<F>();
    const std::int64_t* yy = y.data<std::int64_t>();
    for_rows(rows, len, [=](std::int64_t r0, std::int64_t r1) {
      for (std::int64_t r = r0; r < r1; ++r) {
        for (std::int64_t j = 0; j < len; ++j) o[r * len + j] = gp[r] * sp[r * len + j];
        o[r * len + yy[r]] -= gp[r];
      }
    });
  });
  outputs[0] = as_dtype(out, sm.dtype());
}

std::optional<std::vector<ShapeVars>> XentSoftmaxDxOp::infer_shape(
    const Apply&, const std::vector<ShapeVars>& input_shapes) const {
  return std::vector<ShapeVars>{input_shapes[1]};
}

std::vector<Var> XentSoftmaxDxOp::L_op(const Apply& node,
                                       const std::vector<Var>& output_grads) const {
  // dx = dnll[:, None] * (sm - onehot): linear in dnll and in sm.
  T::TensorVar g = node.input(0), sm = node.input(1), y = node.input(2), gout = output_grads[0];
  T::TensorVar per_unit = T::nnet::crossentropy_softmax_1hot_with_bias_dx(
      T::second(g, T::constant(1.0, g.dtype())), sm, y);
  return {T::sum(gout * per_unit, 1), gout * g.dimshuffle({0, T::newaxis}), no_index_grad(y)};
}

}  // namespace theano::nnet
