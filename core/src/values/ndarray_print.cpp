// NumPy-like rendering of arrays: common-width columns, positional or
// scientific float format chosen from the printed values (8 significant
// fractional digits at most, shortest round-trip digits otherwise), complex as
// "re+imj", 75-column lines and "..." elision (3 edge items per axis) for
// arrays of more than 1000 elements.
#include <algorithm>
#include <cmath>
#include <complex>
#include <cstdio>
#include <functional>

#include "theano/core/ndarray.h"

namespace theano {
namespace {

constexpr std::int64_t kSummaryThreshold = 1000;
constexpr std::int64_t kEdgeItems = 3;
constexpr std::size_t kLineWidth = 75;

// One printed element: exact text for bools and ints, numbers for the rest.
struct Element {
  double re = 0;
  double im = 0;
  std::string text;
};

template <class T>
Element make_element(T value) {
  if constexpr (std::is_same_v<T, bool>) {
    return {0, 0, value ? "True" : "False"};
  } else if constexpr (std::is_integral_v<T>) {
    return {0, 0, std::to_string(value)};
  } else if constexpr (std::is_same_v<T, std::complex<float>> ||
                       std::is_same_v<T, std::complex<double>>) {
    return {static_cast<double>(value.real()), static_cast<double>(value.imag()), {}};
  } else {
    return {static_cast<double>(value), 0, {}};
  }
}

// Does `text` parse back to `value` at the precision of `dtype`?
bool round_trips(const char* text, double value, DType dtype) {
  const double parsed = std::strtod(text, nullptr);
  if (dtype == DType::Float16) return float16::from_double(parsed) == float16::from_double(value);
  if (dtype == DType::Float32 || dtype == DType::Complex64) {
    return static_cast<float>(parsed) == static_cast<float>(value);
  }
  return parsed == value;
}

// Digits after the point that print `v` uniquely: the shortest that round-trip,
// or 8 rounded digits with their trailing zeros trimmed.
int needed_precision(double v, DType dtype, bool scientific) {
  char buffer[64];
  for (int precision = 0; precision < 8; ++precision) {
    std::snprintf(buffer, sizeof buffer, scientific ? "%.*e" : "%.*f", precision, v);
    if (round_trips(buffer, v, dtype)) return precision;
  }
  std::snprintf(buffer, sizeof buffer, scientific ? "%.8e" : "%.8f", v);
  const std::string text = buffer;
  const std::size_t end = scientific ? text.find('e') : text.size();
  const std::size_t last_digit = text.find_last_not_of('0', end - 1);
  return static_cast<int>(last_digit - text.find('.'));
}

// NumPy's FloatingFormat: one column format for a set of floats.
class FloatFormat {
 public:
  FloatFormat(DType dtype, const std::vector<double>& values, bool plus_sign)
      : dtype_(dtype), plus_(plus_sign) {
    std::vector<double> finite;
    double max_abs = 0, min_abs = INFINITY;
    for (double v : values) {
      if (!std::isfinite(v)) continue;
      finite.push_back(v);
      if (v == 0) continue;
      max_abs = std::max(max_abs, std::abs(v));
      min_abs = std::min(min_abs, std::abs(v));
    }
    scientific_ = max_abs >= 1e8 || (max_abs > 0 && (min_abs < 1e-4 || max_abs / min_abs > 1e3));
    for (double v : finite) {
      const int precision = needed_precision(v, dtype_, scientific_);
      if (scientific_) {
        precision_ = std::max(precision_, precision);
      } else {
        pad_right_ = std::max<std::size_t>(pad_right_, precision);
      }
    }
    for (double v : finite) {
      const std::string text =
          format(v, scientific_ ? precision_ : needed_precision(v, dtype_, false));
      pad_left_ = std::max(pad_left_, text.find('.'));
      if (scientific_) exp_digits_ = std::max(exp_digits_, text.size() - text.find('e') - 2);
    }
    if (scientific_) pad_right_ = exp_digits_ + 2 + precision_;
    for (double v : values) {
      if (!std::isfinite(v)) {
        const std::size_t length = nonfinite(v).size();
        if (length > pad_right_ + 1) pad_left_ = std::max(pad_left_, length - pad_right_ - 1);
      }
    }
  }

  // The value's text padded to the column.
  std::string operator()(double v) const {
    if (!std::isfinite(v)) return pad_to(nonfinite(v), pad_left_ + pad_right_ + 1);
    std::string text;
    if (scientific_) {
      text = format(v, precision_);
      const std::size_t e = text.find('e');
      const std::size_t digits = text.size() - e - 2;
      if (digits < exp_digits_) text.insert(e + 2, exp_digits_ - digits, '0');
    } else {
      text = format(v, needed_precision(v, dtype_, false));
      text += std::string(pad_right_ - (text.size() - text.find('.') - 1), ' ');
    }
    const std::size_t point = text.find('.');
    return std::string(pad_left_ > point ? pad_left_ - point : 0, ' ') + text;
  }

 private:
  std::string format(double v, int precision) const {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, scientific_ ? "%.*e" : "%.*f", precision, v);
    std::string text = buffer;
    if (text.find('.') == std::string::npos)
      text.insert(scientific_ ? text.find('e') : text.size(), ".");
    if (plus_ && !std::signbit(v)) text.insert(0, "+");
    return text;
  }
  std::string nonfinite(double v) const {
    if (std::isnan(v)) return plus_ ? "+nan" : "nan";
    return v < 0 ? "-inf" : (plus_ ? "+inf" : "inf");
  }
  static std::string pad_to(const std::string& text, std::size_t width) {
    return std::string(width > text.size() ? width - text.size() : 0, ' ') + text;
  }

