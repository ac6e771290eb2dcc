// Row access for the softmax-family kernels: the op's axis is moved last and
// the tensor seen as a contiguous (rows, len) matrix in the work dtype; the
// kernels below run over those rows, in parallel (TBB) when the tensor is
// large. Each kernel makes one pass over a row to find its max and its sum of
// exponentials together (block by block; the running sum is rescaled when a
// block raises the max), then one pass to write the result. Exponentials go
// through the SLEEF vector exp of the elemwise plugin's vecmath tables.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <vector>

#include "theano/core/ndarray.h"
#include "vecmath.h"

namespace theano::nnet {

/// A tensor seen as contiguous rows along `axis`.
struct Rows {
  NDArray data;           ///< (rows, len), contiguous, work dtype
  Shape moved_shape;      ///< the input's shape with `axis` moved last
  std::vector<int> perm;  ///< the permutation that moved it
  std::int64_t rows = 0;
  std::int64_t len = 0;
};

/// `x` with `axis` (already normalised) moved last, as rows of `work` dtype.
Rows to_rows(const NDArray& x, int axis, DType work);
/// A (rows, len) result laid back out like the input of `like`, in `dtype`.
NDArray from_rows(const NDArray& result, const Rows& like, DType dtype);
/// Normalises a possibly negative axis for an `ndim`-d tensor; throws
/// ValueError naming `op` when out of range.
int normalize_axis(int axis, int ndim, const std::string& op);
/// float32 for float16/float32, float64 for float64.
DType work_dtype(DType d);

/// Calls fn(begin, end) over row ranges, in parallel when rows * len is large.
void for_rows(std::int64_t rows, std::int64_t len,
              const std::function<void(std::int64_t, std::int64_t)>& fn);

/// Block length of the online pass: the exponentials of one block are
/// computed in a vectorised loop into a small buffer, then summed.
inline constexpr std::int64_t kBlock = 64;

/// v[j] = exp(v[j]) for j < n, vectorised when the CPU has AVX2 or AVX-512.
inline void exp_inplace(float* v, std::int64_t n) {
  static const auto vexp = elemwise::vecmath::unary_f32(elemwise::vecmath::Fn::Exp);
  if (vexp) return vexp(v, v, n);
  for (std::int64_t j = 0; j < n; ++j) v[j] = std::exp(v[j]);
}
inline void exp_inplace(double* v, std::int64_t n) {
  static const auto vexp = elemwise::vecmath::unary_f64(elemwise::vecmath::Fn::Exp);
  if (vexp) return vexp(v, v, n);
  for (std::int64_t j = 0; j < n; ++j) v[j] = std::exp(v[j]);
}

/// Max and sum of exp(v - max) of a row (v = x + bias) in one pass over
/// blocks: the running sum is rescaled when a block raises the max.
template <class F, bool kBias>
void row_max_sum(const F* x, const F* bias, std::int64_t len, F& max, F& sum) {
  F m = -std::numeric_limits<F>::infinity(), s = 0;
  F buf[kBlock];
  for (std::int64_t j0 = 0; j0 < len; j0 += kBlock) {
    const std::int64_t n = std::min(kBlock, len - j0);
    F bm = x[j0] + (kBias ? bias[j0] : F(0));
    for (std::int64_t j = 0; j < n; ++j) {
      F v = x[j0 + j] + (kBias ? bias[j0 + j] : F(0));
      bm = v > bm || v != v ? v : bm;
    }
    if (bm > m || bm != bm) {
      s = j0 == 0 ? F(0) : s * std::exp(m - bm);
      m = bm;
    }
    if (m == -std::numeric_limits<F>::infinity()) continue;  // all -inf so far: exp gives 0
    for (std::int64_t j = 0; j < n; ++j) buf[j] = x[j0 + j] + (kBias ? bias[j0 + j] : F(0)) - m;
    exp_inplace(buf, n);
    for (std::int64_t j = 0; j < n; ++j) s += buf[j];
  }
  max = m;
  sum = s;
}

template <class F, bool kBias>
void softmax_row(const F* x, const F* bias, F* o, std::int64_t len, bool log) {
  F m, s;
  row_max_sum<F, kBias>(x, bias, len, m, s);
  if (log) {
    F log_s = std::log(s);
    for (std::int64_t j = 0; j < len; ++j) o[j] = (x[j] + (kBias ? bias[j] : F(0)) - m) - log_s;
  } else {
    F inv = F(1) / s;
    for (std::int64_t j = 0; j < len; ++j) o[j] = x[j] + (kBias ? bias[j] : F(0)) - m;
    exp_inplace(o, len);
    for (std::int64_t j = 0; j < len; ++j) o[j] *= inv;
  }
}

/// out = softmax (or log_softmax) of x + bias along each row.
template <class F>
void softmax_rows(const F* x, const F* bias, F* out, std::int64_t rows, std::int64_t len,
                  bool log) {
  if (len == 0) return;
  for_rows(rows, len, [=](std::int64_t r0, std::int64_t r1) {
    for (std::int64_t r = r0; r < r1; ++r) {
      if (bias) {
        softmax_row<F, true>(x + r * len, bias, out + r * len, len, log);
      } else {
        softmax_row<F, false>(x + r * len, nullptr, out + r * len, len, log);
      }
    }
  });
}

/// dx = (dy - sum(dy * sm)) * sm along each row.
template <class F>
void softmax_grad_rows(const F* dy, const F* sm, F* dx, std::int64_t rows, std::int64_t len) {
  for_rows(rows, len, [=](std::int64_t r0, std::int64_t r1) {
    for (std::int64_t r = r0; r < r1; ++r) {
      const F* d = dy + r * len;
      const F* p = sm + r * len;
      F* o = dx + r * len;
      F dot = 0;
      for (std::int64_t j = 0; j < len; ++j) dot += d[j] * p[j];
      for (std::int64_t j = 0; j < len; ++j) o[j] = (d[j] - dot) * p[j];
    }
  });
}

}  // namespace theano::nnet
