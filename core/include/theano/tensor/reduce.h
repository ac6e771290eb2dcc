// Reductions (CAReduce and friends from the theano.ops.elemwise plugin) and
// the statistics built from them.
#pragma once

#include <optional>

#include "theano/tensor/var.h"

namespace theano::tensor {

/// Output and accumulator dtypes of sum/prod. Defaults follow Theano: small
/// integers sum into int64 (uint64), float16 and float32 accumulate in
/// float32 / float64 and return their own dtype.
struct ReduceDTypes {
  std::optional<DType> dtype;
  std::optional<DType> acc_dtype;
};

TensorVar sum(const Operand& x, Axes axes = {}, bool keepdims = false, ReduceDTypes dtypes = {});
TensorVar prod(const Operand& x, Axes axes = {}, bool keepdims = false, ReduceDTypes dtypes = {});
TensorVar max(const Operand& x, Axes axes = {}, bool keepdims = false);
TensorVar min(const Operand& x, Axes axes = {}, bool keepdims = false);
/// Logical reductions; the output is bool.
TensorVar all(const Operand& x, Axes axes = {}, bool keepdims = false);
TensorVar any(const Operand& x, Axes axes = {}, bool keepdims = false);
/// sum / count. Integer inputs give float64; float16 is summed in float32.
TensorVar mean(const Operand& x, Axes axes = {}, bool keepdims = false);
/// Mean squared deviation, divided by N - ddof.
TensorVar var(const Operand& x, Axes axes = {}, bool keepdims = false, int ddof = 0);
TensorVar std(const Operand& x, Axes axes = {}, bool keepdims = false, int ddof = 0);
/// Index (int64) of the first maximum; several axes are flattened in C order.
TensorVar argmax(const Operand& x, Axes axes = {}, bool keepdims = false);
TensorVar argmin(const Operand& x, Axes axes = {}, bool keepdims = false);
/// max - min.
TensorVar ptp(const Operand& x, Axes axes = {}, bool keepdims = false);

/// The L-norm along axes: (sum |x|^L)^(1/L); L = 1 and 2 take shortcuts.
TensorVar norm(const Operand& x, double L = 2, Axes axes = {}, bool keepdims = false);

/// The number of elements along `axes` as an int64 0-d tensor: a constant
/// when the static shape knows it, else a product of Shape_i nodes.
TensorVar count(const Operand& x, Axes axes = {});

}  // namespace theano::tensor
