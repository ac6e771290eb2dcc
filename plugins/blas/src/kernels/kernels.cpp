// gemm, gemv, ger and inner products (see kernels.h): dtype dispatch, the
// BLAS calls with their layouts, and the fallbacks.
#include "kernels.h"

#include <type_traits>

#include "cblas_traits.h"
#include "int_loops.h"
#include "layout.h"
#include "threads.h"

namespace theano::blas {

namespace {

template <class T>
constexpr bool kBlasType =
    std::is_same_v<T, float> || std::is_same_v<T, double> ||
    std::is_same_v<T, std::complex<float>> || std::is_same_v<T, std::complex<double>>;

template <class T>
T factor(Scalar s) {
  if constexpr (std::is_same_v<T, std::complex<float>> || std::is_same_v<T, std::complex<double>>)
    return T(s);
  else
    return static_cast<T>(s.real());
}

// The dtype float16 and bool are computed in.
DType wide_dtype(DType d) {
  return d == DType::Float16 ? DType::Float32 : DType::Int64;
}

// c *= beta (K == 0: the product is empty).
void scale(Scalar beta, NDArray c) {
  NDArray zero = NDArray::zeros(c.dtype(), c.shape());
  if (beta == Scalar(0)) {
    c.assign(zero);
    return;
  }
  NDArray wide = c.astype(is_complex(c.dtype()) ? DType::Complex128 : DType::Float64);
  visit_dtype(wide.dtype(), [&](auto tag) {
    using W = typename decltype(tag)::type;
    if constexpr (std::is_same_v<W, double> || std::is_same_v<W, std::complex<double>>) {
      W* p = wide.data<W>();
      for (std::int64_t i = 0; i < wide.size(); ++i) p[i] *= factor<W>(beta);
    }
  });
  c.assign(wide);
}

template <class T>
void gemm_blas(Scalar alpha, const NDArray& a, const NDArray& b, Scalar beta, NDArray c) {
  auto out = describe_matrix(c);
  if (!out || out->trans == CblasTrans) {
    if (out) {  // column-major c: compute c^T = b^T a^T
      gemm_blas<T>(alpha, b.transpose(), a.transpose(), beta, c.transpose());
      return;
    }
    NDArray tmp = beta == Scalar(0) ? NDArray::empty(c.dtype(), c.shape()) : c.copy();
    gemm_blas<T>(alpha, a, b, beta, tmp);
    c.assign(tmp);
    return;
  }
  MatArg ma = matrix_arg(a), mb = matrix_arg(b);
  const int m = blas_int(c.dim(0), "gemm"), n = blas_int(c.dim(1), "gemm"),
            k = blas_int(a.dim(1), "gemm");
  apply_thread_setting(double(m) * n * k);
  Cblas<T>::gemm(CblasRowMajor, ma.trans, mb.trans, m, n, k, factor<T>(alpha),
                 static_cast<const T*>(ma.data), ma.ld, static_cast<const T*>(mb.data), mb.ld,
                 factor<T>(beta), static_cast<T*>(const_cast<void*>(out->data)), out->ld);
}

template <class T>
void gemv_blas(Scalar alpha, const NDArray& a, const NDArray& x, Scalar beta, const NDArray& y) {
  // Handles are shared views: y is written through its data pointer, and
  // only the rare layouts BLAS cannot write (negative or odd strides) go
  // through a temporary.
  bool direct_y = y.dim(0) <= 1 || y.strides()[0] > 0;
  NDArray temp;
  if (!direct_y) temp = beta == Scalar(0) ? NDArray::empty(y.dtype(), y.shape()) : y.copy();
  const NDArray& target = direct_y ? y : temp;
  VecArg vx = vector_arg(x), vy = vector_arg(target);
  MatArg ma = matrix_arg(a);
  int rows = blas_int(a.dim(0), "gemv"), cols = blas_int(a.dim(1), "gemv");
  apply_thread_setting(double(rows) * cols);
  if (ma.trans == CblasTrans) std::swap(rows, cols);  // the stored matrix is a^T
  Cblas<T>::gemv(ma.trans, rows, cols, factor<T>(alpha), static_cast<const T*>(ma.data), ma.ld,
                 static_cast<const T*>(vx.data), vx.inc, factor<T>(beta),
                 static_cast<T*>(const_cast<void*>(vy.data)), vy.inc);
  if (vy.data != y.raw_data()) NDArray(y).assign(vy.keep.defined() ? vy.keep : target);
}

template <class T>
void ger_blas(Scalar alpha, const NDArray& x, const NDArray& y, NDArray a) {
  auto out = describe_matrix(a);
  if (!out) {
    NDArray tmp = a.copy();
    ger_blas<T>(alpha, x, y, tmp);
    a.assign(tmp);
    return;
  }
  // Named, so a copy outlives the BLAS call (VecArg does not own a view).
  const NDArray xs = x.may_share_memory(a) ? x.copy() : x;
  const NDArray ys = y.may_share_memory(a) ? y.copy() : y;
  VecArg vx = vector_arg(xs), vy = vector_arg(ys);
  CBLAS_ORDER order = out->trans == CblasNoTrans ? CblasRowMajor : CblasColMajor;
  apply_thread_setting(double(a.dim(0)) * a.dim(1));
  Cblas<T>::ger(order, blas_int(a.dim(0), "ger"), blas_int(a.dim(1), "ger"), factor<T>(alpha),
                static_cast<const T*>(vx.data), vx.inc, static_cast<const T*>(vy.data), vy.inc,
                static_cast<T*>(const_cast<void*>(out->data)), out->ld);
}

}  // namespace

bool has_blas(DType dtype) {
  return dtype == DType::Float32 || dtype == DType::Float64 || dtype == DType::Complex64 ||
         dtype == DType::Complex128;
}

Scalar scalar_of(const NDArray& a) {
  // The common alpha / beta constants, read without item()'s conversion.
  if (a.size() == 1 && a.dtype() == DType::Float32) return Scalar(double(*a.data<float>()));
  if (a.size() == 1 && a.dtype() == DType::Float64) return Scalar(*a.data<double>());
  if (is_complex(a.dtype())) return a.item<std::complex<double>>();
  return Scalar(a.item<double>());
}

void throw_not_aligned(const std::string& op, const Shape& a, int axis_a, const Shape& b,
                       int axis_b) {
  throw ValueError(op + ": shapes " + shape_str(a) + " and " + shape_str(b) +
                   " not aligned: " + std::to_string(a.at(axis_a)) + " (dim " +
                   std::to_string(axis_a) + ") != " + std::to_string(b.at(axis_b)) + " (dim " +
                   std::to_string(axis_b) + ")");
}

void gemm(Scalar alpha, const NDArray& a, const NDArray& b, Scalar beta, NDArray c) {
  if (a.dim(1) != b.dim(0)) throw_not_aligned("gemm", a.shape(), 1, b.shape(), 0);
  if (c.dim(0) != a.dim(0) || c.dim(1) != b.dim(1)) {
    throw ValueError("gemm: output of shape " + shape_str(c.shape()) + " for a product of " +
                     shape_str(a.shape()) + " and " + shape_str(b.shape()));
  }
  if (c.size() == 0) return;
  if (a.dim(1) == 0) return scale(beta, c);
  if (c.may_share_memory(a) || c.may_share_memory(b)) {
    NDArray tmp = beta == Scalar(0) ? NDArray::empty(c.dtype(), c.shape()) : c.copy();
    gemm(alpha, a, b, beta, tmp);
    c.assign(tmp);
    return;
  }
  visit_dtype(c.dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    if constexpr (kBlasType<T>) {
      gemm_blas<T>(alpha, a, b, beta, c);
    } else if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
      loops::gemm<T>(alpha, a, b, beta, c);
    } else {
      DType w = wide_dtype(c.dtype());
      NDArray cw = beta == Scalar(0) ? NDArray::zeros(w, c.shape()) : c.astype(w);
      gemm(alpha, a.astype(w), b.astype(w), beta, cw);
      c.assign(cw);
    }
  });
}

