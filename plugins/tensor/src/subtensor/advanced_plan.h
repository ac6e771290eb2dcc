// NumPy advanced indexing at run time and its static output shape. Masks
// become their nonzero() index arrays, slices and new axes give a view, the
// index arrays broadcast together, and their result dims go where the first
// one was when all advanced entries are adjacent, else in front.
#pragma once

#include <cstdint>
#include <vector>

#include "index_spec.h"

namespace theano::tensor_ops::indexing {

/// How an advanced index maps the output (the "region") onto x.
class AdvancedPlan {
 public:
  /// Reads the index inputs of `idx` from `inputs` starting at `first`.
  AdvancedPlan(const NDArray& x, const IdxList& idx, InputRefs inputs, int first);

  /// Shape of x[idx].
  const Shape& region_shape() const { return region_shape_; }
  /// Number of index tuples (the broadcast index shape's size).
  std::int64_t count() const { return count_; }
  /// The view of `base` (x or a copy of it) with the slices and new axes applied.
  NDArray sliced(const NDArray& base) const { return basic_view(base, entries_); }
  /// The part of `sliced` (a view) that tuple `b` selects.
  NDArray x_part(const NDArray& sliced, std::int64_t b) const;
  /// True when every tuple selects a single element (no dims besides the arrays').
  bool selects_elements() const { return rest_dims_.empty(); }
  /// Byte offsets from element 0 of `sliced`, one per tuple.
  std::vector<std::int64_t> x_offsets(const NDArray& sliced) const;
  /// Byte offsets from element 0 of `region`, one per tuple.
  std::vector<std::int64_t> region_offsets(const NDArray& region) const;
  /// The part of `region` (an array of region_shape()) belonging to tuple `b`.
  NDArray region_part(const NDArray& region, std::int64_t b) const;

 private:
  std::vector<ResolvedEntry> entries_;
  std::vector<int> array_dims_;                     // dims of the sliced view the arrays index
  std::vector<int> rest_dims_;                      // the other dims of the sliced view
  std::vector<std::vector<std::int64_t>> indices_;  // per array, broadcast, normalised
  Shape bshape_;
  int bpos_ = 0;
  std::int64_t count_ = 1;
  Shape region_shape_;
};

/// Static shape of x[idx] for an advanced index with the given index input types.
StaticShape advanced_static_shape(const StaticShape& x, const IdxList& idx,
                                  const std::vector<std::shared_ptr<const TensorType>>& arrays,
                                  const std::string& op);

}  // namespace theano::tensor_ops::indexing
