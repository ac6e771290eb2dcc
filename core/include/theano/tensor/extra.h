// Front end: sorting (sort, argsort, topk, searchsorted, unique),
// cumulative ops and differences (cumsum, cumprod, diff), counting
// (bincount) and the lazy conditional ifelse. The ops live in the
// theano.ops.tensor plugin.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "theano/tensor/var.h"

namespace theano::tensor {

/// An axis argument: an index (negative counts from the end), or
/// std::nullopt for the flattened array (NumPy's axis=None).
using OptAxis = std::optional<std::int64_t>;

/// The values sorted along `axis` (NaN last; ties keep their order).
TensorVar sort(const Operand& x, OptAxis axis = -1);
/// The int64 indices that sort `x` along `axis` (stable, NaN last).
TensorVar argsort(const Operand& x, OptAxis axis = -1);
/// The |k| largest values along `axis` (k > 0, largest first) or the |k|
/// smallest (k < 0, smallest first). `k` is an integer scalar.
TensorVar topk(const Operand& x, const Operand& k, OptAxis axis = -1);
/// The indices (of `idx_dtype`) of the values topk returns.
TensorVar argtopk(const Operand& x, const Operand& k, OptAxis axis = -1,
                  DType idx_dtype = DType::Int64);
/// topk and argtopk from one node.
std::pair<TensorVar, TensorVar> topk_and_argtopk(const Operand& x, const Operand& k,
                                                 OptAxis axis = -1, DType idx_dtype = DType::Int64);
/// int64 indices where `v`'s elements would be inserted into the sorted
/// vector `sorted` to keep it sorted; side "left" or "right" as NumPy.
TensorVar searchsorted(const Operand& sorted, const Operand& v, const std::string& side = "left");
/// As above, `sorted` being sorted by the permutation `sorter`.
TensorVar searchsorted(const Operand& sorted, const Operand& v, const Operand& sorter,
                       const std::string& side);

/// Cumulative sum / product along `axis` (default: the flattened array).
/// The dtype is the input's (bool counts as int64).
TensorVar cumsum(const Operand& x, OptAxis axis = std::nullopt);
TensorVar cumprod(const Operand& x, OptAxis axis = std::nullopt);
/// The n-th discrete difference along `axis` (the axis shrinks by n).
TensorVar diff(const Operand& x, int n = 1, std::int64_t axis = -1);

/// Occurrences of each value of a non-negative integer vector; the length
/// is max(max(x) + 1, minlength).
TensorVar bincount(const Operand& x, std::int64_t minlength = 0);
/// Sums of `weights` per value (the weights' float dtype; float64 for integers).
TensorVar bincount(const Operand& x, const Operand& weights, std::int64_t minlength = 0);

/// The outputs of unique; members not requested are null.
struct UniqueResult {
  TensorVar values;   ///< sorted distinct values of the flattened input
  TensorVar index;    ///< int64: first occurrence of each value
  TensorVar inverse;  ///< int64: values[inverse] rebuilds the flattened input
  TensorVar counts;   ///< int64: occurrences of each value
};
UniqueResult unique(const Operand& x, bool return_index = false, bool return_inverse = false,
                    bool return_counts = false);

/// Lazy conditional: `then_value` when the 0-d `cond` is nonzero, else
/// `else_value`; only the selected branch is computed. The branches must
/// have one dtype and ndim (a C++ number becomes a 0-d constant of the
/// other branch's dtype).
TensorVar ifelse(const Operand& cond, const Operand& then_value, const Operand& else_value,
                 const std::string& name = {});
/// The same for several values at once, selected by one condition.
std::vector<TensorVar> ifelse(const Operand& cond, const std::vector<TensorVar>& then_values,
                              const std::vector<TensorVar>& else_values,
                              const std::string& name = {});

}  // namespace theano::tensor
