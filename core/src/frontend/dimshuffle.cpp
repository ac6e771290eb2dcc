// Axis views: dimshuffle, transpose, padding and squeezing.
#include "theano/tensor/dimshuffle.h"

#include "detail.h"
#include "theano/tensor/constructors.h"

namespace theano::tensor {

TensorVar dimshuffle(const Operand& x, const std::vector<std::int64_t>& pattern) {
  Var v = as_tensor(x).var();
  return detail::apply1(
      detail::make_op("DimShuffle", Props{{"new_order", PropValue::ints(pattern)}}), {v}, x.loc());
}

TensorVar transpose(const Operand& x, const std::vector<std::int64_t>& perm) {
  int nd = detail::tensor_type(as_tensor(x).var(), "T::transpose")->ndim();
  std::vector<std::int64_t> order = perm;
  if (order.empty()) {
    for (int d = nd - 1; d >= 0; --d) order.push_back(d);
  } else if (static_cast<int>(order.size()) != nd) {
    throw ValueError("T::transpose: permutation of " + std::to_string(order.size()) +
                     " axes for a tensor of " + std::to_string(nd) + " dimensions");
  }
  for (auto& a : order) a = a < 0 ? a + nd : a;
  return dimshuffle(x, order);
}

TensorVar swapaxes(const Operand& x, std::int64_t a, std::int64_t b) {
  int nd = detail::tensor_type(as_tensor(x).var(), "T::swapaxes")->ndim();
  std::vector<std::int64_t> order;
  for (int d = 0; d < nd; ++d) order.push_back(d);
  a = a < 0 ? a + nd : a;
  b = b < 0 ? b + nd : b;
  if (a < 0 || a >= nd || b < 0 || b >= nd) {
    throw ValueError("T::swapaxes: axes out of range for a tensor of " + std::to_string(nd) +
                     " dimensions");
  }
  std::swap(order[a], order[b]);
  return dimshuffle(x, order);
}

TensorVar shape_padleft(const Operand& x, int n) {
  int nd = detail::tensor_type(as_tensor(x).var(), "T::shape_padleft")->ndim();
  std::vector<std::int64_t> order(n, newaxis);
  for (int d = 0; d < nd; ++d) order.push_back(d);
  return dimshuffle(x, order);
}

TensorVar shape_padright(const Operand& x, int n) {
  int nd = detail::tensor_type(as_tensor(x).var(), "T::shape_padright")->ndim();
  std::vector<std::int64_t> order;
  for (int d = 0; d < nd; ++d) order.push_back(d);
  order.insert(order.end(), n, newaxis);
  return dimshuffle(x, order);
}

TensorVar shape_padaxis(const Operand& x, std::int64_t axis) {
  int nd = detail::tensor_type(as_tensor(x).var(), "T::shape_padaxis")->ndim();
  std::int64_t a = axis < 0 ? axis + nd + 1 : axis;
  if (a < 0 || a > nd) {
    throw ValueError("T::shape_padaxis: axis " + std::to_string(axis) +
                     " out of range for a tensor of " + std::to_string(nd) + " dimensions");
  }
  std::vector<std::int64_t> order;
  for (int d = 0; d < nd; ++d) order.push_back(d);
  order.insert(order.begin() + a, newaxis);
  return dimshuffle(x, order);
}

TensorVar squeeze(const Operand& x) {
  auto tt = detail::tensor_type(as_tensor(x).var(), "T::squeeze");
  std::vector<std::int64_t> order;
  for (int d = 0; d < tt->ndim(); ++d)
    if (tt->shape()[d] != 1) order.push_back(d);
  return dimshuffle(x, order);
}

}  // namespace theano::tensor
