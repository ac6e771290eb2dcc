// Reference loops for the integer dtypes, which BLAS does not cover. They
// accumulate in uint64 so overflow wraps exactly as NumPy's integer dot does.
#pragma once

#include <complex>
#include <cstdint>
#include <type_traits>

#include "theano/core/ndarray.h"

namespace theano::blas::loops {

template <class T>
std::uint64_t widen(T v) {
  if constexpr (std::is_signed_v<T>)
    return static_cast<std::uint64_t>(static_cast<std::int64_t>(v));
  else
    return static_cast<std::uint64_t>(v);
}

inline std::uint64_t int_factor(std::complex<double> s) {
  return static_cast<std::uint64_t>(static_cast<std::int64_t>(s.real()));
}

template <class T>
T& at(const NDArray& a, std::int64_t i, std::int64_t j) {
  auto* base = static_cast<char*>(a.raw_data());
  return *reinterpret_cast<T*>(base + i * a.strides()[0] + j * a.strides()[1]);
}
template <class T>
T& at(const NDArray& a, std::int64_t i) {
  return *reinterpret_cast<T*>(static_cast<char*>(a.raw_data()) + i * a.strides()[0]);
}

/// c = alpha a b + beta c.
template <class T>
void gemm(std::complex<double> alpha, const NDArray& a, const NDArray& b, std::complex<double> beta,
          const NDArray& c) {
  const std::uint64_t al = int_factor(alpha), be = int_factor(beta);
  for (std::int64_t i = 0; i < c.dim(0); ++i) {
    for (std::int64_t j = 0; j < c.dim(1); ++j) {
      std::uint64_t acc = 0;
      for (std::int64_t k = 0; k < a.dim(1); ++k)
        acc += widen(at<T>(a, i, k)) * widen(at<T>(b, k, j));
      std::uint64_t old = be == 0 ? 0 : be * widen(at<T>(c, i, j));
      at<T>(c, i, j) = static_cast<T>(al * acc + old);
    }
  }
}

/// y = alpha a x + beta y.
template <class T>
void gemv(std::complex<double> alpha, const NDArray& a, const NDArray& x, std::complex<double> beta,
          const NDArray& y) {
  const std::uint64_t al = int_factor(alpha), be = int_factor(beta);
  for (std::int64_t i = 0; i < a.dim(0); ++i) {
    std::uint64_t acc = 0;
    for (std::int64_t k = 0; k < a.dim(1); ++k) acc += widen(at<T>(a, i, k)) * widen(at<T>(x, k));
    std::uint64_t old = be == 0 ? 0 : be * widen(at<T>(y, i));
    at<T>(y, i) = static_cast<T>(al * acc + old);
  }
}

/// a += alpha outer(x, y).
template <class T>
void ger(std::complex<double> alpha, const NDArray& x, const NDArray& y, const NDArray& a) {
  const std::uint64_t al = int_factor(alpha);
  for (std::int64_t i = 0; i < a.dim(0); ++i)
    for (std::int64_t j = 0; j < a.dim(1); ++j)
      at<T>(a, i, j) =
          static_cast<T>(widen(at<T>(a, i, j)) + al * widen(at<T>(x, i)) * widen(at<T>(y, j)));
}

template <class T>
T inner(const NDArray& x, const NDArray& y) {
  std::uint64_t acc = 0;
  for (std::int64_t k = 0; k < x.dim(0); ++k) acc += widen(at<T>(x, k)) * widen(at<T>(y, k));
  return static_cast<T>(acc);
}

}  // namespace theano::blas::loops
