// The inner loops of reductions: fold a contiguous run into one
// accumulator (`fold`), or combine a run elementwise into a run of
// accumulators (`combine`). Kernels exist for value dtype == accumulator
// dtype and for the widening pairs sums use (float32 -> float64, small ints ->
// int64, ...); other pairs are converted to the accumulator dtype first.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "theano/core/dtype.h"
#include "theano/core/ndarray.h"

namespace theano::elemwise {

/// The binary operations reductions use.
enum class ReduceOp { Add, Mul, Max, Min, And, Or, Xor };

/// "add" -> Add ...; throws ValueError naming the supported ones.
ReduceOp parse_reduce_op(const std::string& scalar_op);
std::string reduce_op_name(ReduceOp op);

struct ReduceKernels {
  /// *acc = op(*acc, op(x[0..n)))
  void (*fold)(const void* x, std::int64_t n, void* acc) = nullptr;
  /// acc[i] = op(acc[i], x[i]) for i < n
  void (*combine)(const void* x, std::int64_t n, void* acc) = nullptr;
};

/// Kernels reading values of dtype `value` into accumulators of `acc`, or
/// nullopt when that pair has none (convert to `acc` first).
std::optional<ReduceKernels> reduce_kernels(ReduceOp op, DType value, DType acc);

/// The initial accumulator (the op's identity; -inf / lowest for max, ...)
/// as a 0-d array of dtype `acc`.
NDArray reduce_identity(ReduceOp op, DType acc);
/// False for max/min, whose "identity" is not a valid result of an empty
/// reduction.
bool has_identity(ReduceOp op);

}  // namespace theano::elemwise
