// Helpers shared by the values tests: golden-file paths, comment-free line
// reading, exception-message capture and bit-exact element comparison.
#pragma once

#include <gtest/gtest.h>

#include <cmath>
#include <complex>
#include <fstream>
#include <string>
#include <vector>

#include "theano/core/ndarray.h"

namespace theano::testing {

inline std::string npy_path(const std::string& name) {
  return std::string(THEANO_TEST_DATA_DIR) + "/npy/" + name;
}

/// Non-empty lines of a golden text file, '#' comment lines dropped.
inline std::vector<std::string> read_lines(const std::string& name) {
  std::ifstream file(npy_path(name));
  EXPECT_TRUE(file.good()) << "missing golden file " << npy_path(name);
  std::vector<std::string> lines;
  for (std::string line; std::getline(file, line);) {
    if (!line.empty() && line[0] != '#') lines.push_back(line);
  }
  return lines;
}

/// The message of the E thrown by `fn`; records a failure if none is thrown.
template <class E, class Fn>
std::string thrown_message(Fn&& fn) {
  try {
    fn();
  } catch (const E& e) {
    return e.what();
  }
  ADD_FAILURE() << "expected an exception that was not thrown";
  return {};
}

#define EXPECT_CONTAINS(text, part) \
  EXPECT_NE(std::string(text).find(part), std::string::npos) << "in: " << (text)

/// Equal including NaN == NaN and the sign of zero.
inline bool same_float(double a, double b) {
  if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
  return a == b && std::signbit(a) == std::signbit(b);
}

/// Element-wise identity of two arrays of one dtype and shape (NaN matches NaN).
inline bool identical(const NDArray& a, const NDArray& b) {
  if (a.dtype() != b.dtype() || a.shape() != b.shape()) return false;
  if (is_complex(a.dtype())) {
    auto x = a.to_vector<std::complex<double>>();
    auto y = b.to_vector<std::complex<double>>();
    for (std::size_t i = 0; i < x.size(); ++i) {
      if (!same_float(x[i].real(), y[i].real()) || !same_float(x[i].imag(), y[i].imag())) {
        return false;
      }
    }
    return true;
  }
  if (is_float(a.dtype())) {
    auto x = a.to_vector<double>();
    auto y = b.to_vector<double>();
    for (std::size_t i = 0; i < x.size(); ++i) {
      if (!same_float(x[i], y[i])) return false;
    }
    return true;
  }
  return array_equal(a, b);
}

}  // namespace theano::testing
