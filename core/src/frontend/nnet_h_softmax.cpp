// Front end of the two-level hierarchical softmax: a graph of dot, tensordot,
// batched_dot, softmax and indexing (no op of its own), as Theano's
// nnet.h_softmax builds it.
#include "theano/tensor/h_softmax.h"

#include "theano/core/errors.h"
#include "theano/tensor.h"

namespace theano::tensor::nnet {

namespace {

void check_sizes(std::int64_t n_outputs, std::int64_t n_classes, std::int64_t per_class) {
  if (n_outputs <= 0 || n_classes <= 0 || per_class <= 0 || n_classes * per_class < n_outputs) {
    throw ValueError(
        "h_softmax: need positive sizes with n_classes * n_outputs_per_class >= "
        "n_outputs, got n_outputs=" +
        std::to_string(n_outputs) + ", n_classes=" + std::to_string(n_classes) +
        ", n_outputs_per_class=" + std::to_string(per_class));
  }
}

}  // namespace

TensorVar h_softmax(const Operand& x, std::int64_t n_outputs, std::int64_t n_classes,
                    std::int64_t n_outputs_per_class, const Operand& W1, const Operand& b1,
                    const Operand& W2, const Operand& b2, const std::optional<Operand>& target) {
  check_sizes(n_outputs, n_classes, n_outputs_per_class);
  TensorVar xv = as_tensor(x), w2 = as_tensor(W2), bias2 = as_tensor(b2);
  if (xv.ndim() != 2 || w2.ndim() != 3 || bias2.ndim() != 2) {
    throw TypeError(
        "h_softmax: expected x (batch, dim), W2 (n_classes, dim, per_class) and b2 "
        "(n_classes, per_class), got ndims " +
        std::to_string(xv.ndim()) + ", " + std::to_string(w2.ndim()) + ", " +
        std::to_string(bias2.ndim()));
  }
  TensorVar batch = shape_i(xv, 0);
  TensorVar class_probs = softmax(dot(xv, W1) + b1);  // (batch, n_classes)
  if (!target) {
    // Every class's second level: (batch, n_classes, per_class).
    TensorVar act = tensordot(xv, w2, std::vector<std::int64_t>{1}, std::vector<std::int64_t>{1}) +
                    bias2.dimshuffle({newaxis, 0, 1});
    TensorVar within = reshape(softmax(reshape(act, {Operand(-1), Operand(n_outputs_per_class)})),
                               {Operand(batch), Operand(n_classes), Operand(n_outputs_per_class)});
    TensorVar probs = within * class_probs.dimshuffle({0, 1, newaxis});
    TensorVar flat = reshape(probs, {Operand(batch), Operand(n_classes * n_outputs_per_class)});
    return index(flat, {slice(), slice(0, n_outputs)});
  }
  TensorVar t = as_tensor(*target);
  TensorVar target_class = int_div(t, n_outputs_per_class);
  TensorVar target_in_class = mod(t, n_outputs_per_class);
  TensorVar rows = arange(batch);
  // Only the target's class: (batch, dim) x (batch, dim, per_class) -> (batch, per_class).
  TensorVar act =
      batched_dot(xv, index(w2, {Index(target_class)})) + index(bias2, {Index(target_class)});
  TensorVar within = softmax(act);
  return index(class_probs, {Index(rows), Index(target_class)}) *
         index(within, {Index(rows), Index(target_in_class)});
}

}  // namespace theano::tensor::nnet
