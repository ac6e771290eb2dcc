// A small recursive-descent parser for the Python literal subset that .npy
// headers use. Every read is bounds-checked; malformed text is an IOError
// that says what was expected and at which character.
#include "py_literal.h"

#include <cctype>

#include "theano/core/errors.h"

namespace theano::detail {
namespace {

constexpr int kMaxDepth = 16;

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  PyLiteral parse_all() {
    PyLiteral value = parse_value(0);
    skip_space();
    if (pos_ != text_.size()) fail("unexpected text after the literal");
    return value;
  }

 private:
  [[noreturn]] void fail(const std::string& what) const {
    std::string context(text_.substr(pos_, 20));
    for (char& c : context) {
      if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7e) c = '?';
    }
    throw IOError("malformed header literal at character " + std::to_string(pos_) + ": " + what +
                  (pos_ < text_.size() ? " (near \"" + context + "\")" : " (at end of header)"));
  }

  void skip_space() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t' ||
                                   text_[pos_] == '\n' || text_[pos_] == '\r')) {
      ++pos_;
    }
  }

  bool peek_is(char c) {
    skip_space();
    return pos_ < text_.size() && text_[pos_] == c;
  }

  void expect(char c) {
    if (!peek_is(c)) fail(std::string("expected '") + c + "'");
    ++pos_;
  }

  PyLiteral parse_value(int depth) {
    if (depth > kMaxDepth) fail("nesting deeper than " + std::to_string(kMaxDepth) + " levels");
    skip_space();
    if (pos_ >= text_.size()) fail("expected a value");
    const char c = text_[pos_];
    if (c == '{') return parse_dict(depth);
    if (c == '(') return parse_sequence(depth, ')', PyLiteral::Kind::Tuple);
    if (c == '[') return parse_sequence(depth, ']', PyLiteral::Kind::List);
    if (c == '\'' || c == '"') return string_literal(parse_string());
    if (c == '-' || c == '+' || (c >= '0' && c <= '9')) return parse_integer();
    return parse_name();
  }

  static PyLiteral string_literal(std::string text) {
    PyLiteral value;
    value.kind = PyLiteral::Kind::String;
    value.text = std::move(text);
    return value;
  }

  PyLiteral parse_dict(int depth) {
    PyLiteral dict;
    dict.kind = PyLiteral::Kind::Dict;
    expect('{');
    while (!peek_is('}')) {
      if (!peek_is('\'') && !peek_is('"')) fail("expected a string key");
      std::string key = parse_string();
      expect(':');
      dict.entries.emplace_back(std::move(key), parse_value(depth + 1));
      if (!peek_is(',')) break;
      ++pos_;
    }
    expect('}');
    return dict;
  }

  PyLiteral parse_sequence(int depth, char close, PyLiteral::Kind kind) {
    PyLiteral sequence;
    sequence.kind = kind;
    ++pos_;  // the opening bracket
    bool saw_comma = false;
    while (!peek_is(close)) {
      sequence.items.push_back(parse_value(depth + 1));
      if (!peek_is(',')) break;
      ++pos_;
      saw_comma = true;
    }
    expect(close);
    // "(3)" is the integer 3 in Python, not a tuple.
    if (kind == PyLiteral::Kind::Tuple && sequence.items.size() == 1 && !saw_comma) {
      return std::move(sequence.items.front());
    }
    return sequence;
  }

  std::string parse_string() {
    const char quote = text_[pos_++];
    std::string out;
    while (true) {
      if (pos_ >= text_.size()) fail("unterminated string");
      char c = text_[pos_++];
      if (c == quote) return out;
      if (c == '\n') fail("newline inside a string");
      if (c == '\\') {
        if (pos_ >= text_.size()) fail("unterminated escape in string");
        c = text_[pos_++];
        if (c != '\\' && c != '\'' && c != '"') fail("unsupported escape in string");
      }
      out += c;
    }
  }

  PyLiteral parse_integer() {
    PyLiteral value;
    value.kind = PyLiteral::Kind::Integer;
    const bool negative = text_[pos_] == '-';
    if (text_[pos_] == '-' || text_[pos_] == '+') ++pos_;
    const std::size_t first_digit = pos_;
    std::int64_t magnitude = 0;
    while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') {
      if (__builtin_mul_overflow(magnitude, 10, &magnitude) ||
          __builtin_add_overflow(magnitude, text_[pos_] - '0', &magnitude)) {
        fail("integer does not fit in 64 bits");
      }
      ++pos_;
    }
    if (pos_ == first_digit) fail("expected digits");
    if (pos_ < text_.size() && (text_[pos_] == 'L' || text_[pos_] == 'l')) ++pos_;  // Python 2
    if (pos_ < text_.size() && (std::isalnum(static_cast<unsigned char>(text_[pos_])) ||
                                text_[pos_] == '.' || text_[pos_] == '_')) {
      fail("expected an integer");
    }
    value.integer = negative ? -magnitude : magnitude;
    return value;
  }

  PyLiteral parse_name() {
    const std::size_t start = pos_;
    while (pos_ < text_.size() && std::isalpha(static_cast<unsigned char>(text_[pos_]))) ++pos_;
    const std::string_view name = text_.substr(start, pos_ - start);
    PyLiteral value;
    if (name == "True" || name == "False") {
      value.kind = PyLiteral::Kind::Bool;
      value.boolean = name == "True";
    } else if (name == "None") {
      value.kind = PyLiteral::Kind::None;
    } else {
      pos_ = start;
      fail("expected a dict, tuple, list, string, integer, True, False or None");
    }
    return value;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

}  // namespace

std::string_view PyLiteral::kind_name() const {
  switch (kind) {
    case Kind::Dict:
      return "dict";
    case Kind::Tuple:
      return "tuple";
    case Kind::List:
      return "list";
    case Kind::String:
      return "str";
    case Kind::Integer:
      return "int";
    case Kind::Bool:
      return "bool";
    case Kind::None:
      return "None";
  }
  return "?";
}

PyLiteral parse_py_literal(std::string_view text) {
  return Parser(text).parse_all();
}

}  // namespace theano::detail
