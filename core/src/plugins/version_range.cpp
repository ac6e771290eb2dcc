// Semantic versions and the version-range grammar used by plugin
// dependencies.
//
//   range   := "*" | "" | clause ("," clause)*      every clause must hold
//   clause  := op? version | "^" version | "~" version | wild
//   op      := ">=" | "<=" | ">" | "<" | "==" | "=" | "!="    (none means "==")
//   version := N ["." N ["." N]] ["-" pre-release] ["+" build]
//   wild    := ["=="] N "." "*" | ["=="] N "." N "." "*" | "*"
//
// Missing components are zero (">=1" is ">=1.0.0"). "^1.2.3" is ">=1.2.3, <2"
// (for 0.x: "^0.2.3" is ">=0.2.3, <0.3", "^0.0.3" is ">=0.0.3, <0.0.4").
// "~1.2.3" is ">=1.2.3, <1.3". "1.2.*" is ">=1.2.0, <1.3". A pre-release
// ("1.0.0-rc1") sorts before its release; build metadata is ignored.
#include <charconv>
#include <compare>
#include <cstdint>
#include <string_view>
#include <vector>

#include "theano/core/errors.h"
#include "theano/core/plugin_host.h"

namespace theano {
namespace {

struct Version {
  std::int64_t part[3] = {0, 0, 0};
  std::string pre;

  std::strong_ordering operator<=>(const Version& o) const {
    for (int i = 0; i < 3; ++i) {
      if (part[i] != o.part[i]) return part[i] <=> o.part[i];
    }
    if (pre.empty() != o.pre.empty())
      return pre.empty() ? std::strong_ordering::greater : std::strong_ordering::less;
    return pre.compare(o.pre) <=> 0;
  }
  bool operator==(const Version& o) const { return (*this <=> o) == 0; }
};

std::string_view trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

[[noreturn]] void malformed(std::string_view text, std::string_view why) {
  throw ValueError("malformed version '" + std::string(text) + "': " + std::string(why) +
                   " (expected MAJOR[.MINOR[.PATCH]][-pre])");
}

std::int64_t parse_number(std::string_view digits, std::string_view whole) {
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (digits.empty() || ec != std::errc() || end != digits.data() + digits.size() || value < 0) {
    malformed(whole, "'" + std::string(digits) + "' is not a number");
  }
  return value;
}

/// Parses "1.2.3-rc+build"; with `wildcard_ok`, a trailing ".*" sets `*wild`
/// to the number of components before it.
Version parse_version(std::string_view text, int* wild = nullptr) {
  std::string_view s = trim(text);
  s = s.substr(0, s.find('+'));
  Version v;
  if (auto dash = s.find('-'); dash != std::string_view::npos) {
    v.pre = std::string(s.substr(dash + 1));
    s = s.substr(0, dash);
  }
  int n = 0;
  while (true) {
    auto dot = s.find('.');
    std::string_view piece = s.substr(0, dot);
    if (piece == "*" && wild && dot == std::string_view::npos && n > 0) {
      *wild = n;
      return v;
    }
    if (n == 3) malformed(text, "more than three components");
    v.part[n++] = parse_number(piece, text);
    if (dot == std::string_view::npos) break;
    s = s.substr(dot + 1);
  }
  return v;
}

/// One comparison against a version.
struct Bound {
  std::string_view op;
  Version v;
  bool holds(const Version& x) const {
    if (op == ">=") return x >= v;
    if (op == "<=") return x <= v;
    if (op == ">") return x > v;
    if (op == "<") return x < v;
    if (op == "!=") return x != v;
    return x == v;
  }
};

Version bump(Version v, int index) {
  v.pre.clear();
  ++v.part[index];
  for (int i = index + 1; i < 3; ++i) v.part[i] = 0;
  return v;
}

void add_clause(std::string_view clause, std::vector<Bound>& bounds) {
  if (clause == "*" || clause.empty()) return;
  if (clause.front() == '^' || clause.front() == '~') {
    Version v = parse_version(clause.substr(1));
    int index = clause.front() == '~' ? 1 : (v.part[0] > 0 ? 0 : (v.part[1] > 0 ? 1 : 2));
    bounds.push_back({">=", v});
    bounds.push_back({"<", bump(v, index)});
    return;
  }
  std::string_view op = "==";
  for (std::string_view candidate : {">=", "<=", "==", "!=", ">", "<", "="}) {
    if (clause.starts_with(candidate)) {
      op = candidate == "=" ? "==" : candidate;
      clause = trim(clause.substr(candidate.size()));
      break;
    }
  }
  int wild = 0;
  Version v = parse_version(clause, &wild);
  if (wild == 0) {
    bounds.push_back({op, v});
    return;
  }
  if (op != "==") malformed(clause, "a wildcard is only allowed with '=='");
  bounds.push_back({">=", v});
  bounds.push_back({"<", bump(v, wild - 1)});
}

}  // namespace

bool version_satisfies(const std::string& version, const std::string& range) {
  const Version v = parse_version(version);
  std::vector<Bound> bounds;
  std::string_view rest = range;
  while (true) {
    auto comma = rest.find(',');
    add_clause(trim(rest.substr(0, comma)), bounds);
    if (comma == std::string_view::npos) break;
    rest = rest.substr(comma + 1);
  }
  for (const Bound& b : bounds) {
    if (!b.holds(v)) return false;
  }
  return true;
}

}  // namespace theano
