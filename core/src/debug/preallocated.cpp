// Awkward output buffers (see preallocated.h).
#include "preallocated.h"

#include <algorithm>
#include <cstring>

namespace theano::debug {

namespace {

NDArray garbage(DType dtype, const Shape& shape) {
  NDArray a = NDArray::empty(dtype, shape);
  if (a.nbytes()) std::memset(a.raw_data(), 0xFF, a.nbytes());
  return a;
}

}  // namespace

const std::vector<std::string>& buffer_strategies() {
  static const std::vector<std::string> all = {"reused", "strided", "f_contiguous", "wrong_size"};
  return all;
}

std::vector<std::string> parse_buffer_strategies(const std::string& text) {
  if (text == "all") return buffer_strategies();
  std::vector<std::string> out;
  if (text == "none" || text.empty()) return out;
  const auto& known = buffer_strategies();
  std::size_t start = 0;
  while (true) {
    std::size_t end = text.find(':', start);
    std::string item = text.substr(start, end == std::string::npos ? end : end - start);
    if (std::find(known.begin(), known.end(), item) == known.end()) {
      throw ConfigError(
          "check_preallocated_output: expected all, none, or ':'-separated names "
          "among reused, strided, f_contiguous, wrong_size; got '" +
          item + "'");
    }
    out.push_back(item);
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

Value awkward_buffer(const std::string& strategy, const Value& expected) {
  if (!expected.is_array()) return {};
  const NDArray& e = expected.array();
  if (!e.device().is_cpu()) return {};
  const Shape& shape = e.shape();
  int nd = e.ndim();
  if (strategy == "reused") return garbage(e.dtype(), shape);
  if (strategy == "strided") {
    if (nd == 0 || e.size() == 0) return {};
    Shape wide = shape;
    wide.back() *= 2;
    return garbage(e.dtype(), wide).slice(nd - 1, 0, wide.back(), 2);
  }
  if (strategy == "f_contiguous") {
    if (nd < 2 || e.size() == 0) return {};
    Shape reversed(shape.rbegin(), shape.rend());
    return garbage(e.dtype(), reversed).transpose();
  }
  if (strategy == "wrong_size") {
    Shape bigger = nd == 0 ? Shape{2} : shape;
    for (auto& d : bigger) d += 1;
    if (nd == 0) bigger = Shape{2};
    return garbage(e.dtype(), bigger);
  }
  return {};
}

}  // namespace theano::debug
