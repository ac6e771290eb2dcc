// Input checks of the nnet ops.
#include "common.h"

namespace theano::nnet {

void check_arity(const Op& op, const std::vector<Var>& inputs, std::size_t want) {
  if (inputs.size() != want) {
    throw TypeError(op.display() + ": expected " + std::to_string(want) + " inputs, got " +
                    std::to_string(inputs.size()));
  }
}

std::shared_ptr<const TensorType> float_input(const Op& op, const std::vector<Var>& inputs, int i,
                                              int ndim) {
  auto tt = as_tensor_type(inputs.at(static_cast<std::size_t>(i))->type());
  std::string want = ndim < 0 ? "a float tensor of at least 1 dim"
                              : "a float tensor of " + std::to_string(ndim) + " dims";
  if (!tt || !is_float(tt->dtype()) || (ndim < 0 ? tt->ndim() < 1 : tt->ndim() != ndim))
    throw_input_type_error(op, i, want, inputs[static_cast<std::size_t>(i)]->type());
  return tt;
}

std::shared_ptr<const TensorType> index_input(const Op& op, const std::vector<Var>& inputs, int i) {
  auto tt = as_tensor_type(inputs.at(static_cast<std::size_t>(i))->type());
  if (!tt || !is_int(tt->dtype()) || tt->ndim() != 1)
    throw_input_type_error(op, i, "an integer vector (class indices)",
                           inputs[static_cast<std::size_t>(i)]->type());
  return tt;
}

std::int64_t class_index(const NDArray& y, std::int64_t r, std::int64_t len,
                         const std::string& op) {
  std::int64_t k = y.data<std::int64_t>()[r];
  if (k < 0 || k >= len) {
    throw ValueError(op + ": class index " + std::to_string(k) + " of row " + std::to_string(r) +
                     " is out of range [0, " + std::to_string(len) + ")");
  }
  return k;
}

}  // namespace theano::nnet
