// Layout descriptions for BLAS calls (see layout.h).
#include "layout.h"

#include <algorithm>
#include <limits>
#include <string>

namespace theano::blas {

namespace {

// The element stride for `bytes`, or nullopt when it is not a positive
// multiple of the item size.
std::optional<std::int64_t> element_stride(std::int64_t bytes, std::size_t item) {
  auto size = static_cast<std::int64_t>(item);
  if (bytes <= 0 || bytes % size != 0) return std::nullopt;
  return bytes / size;
}

}  // namespace

int blas_int(std::int64_t n, const char* what) {
  if (n > std::numeric_limits<int>::max()) {
    throw ValueError(std::string(what) + ": dimension " + std::to_string(n) +
                     " exceeds the 32-bit BLAS interface");
  }
  return static_cast<int>(n);
}

std::optional<MatArg> describe_matrix(const NDArray& a) {
  const std::int64_t r = a.dim(0), c = a.dim(1);
  const std::size_t item = a.itemsize();
  // Strides of size-1 dims are irrelevant: pick the value that fits.
  std::optional<std::int64_t> rs =
      r <= 1 ? std::optional<std::int64_t>(0) : element_stride(a.strides()[0], item);
  std::optional<std::int64_t> cs =
      c <= 1 ? std::optional<std::int64_t>(0) : element_stride(a.strides()[1], item);
  if (!rs || !cs) return std::nullopt;
  std::int64_t row = r <= 1 ? std::max<std::int64_t>(1, c) : *rs;
  if ((c <= 1 || *cs == 1) && row >= std::max<std::int64_t>(1, c)) {
    return MatArg{{}, a.raw_data(), blas_int(row, "BLAS"), CblasNoTrans};
  }
  std::int64_t col = c <= 1 ? std::max<std::int64_t>(1, r) : *cs;
  if ((r <= 1 || *rs == 1) && col >= std::max<std::int64_t>(1, r)) {
    return MatArg{{}, a.raw_data(), blas_int(col, "BLAS"), CblasTrans};
  }
  return std::nullopt;
}

MatArg matrix_arg(const NDArray& a) {
  if (auto d = describe_matrix(a)) return std::move(*d);
  NDArray copy = a.copy();
  return MatArg{copy, copy.raw_data(), blas_int(std::max<std::int64_t>(1, copy.dim(1)), "BLAS"),
                CblasNoTrans};
}

VecArg vector_arg(const NDArray& x) {
  if (x.dim(0) <= 1) return VecArg{{}, x.raw_data(), 1};
  if (auto s = element_stride(x.strides()[0], x.itemsize()))
    return VecArg{{}, x.raw_data(), blas_int(*s, "BLAS")};
  NDArray copy = x.copy();
  return VecArg{copy, copy.raw_data(), 1};
}

}  // namespace theano::blas