  DType dtype_;
  bool plus_;
  bool scientific_ = false;
  int precision_ = 0;  // digits after the point, scientific only
  std::size_t pad_left_ = 0;
  std::size_t pad_right_ = 0;
  std::size_t exp_digits_ = 0;
};

// Visits the printed elements (with elision) in C order.
void visit_printed(const NDArray& a, bool summarise, const std::function<void(const char*)>& fn) {
  std::function<void(int, const char*)> walk = [&](int axis, const char* p) {
    if (axis == a.ndim()) return fn(p);
    const std::int64_t n = a.shape()[axis];
    for (std::int64_t i = 0; i < n; ++i) {
      if (summarise && n > 2 * kEdgeItems && i == kEdgeItems) i = n - kEdgeItems;
      walk(axis + 1, p + i * a.strides()[axis]);
    }
  };
  walk(0, static_cast<const char*>(a.raw_data()));
}

std::vector<std::string> format_elements(const NDArray& a, bool summarise) {
  std::vector<Element> elements;
  visit_printed(a, summarise, [&](const char* p) {
    visit_dtype(a.dtype(), [&]<class T>(TypeTag<T>) {
      elements.push_back(make_element(*reinterpret_cast<const T*>(p)));
    });
  });
  std::vector<std::string> out;
  if (is_discrete(a.dtype())) {
    std::size_t width = 0;
    for (const Element& e : elements) width = std::max(width, e.text.size());
    for (const Element& e : elements)
      out.push_back(std::string(width - e.text.size(), ' ') + e.text);
    return out;
  }
  std::vector<double> re, im;
  for (const Element& e : elements) {
    re.push_back(e.re);
    im.push_back(e.im);
  }
  const FloatFormat re_format(a.dtype(), re, false);
  if (!is_complex(a.dtype())) {
    for (double v : re) out.push_back(re_format(v));
    return out;
  }
  const FloatFormat im_format(a.dtype(), im, true);
  for (const Element& e : elements) {
    std::string imag = im_format(e.im);
    const std::size_t end = imag.find_last_not_of(' ') + 1;
    imag.insert(end, "j");
    out.push_back(re_format(e.re) + imag);
  }
  return out;
}

// Lays out the formatted elements as NumPy's _formatArray does.
class Renderer {
 public:
  Renderer(const NDArray& a, bool summarise, std::vector<std::string> cells)
      : a_(a), summarise_(summarise), cells_(std::move(cells)) {}

  std::string render() { return block(0); }

 private:
  std::string block(int axis) {
    const std::int64_t n = a_.shape()[axis];
    const bool last = axis == a_.ndim() - 1;
    const std::string indent(axis + 1, ' ');
    std::string out = "[";
    std::size_t line = axis + 1;
    for (std::int64_t i = 0; i < n; ++i) {
      const bool elide = summarise_ && n > 2 * kEdgeItems && i == kEdgeItems;
      std::string item = elide ? "..." : (last ? cells_[next_++] : block(axis + 1));
      if (i > 0 && last) {
        if (line + 1 + item.size() > kLineWidth - axis - 1) {
          out.erase(out.find_last_not_of(' ') + 1);  // NumPy strips the line's trailing blanks
          out += "\n" + indent;
          line = indent.size();
        } else {
          out += " ";
          ++line;
        }
      } else if (i > 0) {
        out += std::string(a_.ndim() - axis - 1, '\n') + indent;
      }
      out += item;
      line += item.size();
      if (elide) i = n - kEdgeItems - 1;
    }
    return out + "]";
  }

  const NDArray& a_;
  bool summarise_;
  std::vector<std::string> cells_;
  std::size_t next_ = 0;
};

// Python's repr of a float: shortest round-trip digits.
std::string shortest(double v, DType dtype, bool complex_part) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  char buffer[64];
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buffer, sizeof buffer, "%.*g", precision, v);
    if (round_trips(buffer, v, dtype)) break;
  }
  std::string text = buffer;
  if (!complex_part && text.find_first_of(".e") == std::string::npos) text += ".0";
  return text;
}

// A 0-d array prints as NumPy prints the scalar it holds.
std::string scalar_str(const NDArray& a) {
  Element e;
  visit_dtype(a.dtype(),
              [&]<class T>(TypeTag<T>) { e = make_element(*static_cast<const T*>(a.raw_data())); });
  if (is_discrete(a.dtype())) return e.text;
  if (!is_complex(a.dtype())) return shortest(e.re, a.dtype(), false);
  std::string imag = shortest(e.im, a.dtype(), true);
  if (imag.front() != '-') imag.insert(0, "+");
  if (e.re == 0 && !std::signbit(e.re)) return imag.substr(imag.front() == '+' ? 1 : 0) + "j";
  return "(" + shortest(e.re, a.dtype(), true) + imag + "j)";
}

}  // namespace

std::string NDArray::str() const {
  if (!defined()) return "NDArray(null)";
  if (!device().is_cpu()) return to(Device::cpu()).str();
  if (ndim() == 0) return scalar_str(*this);
  if (size() == 0) return "[]";
  const bool summarise = size() > kSummaryThreshold;
  return Renderer(*this, summarise, format_elements(*this, summarise)).render();
}

std::string NDArray::summary() const {
  if (!defined()) return "null NDArray";
  std::string out = std::string(dtype_name(dtype_)) + " " + shape_str(shape_);
  if (!device().is_cpu()) out += " on " + device().str();
  return out;
}

}  // namespace theano
