// Internal: a parser for the restricted Python literals found in .npy headers
// (dicts, tuples, lists, strings, integers, True/False/None).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace theano::detail {

/// One parsed literal. Only the members matching `kind` are meaningful.
struct PyLiteral {
  enum class Kind { Dict, Tuple, List, String, Integer, Bool, None };
  Kind kind = Kind::None;
  std::string text;                                        ///< String
  std::int64_t integer = 0;                                ///< Integer
  bool boolean = false;                                    ///< Bool
  std::vector<PyLiteral> items;                            ///< Tuple, List
  std::vector<std::pair<std::string, PyLiteral>> entries;  ///< Dict (string keys)

  /// "dict", "tuple", "str", ... for error messages.
  std::string_view kind_name() const;
};

/// Parses `text` as one literal followed only by whitespace. Throws IOError
/// naming the offending position on anything else (including nesting deeper
/// than 16 levels or integers that overflow 64 bits).
PyLiteral parse_py_literal(std::string_view text);

}  // namespace theano::detail
