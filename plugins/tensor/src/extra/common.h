// Helpers shared by the extra ops (sorting, cumulative ops, ifelse, ...):
// input checking, the optional-axis prop (absent = the flattened array),
// viewing an array as independent lanes along one axis, running those lanes
// in parallel, and the NaN-last ordering NumPy sorts with.
#pragma once

#include <tbb/parallel_for.h>

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "theano/core/ndarray.h"
#include "theano/core/op.h"

namespace theano::tensor_ops::extra {

/// An axis, or nullopt for "the flattened array" (NumPy's axis=None).
using OptAxis = std::optional<std::int64_t>;

/// The prop value of an optional axis: an int, or none.
PropValue axis_prop(const OptAxis& axis);
/// Reads an optional axis prop; a missing or none value is the flattened form.
OptAxis axis_from(const Props& props, std::string_view key = "axis");
/// "axis=1" / "axis=None", for messages.
std::string axis_str(const OptAxis& axis);

/// Checks the input count is in [lo, hi]; throws TypeError naming the op.
void expect_arity(const Op& op, const std::vector<Var>& inputs, std::size_t lo, std::size_t hi);
/// Input `i` as a tensor type; throws the standard input type error otherwise.
std::shared_ptr<const TensorType> tensor_input(const Op& op, const std::vector<Var>& inputs, int i);
/// `axis` normalised into [0, ndim); throws ValueError naming the op.
int normalize_axis(const Op& op, std::int64_t axis, int ndim);
/// Throws TypeError when `dtype` has no order (complex).
void require_ordered(const Op& op, DType dtype, int input);
/// The static shape of the flattened form of `type` (one dim, known when all are).
StaticShape flat_shape(const TensorType& type);

/// A C-contiguous array seen as `outer x len x inner`: each of the
/// outer*inner lanes is a run of `len` elements `inner` apart.
struct Lanes {
  std::int64_t outer = 1, len = 1, inner = 1;
  std::int64_t count() const { return outer * inner; }
  /// Element offset of lane `lane`'s first element.
  std::int64_t start(std::int64_t lane) const {
    return (lane / inner) * len * inner + lane % inner;
  }
};
Lanes lanes_along(const Shape& shape, int axis);

/// The C-contiguous input of a lane op and its lane layout: flattened for
/// the none axis, else along the normalised axis. float16 is widened to
/// float32 (the caller narrows the result back).
struct LaneInput {
  NDArray data;
  Lanes lanes;
  int axis = 0;  ///< the normalised axis (0 for the flattened form)
};
LaneInput lane_input(const Op& op, const NDArray& x, const OptAxis& axis);

/// Runs fn(lane) for every lane, in parallel when the array is large.
template <class F>
void for_each_lane(const Lanes& l, F&& fn) {
  constexpr std::int64_t kParallelElements = 32768;
  if (l.count() > 1 && l.count() * l.len >= kParallelElements) {
    tbb::parallel_for(std::int64_t{0}, l.count(), [&](std::int64_t lane) { fn(lane); });
  } else {
    for (std::int64_t lane = 0; lane < l.count(); ++lane) fn(lane);
  }
}

/// NumPy's sort order: NaN after everything else.
template <class V>
bool less_nan_last(V a, V b) {
  if constexpr (std::is_floating_point_v<V>) {
    return a < b || (std::isnan(b) && !std::isnan(a));
  } else {
    return a < b;
  }
}
template <class V>
bool same_nan_equal(V a, V b) {
  if constexpr (std::is_floating_point_v<V>) {
    return a == b || (std::isnan(a) && std::isnan(b));
  } else {
    return a == b;
  }
}

/// Calls fn(tag) for a real (ordered, non-float16) dtype; throws TypeError otherwise.
template <class F>
void visit_ordered(const Op& op, DType dtype, F&& fn) {
  visit_dtype(dtype, [&](auto tag) {
    using V = typename decltype(tag)::type;
    if constexpr (std::is_arithmetic_v<V>) {
      fn(tag);
    } else {
      throw TypeError(op.display() + ": unsupported dtype " + std::string(dtype_name(dtype)));
    }
  });
}

/// Zeros with the shape and dtype of `x` (a float dtype for discrete x):
/// the gradient of an input an output does not change.
Var zeros_like(const Var& x, bool float_for_discrete = true);
/// A DisconnectedType variable.
Var disconnected();
/// True when `g` is a usable output gradient (not null, not disconnected).
bool has_grad(const Var& g);

}  // namespace theano::tensor_ops::extra
