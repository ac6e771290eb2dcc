// Loop nests over strided arrays: the shape being iterated and, per array,
// its byte strides in that iteration. Coalescing merges dimensions that are
// contiguous for every array, so most elementwise work becomes one long run.
#pragma once

#include <cstdint>
#include <string>

#include "theano/core/errors.h"

namespace theano::elemwise {

inline constexpr int kMaxDims = 32;

struct Nest {
  int ndim = 0;
  std::int64_t shape[kMaxDims];

  std::int64_t size() const {
    std::int64_t n = 1;
    for (int d = 0; d < ndim; ++d) n *= shape[d];
    return n;
  }
  /// Elements of all dims but the last (1 for ndim <= 1).
  std::int64_t outer() const {
    std::int64_t n = 1;
    for (int d = 0; d + 1 < ndim; ++d) n *= shape[d];
    return n;
  }
  std::int64_t inner() const { return ndim ? shape[ndim - 1] : 1; }
};

/// One array walked by a nest. Left uninitialised on purpose: call sites
/// set the dims they use, and kernels keep arrays of these on the stack.
struct Walk {
  char* base;
  std::int64_t stride[kMaxDims];
  std::int64_t inner_stride(const Nest& n) const { return n.ndim ? stride[n.ndim - 1] : 0; }
};

inline void check_ndim(int ndim, const std::string& what) {
  if (ndim > kMaxDims) {
    throw ValueError(what + ": " + std::to_string(ndim) + " dimensions; at most " +
                     std::to_string(kMaxDims) + " are supported");
  }
}

/// Drops dims of size 1 and merges neighbours laid out contiguously in every
/// walk (stride[d] == stride[d + 1] * shape[d + 1]).
inline void coalesce(Nest& nest, Walk* walks, int nwalks) {
  int out = 0;
  for (int d = 0; d < nest.ndim; ++d) {
    if (nest.shape[d] == 1) continue;
    bool merge = out > 0;
    for (int w = 0; merge && w < nwalks; ++w)
      merge = walks[w].stride[out - 1] == walks[w].stride[d] * nest.shape[d];
    if (merge) {
      nest.shape[out - 1] *= nest.shape[d];
      for (int w = 0; w < nwalks; ++w) walks[w].stride[out - 1] = walks[w].stride[d];
    } else {
      nest.shape[out] = nest.shape[d];
      for (int w = 0; w < nwalks; ++w) walks[w].stride[out] = walks[w].stride[d];
      ++out;
    }
  }
  nest.ndim = out;
}

/// Byte offset of outer row `row` (a C-order index over dims 0..ndim-2).
inline std::int64_t row_offset(const Nest& nest, const Walk& w, std::int64_t row) {
  std::int64_t off = 0;
  for (int d = nest.ndim - 2; d >= 0; --d) {
    std::int64_t i = row % nest.shape[d];
    row /= nest.shape[d];
    off += i * w.stride[d];
  }
  return off;
}

}  // namespace theano::elemwise
