// In-place insertion: ops offer variants that write an output into an
// input's buffer, and one generic pass swaps them in wherever the
// DestroyHandler allows it.
#pragma once

#include <utility>
#include <vector>

#include "theano/optdb/rewriter.h"

namespace theano::optdb {

/// Implemented (besides Op) by ops that have in-place variants.
class InplaceCapable {
 public:
  virtual ~InplaceCapable() = default;
  /// (output, input) pairs: output `first` could overwrite input `second`
  /// (same type and shape), best first.
  virtual std::vector<std::pair<int, int>> inplace_candidates(const Apply& node) const = 0;
  /// The op computing the same outputs as node's op with `output` written
  /// into `input` (and declaring it in destroy_map), or null to decline.
  virtual OpPtr with_inplace(const Apply& node, int output, int input) const = 0;
};

/// Visits the nodes in schedule order and, for each op that is
/// InplaceCapable, swaps in the first variant whose overwritten value no
/// later node reads, that is no graph output, and whose storage the function
/// may overwrite (constants never; inputs and shared variables only when
/// destroyable). The DestroyHandler (attached if absent) validates the
/// result; swaps touching shared storage are validated one by one.
class InplaceOptimizer final : public GraphRewriter {
 public:
  std::string name() const override { return "inplace_insertion"; }
  int apply(FunctionGraph& fg) const override;
};

}  // namespace theano::optdb
