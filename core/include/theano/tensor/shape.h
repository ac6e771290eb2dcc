// Front end of the structural ops of theano.ops.tensor: shapes (shape,
// reshape, flatten, specify_shape), creation (alloc, zeros, ones, arange,
// eye, tri), joining and splitting (concatenate, stack, split), tiling and
// repeating, and diagonals. Every function builds its ops by name.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <source_location>
#include <vector>

#include "theano/tensor/var.h"

namespace theano::tensor {

/// A shape argument: a list of dimensions (C++ integers or 0-d integer
/// tensors, so `{2, n, 3}`), or one symbolic integer vector.
class ShapeArg {
 public:
  ShapeArg(std::initializer_list<Operand> dims) : dims_(dims) {}   // NOLINT
  ShapeArg(std::vector<Operand> dims) : dims_(std::move(dims)) {}  // NOLINT
  ShapeArg(const std::vector<std::int64_t>& dims);                 // NOLINT
  ShapeArg(const TensorVar& vector) : vector_(vector.var()) {}     // NOLINT
  template <class V>
  requires std::derived_from<V, Variable> ShapeArg(const std::shared_ptr<V>& vector)  // NOLINT
      : vector_(vector) {}

  /// True for a symbolic vector argument.
  bool is_vector() const { return vector_ != nullptr; }
  /// The number of dimensions when known statically.
  std::optional<int> length() const;
  /// The shape as an int64 vector variable (a constant when every entry is one).
  Var as_vector(const std::source_location& loc) const;
  /// One 0-d int64 variable per dimension; needs a known length.
  std::vector<Var> as_scalars(const std::source_location& loc) const;

 private:
  std::vector<Operand> dims_;
  Var vector_;
};

/// The runtime shape of `x` as an int64 vector.
TensorVar shape(const Operand& x);
/// The runtime length of axis `i` of `x` (negative counts from the end), 0-d int64.
TensorVar shape_i(const Operand& x, int i);
/// Packs 0-d tensors into a vector of `dtype` (default: their common dtype).
TensorVar make_vector(const std::vector<Operand>& elements, std::optional<DType> dtype = {});

/// NumPy's reshape; one entry may be -1. `ndim` is needed only for a
/// symbolic vector whose length is not static.
TensorVar reshape(const Operand& x, const ShapeArg& shape, std::optional<int> ndim = {});
/// Keeps the leading ndim-1 axes and collapses the rest into the last.
TensorVar flatten(const Operand& x, int ndim = 1);
/// `x`, asserting at run time that its shape is `shape`; shape inference uses it.
TensorVar specify_shape(const Operand& x, const ShapeArg& shape);

/// `value` broadcast (right-aligned) into a new array of `shape`.
TensorVar alloc(const Operand& value, const ShapeArg& shape);
/// An uninitialised array of `shape` and `dtype` (never constant-folded).
TensorVar alloc_empty(const ShapeArg& shape, std::optional<DType> dtype = {});
/// Zeros / ones of `shape` (dtype default floatX).
TensorVar zeros(const ShapeArg& shape, std::optional<DType> dtype = {});
TensorVar ones(const ShapeArg& shape, std::optional<DType> dtype = {});
/// Zeros / ones shaped like `model` (dtype default: the model's).
TensorVar zeros_like(const Operand& model, std::optional<DType> dtype = {});
TensorVar ones_like(const Operand& model, std::optional<DType> dtype = {});

/// numpy.arange; dtype default: int64 for integers, floatX for C++ floats,
/// else the promotion of the tensor arguments.
TensorVar arange(const Operand& stop, std::optional<DType> dtype = {});
TensorVar arange(const Operand& start, const Operand& stop, const Operand& step = Operand(1),
                 std::optional<DType> dtype = {});
/// Ones on the k-th diagonal of an n x m matrix (m default n; dtype floatX).
TensorVar eye(const Operand& n, std::optional<Operand> m = {}, const Operand& k = Operand(0),
              std::optional<DType> dtype = {});
/// eye shaped like the matrix `x`, of its dtype.
TensorVar identity_like(const Operand& x);
/// Ones at and below the k-th diagonal of an N x M matrix.
TensorVar tri(const Operand& n, std::optional<Operand> m = {}, const Operand& k = Operand(0),
              std::optional<DType> dtype = {});
/// Lower / upper triangle of the last two axes of `x` (the rest zeroed).
TensorVar tril(const Operand& x, std::int64_t k = 0);
TensorVar triu(const Operand& x, std::int64_t k = 0);

/// Concatenation along an existing axis (may be a 0-d integer tensor).
TensorVar join(const Operand& axis, const std::vector<Operand>& tensors);
TensorVar concatenate(const std::vector<Operand>& tensors, std::int64_t axis = 0);
/// Joins along a new axis.
TensorVar stack(const std::vector<Operand>& tensors, std::int64_t axis = 0);
TensorVar horizontal_stack(const std::vector<Operand>& matrices);
TensorVar vertical_stack(const std::vector<Operand>& matrices);
/// Splits `x` along `axis` into `n_splits` pieces of the lengths in `sizes`.
std::vector<TensorVar> split(const Operand& x, const ShapeArg& sizes, int n_splits,
                             const Operand& axis = Operand(0));

/// numpy.tile with static repetitions (differentiable: built from joins).
TensorVar tile(const Operand& x, const std::vector<std::int64_t>& reps);
/// numpy.repeat: `repeats` a 0-d or vector integer tensor; no axis flattens.
TensorVar repeat(const Operand& x, const Operand& repeats, std::optional<std::int64_t> axis = {});

/// Diagonal of axes (axis1, axis2) at `offset`, appended as the last axis (a view).
TensorVar diagonal(const Operand& x, std::int64_t offset = 0, std::int64_t axis1 = 0,
                   std::int64_t axis2 = 1);
/// Tensor with `v`'s last axis on the offset diagonal of axes (axis1, axis2), zeros elsewhere.
TensorVar alloc_diag(const Operand& v, std::int64_t offset = 0, std::int64_t axis1 = 0,
                     std::int64_t axis2 = 1);
/// numpy.diag: vector -> matrix with it on the k-th diagonal; matrix -> its k-th diagonal.
TensorVar diag(const Operand& x, std::int64_t k = 0);

}  // namespace theano::tensor
