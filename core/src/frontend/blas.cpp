// The dot-product front end (see theano/tensor/blas.h).
#include "theano/tensor/blas.h"

#include <algorithm>

#include "detail.h"
#include "theano/tensor/constructors.h"
#include "theano/tensor/dimshuffle.h"
#include "theano/tensor/dtype_rules.h"
#include "theano/tensor/math.h"

namespace theano::tensor {

namespace {

// Both operands as variables of their common dtype.
std::pair<TensorVar, TensorVar> common(const Operand& a, const Operand& b) {
  std::vector<Var> vars = detail::to_vars({&a, &b});
  TensorVar x = vars[0], y = vars[1];
  DType dt = result_dtype({x.dtype(), y.dtype()}, {});
  if (x.dtype() != dt) x = cast(Operand(x.var(), a.loc()), dt);
  if (y.dtype() != dt) y = cast(Operand(y.var(), b.loc()), dt);
  return {x, y};
}

std::vector<std::int64_t> range(std::int64_t from, std::int64_t to) {
  std::vector<std::int64_t> r;
  for (std::int64_t i = from; i < to; ++i) r.push_back(i);
  return r;
}

}  // namespace

TensorVar dot(const Operand& a, const Operand& b) {
  auto [x, y] = common(a, b);
  if (x.ndim() == 0 || y.ndim() == 0) return mul(Operand(x.var(), a.loc()), y);
  if (x.ndim() <= 2 && y.ndim() <= 2) {
    return detail::apply1(detail::make_op("Dot"), {x.var(), y.var()}, a.loc());
  }
  return tensordot(Operand(x.var(), a.loc()), y, {x.ndim() - 1}, {std::max(0, y.ndim() - 2)});
}

TensorVar tensordot(const Operand& a, const Operand& b, int axes) {
  std::vector<Var> vars = detail::to_vars({&a, &b});
  int na = detail::tensor_type(vars[0], "T::tensordot")->ndim();
  int nb = detail::tensor_type(vars[1], "T::tensordot")->ndim();
  if (axes < 0 || axes > na || axes > nb) {
    throw ValueError("T::tensordot: cannot sum over " + std::to_string(axes) +
                     " axes of tensors of " + std::to_string(na) + " and " + std::to_string(nb) +
                     " dimensions");
  }
  return tensordot(a, b, range(na - axes, na), range(0, axes));
}

TensorVar tensordot(const Operand& a, const Operand& b, const std::vector<std::int64_t>& axes_a,
                    const std::vector<std::int64_t>& axes_b) {
  auto [x, y] = common(a, b);
  auto normalise = [](std::vector<std::int64_t> axes, int nd) {
    for (auto& ax : axes) ax = ax < 0 ? ax + nd : ax;
    return axes;
  };
  Props props{{"axes_a", PropValue::ints(normalise(axes_a, x.ndim()))},
              {"axes_b", PropValue::ints(normalise(axes_b, y.ndim()))}};
  return detail::apply1(detail::make_op("TensorDot", props), {x.var(), y.var()}, a.loc());
}

TensorVar batched_dot(const Operand& a, const Operand& b) {
  auto [x, y] = common(a, b);
  if (x.ndim() == 1 || y.ndim() == 1) {
    auto pad = [](const TensorVar& v, int extra) {
      std::vector<std::int64_t> order{0};
      order.insert(order.end(), extra, newaxis);
      return extra > 0 ? dimshuffle(v, order) : v;
    };
    if (x.ndim() == 1) x = pad(x, y.ndim() - 1);
    if (y.ndim() == 1) y = pad(y, x.ndim() - 1);
    return mul(Operand(x.var(), a.loc()), y);
  }
  if (x.ndim() > 3 || y.ndim() > 3) {
    throw ValueError("T::batched_dot: operands of " + std::to_string(x.ndim()) + " and " +
                     std::to_string(y.ndim()) + " dimensions; at most 3 are supported");
  }
  return detail::apply1(detail::make_op("BatchedDot"), {x.var(), y.var()}, a.loc());
}

TensorVar outer(const Operand& a, const Operand& b) {
  auto [x, y] = common(a, b);
  if (x.ndim() != 1 || y.ndim() != 1) {
    throw ValueError("T::outer: expected two vectors, got tensors of " + std::to_string(x.ndim()) +
                     " and " + std::to_string(y.ndim()) + " dimensions");
  }
  return dot(Operand(dimshuffle(x, {0, newaxis}).var(), a.loc()), dimshuffle(y, {newaxis, 0}));
}

TensorVar matrix_dot(const std::vector<Operand>& factors) {
  if (factors.empty()) throw ValueError("T::matrix_dot: no factors");
  TensorVar r = as_tensor(factors[0]);
  for (std::size_t i = 1; i < factors.size(); ++i)
    r = dot(Operand(r.var(), factors[i].loc()), factors[i]);
  return r;
}

TensorVar matmul(const Operand& a, const Operand& b) {
  auto [x, y] = common(a, b);
  if (x.ndim() >= 1 && x.ndim() <= 2 && y.ndim() >= 1 && y.ndim() <= 2) {
    return dot(Operand(x.var(), a.loc()), y);
  }
  if (x.ndim() == 3 && y.ndim() == 3) return batched_dot(Operand(x.var(), a.loc()), y);
  throw ValueError("T::matmul: operands of " + std::to_string(x.ndim()) + " and " +
                   std::to_string(y.ndim()) +
                   " dimensions; supported are 1-D/2-D pairs and 3-D "
                   "pairs");
}

}  // namespace theano::tensor
