// Fusion: chains of Elemwise nodes become one Elemwise{Composite} (one pass
// over memory, temporaries kept in cache by the blocked interpreter), and a
// reduction of an Elemwise result takes that function as its `pre`
// (sum(x * x) reads x once and never stores x * x).
#pragma once

#include "theano/optdb/rewriter.h"

namespace theano::elemwise {

class ElemwiseFusion final : public optdb::GraphRewriter {
 public:
  /// `max_inputs`: at most this many distinct inputs per fused node.
  explicit ElemwiseFusion(int max_inputs = 32) : max_inputs_(max_inputs) {}
  std::string name() const override { return "elemwise_fusion"; }
  int apply(FunctionGraph& fg) const override;

 private:
  int max_inputs_;
};

class ReduceFusion final : public optdb::GraphRewriter {
 public:
  std::string name() const override { return "reduce_fusion"; }
  int apply(FunctionGraph& fg) const override;
};

}  // namespace theano::elemwise
