// Shared helpers of the BLAS ops (see common.h).
#include "common.h"

#include <algorithm>

namespace theano::blas {

std::shared_ptr<const TensorType> tensor_input(const Op& op, const std::vector<Var>& inputs, int i,
                                               std::initializer_list<int> ndims) {
  auto tt = as_tensor_type(inputs.at(i)->type());
  bool ok = tt && std::find(ndims.begin(), ndims.end(), tt->ndim()) != ndims.end();
  if (!ok) {
    std::string want;
    for (int n : ndims) want += (want.empty() ? "" : " or ") + std::to_string(n);
    throw_input_type_error(op, i, "a tensor of " + want + " dimensions", inputs.at(i)->type());
  }
  return tt;
}

void same_dtype(const Op& op, const std::vector<Var>& inputs, int i, int j) {
  auto a = as_tensor_type(inputs.at(i)->type());
  auto b = as_tensor_type(inputs.at(j)->type());
  if (a->dtype() != b->dtype()) {
    throw TypeError(op.display() + ": inputs " + std::to_string(i) + " and " + std::to_string(j) +
                    " must have one dtype, got " + a->str() + " and " + b->str());
  }
}

void check_static(const Op& op, const TensorType& ta, int axis_a, const TensorType& tb,
                  int axis_b) {
  StaticDim a = ta.shape().at(axis_a), b = tb.shape().at(axis_b);
  if (a && b && *a != *b) {
    throw ValueError(op.display() + ": shapes " + static_shape_str(ta.shape()) + " and " +
                     static_shape_str(tb.shape()) + " not aligned: " + std::to_string(*a) +
                     " (dim " + std::to_string(axis_a) + ") != " + std::to_string(*b) + " (dim " +
                     std::to_string(axis_b) + ")");
  }
}

void check_arity(const Op& op, const std::vector<Var>& inputs, std::size_t n) {
  if (inputs.size() != n) {
    throw TypeError(op.display() + ": expected " + std::to_string(n) + " inputs, got " +
                    std::to_string(inputs.size()));
  }
}

StaticDim merge_dim(StaticDim a, StaticDim b) {
  return a ? a : b;
}

NDArray output_buffer(Value& cell, DType dtype, const Shape& shape) {
  if (cell.is_array()) {
    const NDArray& old = cell.array();
    if (old.dtype() == dtype && old.shape() == shape && old.is_c_contiguous() &&
        old.offset() == 0 && old.buffer().use_count() == 1) {
      return old;
    }
  }
  return NDArray::empty(dtype, shape);
}

Var one_dim() {
  return Constant::make(TensorType::make(DType::Int64, StaticShape{}),
                        NDArray::scalar<std::int64_t>(1));
}

}  // namespace theano::blas
