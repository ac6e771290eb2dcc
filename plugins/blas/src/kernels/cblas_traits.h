// One struct per BLAS dtype mapping gemm/gemv/ger/dot to the s/d/c/z cblas
// routine, so the layout logic in kernels.cpp is written once.
#pragma once

#include <cblas.h>

#include <complex>

namespace theano::blas {

template <class T>
struct Cblas;

template <>
struct Cblas<float> {
  static void gemm(CBLAS_ORDER o, CBLAS_TRANSPOSE ta, CBLAS_TRANSPOSE tb, int m, int n, int k,
                   float alpha, const float* a, int lda, const float* b, int ldb, float beta,
                   float* c, int ldc) {
    cblas_sgemm(o, ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
  }
  static void gemv(CBLAS_TRANSPOSE t, int m, int n, float alpha, const float* a, int lda,
                   const float* x, int incx, float beta, float* y, int incy) {
    cblas_sgemv(CblasRowMajor, t, m, n, alpha, a, lda, x, incx, beta, y, incy);
  }
  static void ger(CBLAS_ORDER o, int m, int n, float alpha, const float* x, int incx,
                  const float* y, int incy, float* a, int lda) {
    cblas_sger(o, m, n, alpha, x, incx, y, incy, a, lda);
  }
  static float dot(int n, const float* x, int incx, const float* y, int incy) {
    return cblas_sdot(n, x, incx, y, incy);
  }
};

template <>
struct Cblas<double> {
  static void gemm(CBLAS_ORDER o, CBLAS_TRANSPOSE ta, CBLAS_TRANSPOSE tb, int m, int n, int k,
                   double alpha, const double* a, int lda, const double* b, int ldb, double beta,
                   double* c, int ldc) {
    cblas_dgemm(o, ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
  }
  static void gemv(CBLAS_TRANSPOSE t, int m, int n, double alpha, const double* a, int lda,
                   const double* x, int incx, double beta, double* y, int incy) {
    cblas_dgemv(CblasRowMajor, t, m, n, alpha, a, lda, x, incx, beta, y, incy);
  }
  static void ger(CBLAS_ORDER o, int m, int n, double alpha, const double* x, int incx,
                  const double* y, int incy, double* a, int lda) {
    cblas_dger(o, m, n, alpha, x, incx, y, incy, a, lda);
  }
  static double dot(int n, const double* x, int incx, const double* y, int incy) {
    return cblas_ddot(n, x, incx, y, incy);
  }
};

template <>
struct Cblas<std::complex<float>> {
  using C = std::complex<float>;
  static void gemm(CBLAS_ORDER o, CBLAS_TRANSPOSE ta, CBLAS_TRANSPOSE tb, int m, int n, int k,
                   C alpha, const C* a, int lda, const C* b, int ldb, C beta, C* c, int ldc) {
    cblas_cgemm(o, ta, tb, m, n, k, &alpha, a, lda, b, ldb, &beta, c, ldc);
  }
  static void gemv(CBLAS_TRANSPOSE t, int m, int n, C alpha, const C* a, int lda, const C* x,
                   int incx, C beta, C* y, int incy) {
    cblas_cgemv(CblasRowMajor, t, m, n, &alpha, a, lda, x, incx, &beta, y, incy);
  }
  static void ger(CBLAS_ORDER o, int m, int n, C alpha, const C* x, int incx, const C* y, int incy,
                  C* a, int lda) {
    cblas_cgeru(o, m, n, &alpha, x, incx, y, incy, a, lda);
  }
  static C dot(int n, const C* x, int incx, const C* y, int incy) {
    C r;
    cblas_cdotu_sub(n, x, incx, y, incy, &r);
    return r;
  }
};

template <>
struct Cblas<std::complex<double>> {
  using C = std::complex<double>;
  static void gemm(CBLAS_ORDER o, CBLAS_TRANSPOSE ta, CBLAS_TRANSPOSE tb, int m, int n, int k,
                   C alpha, const C* a, int lda, const C* b, int ldb, C beta, C* c, int ldc) {
    cblas_zgemm(o, ta, tb, m, n, k, &alpha, a, lda, b, ldb, &beta, c, ldc);
  }
  static void gemv(CBLAS_TRANSPOSE t, int m, int n, C alpha, const C* a, int lda, const C* x,
                   int incx, C beta, C* y, int incy) {
    cblas_zgemv(CblasRowMajor, t, m, n, &alpha, a, lda, x, incx, &beta, y, incy);
  }
  static void ger(CBLAS_ORDER o, int m, int n, C alpha, const C* x, int incx, const C* y, int incy,
                  C* a, int lda) {
    cblas_zgeru(o, m, n, &alpha, x, incx, y, incy, a, lda);
  }
  static C dot(int n, const C* x, int incx, const C* y, int incy) {
    C r;
    cblas_zdotu_sub(n, x, incx, y, incy, &r);
    return r;
  }
};

}  // namespace theano::blas
