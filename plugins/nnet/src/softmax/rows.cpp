// Moving the softmax axis last and back, and the parallel row loop.
#include "rows.h"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include "../common.h"
#include "theano/core/errors.h"

namespace theano::nnet {

namespace {
constexpr std::int64_t kParallelElements = 32768;
}

int normalize_axis(int axis, int ndim, const std::string& op) {
  int a = axis < 0 ? axis + ndim : axis;
  if (a < 0 || a >= ndim) {
    throw ValueError(op + ": axis " + std::to_string(axis) + " is out of range for a " +
                     std::to_string(ndim) + "-d input");
  }
  return a;
}

DType work_dtype(DType d) {
  return d == DType::Float64 ? DType::Float64 : DType::Float32;
}

Rows to_rows(const NDArray& x, int axis, DType work) {
  Rows r;
  for (int d = 0; d < x.ndim(); ++d)
    if (d != axis) r.perm.push_back(d);
  r.perm.push_back(axis);
  NDArray moved = axis == x.ndim() - 1 ? x : x.transpose(r.perm);
  r.moved_shape = moved.shape();
  r.len = x.dim(axis);
  r.rows = r.len == 0 ? shape_size(r.moved_shape) : shape_size(r.moved_shape) / r.len;
  if (r.len == 0) r.rows = 0;
  r.data = as_dtype(moved, work).reshape({r.rows, r.len});
  return r;
}

NDArray from_rows(const NDArray& result, const Rows& like, DType dtype) {
  NDArray moved = result.reshape(like.moved_shape);
  std::vector<int> inverse(like.perm.size());
  for (std::size_t i = 0; i < like.perm.size(); ++i) inverse[like.perm[i]] = static_cast<int>(i);
  bool identity = true;
  for (std::size_t i = 0; i < inverse.size(); ++i) identity &= inverse[i] == static_cast<int>(i);
  NDArray out = identity ? moved : moved.transpose(inverse).ascontiguous();
  return out.dtype() == dtype ? out : out.astype(dtype);
}

void for_rows(std::int64_t rows, std::int64_t len,
              const std::function<void(std::int64_t, std::int64_t)>& fn) {
  if (rows * len < kParallelElements || rows < 2) {
    fn(0, rows);
    return;
  }
  std::int64_t grain =
      std::max<std::int64_t>(1, kParallelElements / std::max<std::int64_t>(len, 1));
  tbb::parallel_for(tbb::blocked_range<std::int64_t>(0, rows, grain),
                    [&](const tbb::blocked_range<std::int64_t>& r) { fn(r.begin(), r.end()); });
}

}  // namespace theano::nnet
