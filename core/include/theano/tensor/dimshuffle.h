// Views that rearrange axes (DimShuffle from the theano.ops.elemwise plugin).
#pragma once

#include <cstdint>
#include <vector>

#include "theano/tensor/var.h"

namespace theano::tensor {

/// Reorders axes, inserts broadcastable ones (T::newaxis) and drops
/// broadcastable ones; a zero-copy view.
TensorVar dimshuffle(const Operand& x, const std::vector<std::int64_t>& pattern);
/// Reverses the axes, or permutes them by `perm`.
TensorVar transpose(const Operand& x, const std::vector<std::int64_t>& perm = {});
TensorVar swapaxes(const Operand& x, std::int64_t a, std::int64_t b);
/// Adds `n` broadcastable axes on the left / right.
TensorVar shape_padleft(const Operand& x, int n = 1);
TensorVar shape_padright(const Operand& x, int n = 1);
/// Inserts one broadcastable axis at `axis`.
TensorVar shape_padaxis(const Operand& x, std::int64_t axis);
inline TensorVar expand_dims(const Operand& x, std::int64_t axis) {
  return shape_padaxis(x, axis);
}
/// Drops every axis of static size 1.
TensorVar squeeze(const Operand& x);

}  // namespace theano::tensor
