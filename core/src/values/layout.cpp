// Layout arithmetic: overflow-checked extents and shape sizes, and the loop
// plan (size-1 dims dropped, contiguous dims merged) used by strided kernels.
#include "layout.h"

#include <string>

namespace theano::detail {
namespace {

std::int64_t checked_mul(std::int64_t a, std::int64_t b, const char* context) {
  std::int64_t out = 0;
  if (__builtin_mul_overflow(a, b, &out)) {
    throw ValueError(std::string(context) + ": array size overflows 64 bits");
  }
  return out;
}

std::int64_t checked_add(std::int64_t a, std::int64_t b, const char* context) {
  std::int64_t out = 0;
  if (__builtin_add_overflow(a, b, &out)) {
    throw ValueError(std::string(context) + ": array extent overflows 64 bits");
  }
  return out;
}

}  // namespace

void check_shape(const Shape& shape, std::size_t itemsize, const char* context) {
  std::int64_t bytes = static_cast<std::int64_t>(itemsize);
  for (std::int64_t dim : shape) {
    if (dim < 0) {
      throw ValueError(std::string(context) + ": negative dimension in shape " + shape_str(shape));
    }
    if (dim > 0) bytes = checked_mul(bytes, dim, context);  // zero dims still size strides
  }
}

Extent layout_extent(const Shape& shape, const Strides& strides, std::size_t itemsize) {
  Extent extent;
  for (std::size_t i = 0; i < shape.size(); ++i) {
    if (shape[i] == 0) return Extent{};
  }
  for (std::size_t i = 0; i < shape.size(); ++i) {
    const std::int64_t span = checked_mul(shape[i] - 1, strides[i], "layout");
    if (span < 0) {
      extent.low = checked_add(extent.low, span, "layout");
    } else {
      extent.high = checked_add(extent.high, span, "layout");
    }
  }
  extent.high = checked_add(extent.high, static_cast<std::int64_t>(itemsize), "layout");
  return extent;
}

LoopPlan plan_loop(const Shape& shape, const Strides& strides0, const Strides& strides1) {
  LoopPlan plan;
  for (std::int64_t dim : shape) {
    if (dim == 0) return plan;
  }
  for (std::size_t i = 0; i < shape.size(); ++i) {
    if (shape[i] == 1) continue;
    if (!plan.shape.empty() && plan.strides0.back() == shape[i] * strides0[i] &&
        plan.strides1.back() == shape[i] * strides1[i]) {
      plan.shape.back() *= shape[i];
      plan.strides0.back() = strides0[i];
      plan.strides1.back() = strides1[i];
      continue;
    }
    plan.shape.push_back(shape[i]);
    plan.strides0.push_back(strides0[i]);
    plan.strides1.push_back(strides1[i]);
  }
  if (plan.shape.empty()) {  // a single element
    plan.shape = {1};
    plan.strides0 = {0};
    plan.strides1 = {0};
  }
  return plan;
}

}  // namespace theano::detail
