// Front end: indexing with NumPy's rules (T::index(x, {T::slice(1, -1), 2,
// T::new_axis, T::ellipsis})), set_subtensor / inc_subtensor on the same
// index lists, and take. Basic entries (integers, slices, new axes) give a
// Subtensor view; one integer vector on axis 0 gives AdvancedSubtensor1;
// other integer arrays give AdvancedSubtensor; boolean masks give
// AdvancedBooleanSubtensor.
#pragma once

#include <concepts>
#include <cstdint>
#include <optional>
#include <source_location>
#include <vector>

#include "theano/core/ndarray.h"
#include "theano/tensor/var.h"

namespace theano::tensor {

/// A slice bound or step: absent (std::nullopt / T::none), a C++ integer
/// or a 0-d integer TensorVar.
class SliceBound {
 public:
  SliceBound() = default;
  SliceBound(std::nullopt_t) {}  // NOLINT: implicit by design
  template <class I>
  requires(std::integral<I> && !std::same_as<I, bool>) SliceBound(I v)  // NOLINT
      : value_(static_cast<std::int64_t>(v)) {}
  SliceBound(const TensorVar& v) : var_(v) {}  // NOLINT

  bool is_none() const { return !value_ && !var_; }
  const std::optional<std::int64_t>& value() const { return value_; }
  const TensorVar& var() const { return var_; }

 private:
  std::optional<std::int64_t> value_;
  TensorVar var_;
};

/// start:stop:step, NumPy's slice.
struct Slice {
  SliceBound start, stop, step;
};
/// T::slice() is ":", T::slice(1) is "1:", T::slice(1, -1), T::slice(none, none, -1) is "::-1".
inline Slice slice(SliceBound start = {}, SliceBound stop = {}, SliceBound step = {}) {
  return Slice{std::move(start), std::move(stop), std::move(step)};
}
/// Python's None as a slice bound.
inline constexpr std::nullopt_t none = std::nullopt;

struct NewAxisTag {};
/// Inserts a broadcastable axis (np.newaxis). T::newaxis is the dimshuffle
/// entry -1 and would read as the integer index -1 here.
inline constexpr NewAxisTag new_axis{};
struct EllipsisTag {};
/// Stands for as many full slices as needed (Python's ...).
inline constexpr EllipsisTag ellipsis{};

/// One entry of an index list.
class Index {
 public:
  enum class Kind { Int, IntVar, Slice, NewAxis, Ellipsis, Array, Mask };

  template <class I>
  requires(std::integral<I> && !std::same_as<I, bool>) Index(I i)  // NOLINT
      : kind_(Kind::Int), int_(static_cast<std::int64_t>(i)) {}
  Index(Slice s) : kind_(Kind::Slice), slice_(std::move(s)) {}  // NOLINT
  Index(NewAxisTag) : kind_(Kind::NewAxis) {}                   // NOLINT
  /// T::none as an entry is a new axis, as Python's None.
  Index(std::nullopt_t) : kind_(Kind::NewAxis) {}  // NOLINT
  Index(EllipsisTag) : kind_(Kind::Ellipsis) {}    // NOLINT
  /// A 0-d integer tensor (an index), an integer array or a boolean mask.
  Index(const TensorVar& v);  // NOLINT
  template <class V>
  requires std::derived_from<V, Variable> Index(const std::shared_ptr<V>& v)  // NOLINT
      : Index(TensorVar(v)) {}
  /// A constant integer index array.
  Index(std::vector<std::int64_t> indices);  // NOLINT
  Index(std::initializer_list<std::int64_t> indices) : Index(std::vector<std::int64_t>(indices)) {}
  /// A constant integer array or boolean mask.
  Index(const NDArray& a);  // NOLINT
  /// Lists of bools are ambiguous (NumPy reads them as masks, Theano refuses
  /// them): pass an NDArray of dtype bool or a bool tensor.
  Index(const std::vector<bool>&) = delete;
  Index(bool) = delete;

  Kind kind() const { return kind_; }
  std::int64_t integer() const { return int_; }
  const Slice& slice() const { return slice_; }
  /// The tensor of an IntVar, Array or Mask entry.
  const TensorVar& var() const { return var_; }

 private:
  Kind kind_;
  std::int64_t int_ = 0;
  Slice slice_;
  TensorVar var_;
};

/// The entries of `x[{...}]` (TensorVar::operator[]), remembering the line
/// that wrote them so errors point there.
class IndexList {
 public:
  IndexList(std::initializer_list<Index> entries,  // NOLINT: x[{T::slice(1), 2}]
            std::source_location loc = std::source_location::current())
      : entries_(entries), loc_(loc) {}
  const std::vector<Index>& entries() const { return entries_; }
  const std::source_location& loc() const { return loc_; }

 private:
  std::vector<Index> entries_;
  std::source_location loc_;
};

/// x[idx] with NumPy's semantics (negative indices and steps, symbolic
/// bounds, broadcast index arrays, masks). Errors name the offending entry.
TensorVar index(const Operand& x, const std::vector<Index>& idx,
                std::source_location loc = std::source_location::current());
/// x with x[idx] replaced by y (broadcast to the region); a new tensor.
TensorVar set_subtensor(const Operand& x, const std::vector<Index>& idx, const Operand& y,
                        std::source_location loc = std::source_location::current());
/// x with y added to x[idx]; repeated advanced indices accumulate (np.add.at).
TensorVar inc_subtensor(const Operand& x, const std::vector<Index>& idx, const Operand& y,
                        std::source_location loc = std::source_location::current());
/// numpy.take(x, indices, axis) with mode "raise": the entries of `indices`
/// (an integer tensor of any ndim) along `axis` (negative counts from the end).
TensorVar take(const Operand& x, const Index& indices, int axis = 0,
               std::source_location loc = std::source_location::current());

}  // namespace theano::tensor
