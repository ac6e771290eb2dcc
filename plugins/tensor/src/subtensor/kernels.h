// Strided loops used by the indexing ops: adding one array into a view,
// gathering and scattering rows along axis 0.
#pragma once

#include <cstdint>
#include <vector>

#include "theano/core/ndarray.h"

namespace theano::tensor_ops::indexing {

/// dst += src elementwise; src broadcasts to dst's shape and has dst's dtype.
void add_into(const NDArray& dst, const NDArray& src);
/// dst = src (src broadcast to dst's shape, converted to dst's dtype).
void set_into(const NDArray& dst, const NDArray& src);
/// The int index vector's elements as int64 (any integer dtype).
std::vector<std::int64_t> index_values(const NDArray& indices);
/// x[indices] along axis 0 (bounds-checked; negative indices count from the end).
NDArray take_rows(const NDArray& x, const std::vector<std::int64_t>& indices);
/// out[indices[k]] (+)= y[k] for each k, in order, so repeated indices
/// accumulate for inc; y broadcasts to (len(indices),) + out.shape[1:].
void scatter_rows(const NDArray& out, const NDArray& y, const std::vector<std::int64_t>& indices,
                  bool set);
/// The checks scatter_rows makes before writing (rank, broadcasting of y,
/// index bounds), without writing.
void check_scatter_rows(const NDArray& out, const NDArray& y,
                        const std::vector<std::int64_t>& indices);

/// For each k in order: dst[dst_off[k]] = src[src_off[k]], or += when `add`
/// (offsets in bytes from element 0; src has dst's dtype).
void move_elements(const NDArray& dst, const std::vector<std::int64_t>& dst_off, const NDArray& src,
                   const std::vector<std::int64_t>& src_off, bool add);

}  // namespace theano::tensor_ops::indexing