void gemv(Scalar alpha, const NDArray& a, const NDArray& x, Scalar beta, const NDArray& y) {
  if (a.dim(1) != x.dim(0)) throw_not_aligned("gemv", a.shape(), 1, x.shape(), 0);
  if (y.dim(0) != a.dim(0)) {
    throw ValueError("gemv: output of shape " + shape_str(y.shape()) + " for a product of " +
                     shape_str(a.shape()) + " and " + shape_str(x.shape()));
  }
  if (y.size() == 0) return;
  if (a.dim(1) == 0) return scale(beta, NDArray(y));
  if (y.may_share_memory(a) || y.may_share_memory(x)) {
    NDArray tmp = beta == Scalar(0) ? NDArray::empty(y.dtype(), y.shape()) : y.copy();
    gemv(alpha, a, x, beta, tmp);
    NDArray(y).assign(tmp);
    return;
  }
  visit_dtype(y.dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    if constexpr (kBlasType<T>) {
      gemv_blas<T>(alpha, a, x, beta, y);
    } else if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
      loops::gemv<T>(alpha, a, x, beta, NDArray(y));
    } else {
      DType w = wide_dtype(y.dtype());
      NDArray yw = beta == Scalar(0) ? NDArray::zeros(w, y.shape()) : y.astype(w);
      gemv(alpha, a.astype(w), x.astype(w), beta, yw);
      NDArray(y).assign(yw);
    }
  });
}

void ger(Scalar alpha, const NDArray& x, const NDArray& y, NDArray a) {
  if (a.dim(0) != x.dim(0) || a.dim(1) != y.dim(0)) {
    throw ValueError("ger: matrix of shape " + shape_str(a.shape()) + " for an outer product of " +
                     shape_str(x.shape()) + " and " + shape_str(y.shape()));
  }
  if (a.size() == 0) return;
  visit_dtype(a.dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    if constexpr (kBlasType<T>) {
      ger_blas<T>(alpha, x, y, a);
    } else if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
      loops::ger<T>(alpha, x.may_share_memory(a) ? x.copy() : x,
                    y.may_share_memory(a) ? y.copy() : y, a);
    } else {
      DType w = wide_dtype(a.dtype());
      NDArray aw = a.astype(w);
      ger(alpha, x.astype(w), y.astype(w), aw);
      a.assign(aw);
    }
  });
}

NDArray inner(const NDArray& x, const NDArray& y) {
  if (x.dim(0) != y.dim(0)) throw_not_aligned("dot", x.shape(), 0, y.shape(), 0);
  NDArray out = NDArray::zeros(x.dtype(), {});
  if (x.dim(0) == 0) return out;
  visit_dtype(x.dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    if constexpr (kBlasType<T>) {
      VecArg vx = vector_arg(x), vy = vector_arg(y);
      apply_thread_setting(double(x.dim(0)));
      *out.data<T>() = Cblas<T>::dot(blas_int(x.dim(0), "dot"), static_cast<const T*>(vx.data),
                                     vx.inc, static_cast<const T*>(vy.data), vy.inc);
    } else if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
      *out.data<T>() = loops::inner<T>(x, y);
    } else {
      DType w = wide_dtype(x.dtype());
      out.assign(inner(x.astype(w), y.astype(w)));
    }
  });
  return out;
}

}  // namespace theano::blas
