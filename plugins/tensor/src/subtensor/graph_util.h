// Symbolic helpers shared by the indexing ops' gradients and shapes: zeros
// shaped like a tensor, summing a gradient down to a broadcast input's
// shape, int64 shape constants and the symbolic length of a slice.
#pragma once

#include <cstdint>

#include "index_spec.h"

namespace theano::tensor_ops::indexing {

/// Zeros with x's shape and dtype.
Var zeros_like(const Var& x);
/// A floatX zero gradient for a discrete input, shaped like it.
Var discrete_zero_grad(const Var& x);
/// `g` (shaped like the indexed region) summed over the axes `like` was
/// broadcast along, so it gets like's ndim and static broadcast pattern.
Var sum_to_like(const Var& g, const Var& like);
/// An int64 0-d constant.
Var shape_const(std::int64_t v);
/// The number of elements slice `e` selects from a dimension of size `n`;
/// `start`, `stop`, `step` are the entry's symbolic inputs (null unless Sym).
Var slice_length(const Var& n, const IndexEntry& e, const Var& start, const Var& stop,
                 const Var& step);
/// A DisconnectedType gradient (for index inputs).
Var disconnected();

}  // namespace theano::tensor_ops::indexing
