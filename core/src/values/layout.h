// Internal: arithmetic on array layouts (shape, byte strides, offset) shared by
// the NDArray sources: overflow-checked extents and the coalesced loop plan
// that every strided copy or comparison walks.
#pragma once

#include <cstdint>
#include <type_traits>
#include <vector>

#include "theano/core/ndarray.h"

namespace theano::detail {

/// Lowest and one-past-highest byte, relative to element 0, that a layout
/// touches. Both are 0 for an empty array.
struct Extent {
  std::int64_t low = 0;
  std::int64_t high = 0;
};
/// Throws ValueError when the extent does not fit in 64 bits.
Extent layout_extent(const Shape& shape, const Strides& strides, std::size_t itemsize);

/// Throws ValueError for negative dims or a byte size that overflows.
void check_shape(const Shape& shape, std::size_t itemsize, const char* context);

/// Two layouts over the same shape, simplified for iteration: size-1 dims are
/// dropped and dims that are contiguous in both are merged. The last dim is
/// the inner loop. `shape` is empty when there is nothing to visit.
struct LoopPlan {
  std::vector<std::int64_t> shape;
  std::vector<std::int64_t> strides0;
  std::vector<std::int64_t> strides1;
};
LoopPlan plan_loop(const Shape& shape, const Strides& strides0, const Strides& strides1);

/// Calls `row(p0, p1, n)` for every inner row of the plan; the row's elements
/// are `p0 + i * plan.strides0.back()` and `p1 + i * plan.strides1.back()`.
/// `row` returns false to stop early; for_each_row then returns false too.
template <class P0, class P1, class Row>
bool for_each_row(const LoopPlan& plan, P0* p0, P1* p1, Row&& row) {
  using B0 = std::conditional_t<std::is_const_v<P0>, const char, char>;
  using B1 = std::conditional_t<std::is_const_v<P1>, const char, char>;
  const int ndim = static_cast<int>(plan.shape.size());
  if (ndim == 0) return true;
  const std::int64_t inner = plan.shape[ndim - 1];
  std::vector<std::int64_t> counter(ndim, 0);
  std::int64_t offset0 = 0;
  std::int64_t offset1 = 0;
  while (true) {
    if (!row(reinterpret_cast<B0*>(p0) + offset0, reinterpret_cast<B1*>(p1) + offset1, inner)) {
      return false;
    }
    int axis = ndim - 2;
    for (; axis >= 0; --axis) {
      offset0 += plan.strides0[axis];
      offset1 += plan.strides1[axis];
      if (++counter[axis] < plan.shape[axis]) break;
      offset0 -= plan.strides0[axis] * plan.shape[axis];
      offset1 -= plan.strides1[axis] * plan.shape[axis];
      counter[axis] = 0;
    }
    if (axis < 0) return true;
  }
}

}  // namespace theano::detail
