// Symbolic helpers of the indexing ops, built through the tensor front end.
#include "graph_util.h"

#include "theano/core/config.h"
#include "theano/tensor.h"

namespace theano::tensor_ops::indexing {

namespace T = theano::tensor;

Var zeros_like(const Var& x) {
  T::TensorVar tx = x;
  return T::second(tx, T::constant(0.0, tx.dtype()));
}

Var discrete_zero_grad(const Var& x) {
  return T::second(T::TensorVar(x), T::constant(0.0, floatX()));
}

Var sum_to_like(const Var& g, const Var& like) {
  T::TensorVar tg = g, tl = like;
  int extra = tg.ndim() - tl.ndim();
  if (extra > 0) {
    std::vector<std::int64_t> lead;
    for (int d = 0; d < extra; ++d) lead.push_back(d);
    tg = T::sum(tg, T::Axes(lead));
  }
  std::vector<std::int64_t> bcast;
  for (int d = 0; d < tl.ndim(); ++d)
    if (tl.static_shape()[d] == 1 && tg.static_shape()[d] != 1) bcast.push_back(d);
  if (!bcast.empty()) tg = T::sum(tg, T::Axes(bcast), /*keepdims=*/true);
  if (tg.dtype() != tl.dtype()) tg = T::cast(tg, tl.dtype());
  return tg;
}

Var shape_const(std::int64_t v) {
  return Constant::make(TensorType::make(DType::Int64, StaticShape{}),
                        Value(NDArray::scalar<std::int64_t>(v)));
}

namespace {

T::TensorVar component(const Component& c, const Var& sym) {
  if (c.is_sym()) return T::cast(T::TensorVar(sym), DType::Int64);
  return shape_const(c.value);
}

// clip(v < 0 ? v + n : v, lo, hi)
T::TensorVar normalise(const T::TensorVar& v, const T::TensorVar& n, const T::TensorVar& lo,
                       const T::TensorVar& hi) {
  T::TensorVar zero = shape_const(0);
  return T::clip(T::switch_(T::lt(v, zero), v + n, v), lo, hi);
}

T::TensorVar length_for_sign(const T::TensorVar& n, const IndexEntry& e, const Var& start,
                             const Var& stop, const T::TensorVar& step, bool positive) {
  T::TensorVar zero = shape_const(0), one = shape_const(1), minus_one = shape_const(-1);
  if (positive) {
    T::TensorVar b = e.a.is_none() ? zero : normalise(component(e.a, start), n, zero, n);
    T::TensorVar s = e.b.is_none() ? n : normalise(component(e.b, stop), n, zero, n);
    return T::maximum(zero, T::floor_div(s - b + step - one, step));
  }
  T::TensorVar last = n - one;
  T::TensorVar b = e.a.is_none() ? last : normalise(component(e.a, start), n, minus_one, last);
  T::TensorVar s = e.b.is_none() ? minus_one : normalise(component(e.b, stop), n, minus_one, last);
  T::TensorVar neg = -step;
  return T::maximum(zero, T::floor_div(b - s + neg - one, neg));
}

}  // namespace

Var slice_length(const Var& n_var, const IndexEntry& e, const Var& start, const Var& stop,
                 const Var& step_var) {
  T::TensorVar n = T::cast(T::TensorVar(n_var), DType::Int64);
  if (e.c.is_none() || e.c.is_const()) {
    std::int64_t step = e.c.is_none() ? 1 : e.c.value;
    return length_for_sign(n, e, start, stop, shape_const(step), step > 0);
  }
  T::TensorVar step = component(e.c, step_var);
  return T::switch_(T::gt(step, shape_const(0)), length_for_sign(n, e, start, stop, step, true),
                    length_for_sign(n, e, start, stop, step, false));
}

Var disconnected() {
  return Variable::make(DisconnectedType::make());
}

}  // namespace theano::tensor_ops::indexing
