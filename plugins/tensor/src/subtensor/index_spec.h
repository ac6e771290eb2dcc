// The index list shared by every indexing op: which entries are integers,
// slices, new axes, integer arrays or boolean masks, and which of their parts
// are constants held in the op's props or symbolic inputs of the node. Also
// the runtime side: Python's slice normalisation, bounds-checked integer
// indices, and the basic (view-producing) indexing of an NDArray.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "theano/core/op.h"

namespace theano::tensor_ops::indexing {

/// Concatenates strings and integers by appending (GCC 12 at -O3 reports a
/// false -Wrestrict on `"literal" + std::string&&`).
template <class... Parts>
std::string cat(const Parts&... parts) {
  std::string s;
  auto add = [&s](const auto& p) {
    if constexpr (std::is_integral_v<std::decay_t<decltype(p)>>) {
      s.append(std::to_string(p));
    } else {
      s.append(p);
    }
  };
  (add(parts), ...);
  return s;
}

/// One part of an index entry (an integer index, a slice bound or step):
/// absent (Python's None), a constant, or the next symbolic input.
struct Component {
  enum class Kind : std::uint8_t { None, Const, Sym };
  Kind kind = Kind::None;
  std::int64_t value = 0;

  static Component none() { return {}; }
  static Component constant(std::int64_t v) { return {Kind::Const, v}; }
  static Component sym() { return {Kind::Sym, 0}; }
  bool is_none() const { return kind == Kind::None; }
  bool is_const() const { return kind == Kind::Const; }
  bool is_sym() const { return kind == Kind::Sym; }
  friend bool operator==(const Component&, const Component&) = default;
};

/// One entry of an index list. Int uses `a`; Slice uses a:b:c (start, stop,
/// step); Array and Mask take the next input (an int / bool tensor).
struct IndexEntry {
  enum class Kind : std::uint8_t { Int, Slice, NewAxis, Array, Mask };
  Kind kind = Kind::Slice;
  Component a, b, c;

  static IndexEntry integer(Component i) { return {Kind::Int, i, {}, {}}; }
  static IndexEntry slice(Component start, Component stop, Component step) {
    return {Kind::Slice, start, stop, step};
  }
  static IndexEntry full() { return {}; }
  bool is_advanced() const { return kind == Kind::Array || kind == Kind::Mask; }
  /// Number of node inputs the entry consumes.
  int n_inputs() const;
  friend bool operator==(const IndexEntry&, const IndexEntry&) = default;
};

using IdxList = std::vector<IndexEntry>;

/// Prop encoding: a list of lists ("int", c) / ("slice", c, c, c) /
/// ("newaxis") / ("array") / ("mask"), a component being none, an integer or
/// the string "$" (symbolic).
PropValue encode_idx(const IdxList& idx);
/// Parses the encoding; ValueError naming the bad entry.
IdxList decode_idx(const PropValue& value, const std::string& op_name);
/// "1:-1, ::-1, $, [array]" for display names.
std::string idx_str(const IdxList& idx);
/// Total node inputs consumed by the index entries.
int n_index_inputs(const IdxList& idx);
/// True when the entry is a slice taking every element (":" or "::1").
bool is_full_slice(const IndexEntry& e);

/// Checks that `v` is a 0-d integer tensor (a symbolic index); TypeError
/// naming the op and input position otherwise.
void check_index_scalar(const Op& op, int position, const Var& v);

// --- runtime -----------------------------------------------------------------------

/// A slice after Python's slice.indices(n): start, step and element count.
struct CanonicalSlice {
  std::int64_t start = 0, stop = 0, step = 1, length = 0;
};
CanonicalSlice canonical_slice(std::int64_t n, std::optional<std::int64_t> start,
                               std::optional<std::int64_t> stop, std::optional<std::int64_t> step);
/// `i` normalised into [0, n); IndexError "index i is out of bounds for axis
/// `axis` with size n" otherwise.
std::int64_t checked_index(std::int64_t i, std::int64_t n, int axis);

/// Reads the components of the entries from the node inputs starting at
/// `first_input` (constants from the props); Array / Mask entries are skipped.
struct ResolvedEntry {
  IndexEntry::Kind kind;
  std::optional<std::int64_t> a, b, c;
};
std::vector<ResolvedEntry> resolve(const IdxList& idx, InputRefs inputs, int first_input);

/// The view of `x` selected by basic entries (Int / Slice / NewAxis).
NDArray basic_view(const NDArray& x, const std::vector<ResolvedEntry>& entries);

/// Static output shape of basic indexing of `in`.
StaticShape basic_static_shape(const StaticShape& in, const IdxList& idx, const std::string& op);

}  // namespace theano::tensor_ops::indexing
