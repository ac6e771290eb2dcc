// Internal: evaluating variables with each op's reference `perform`, from
// bound values of the graph's roots. DebugMode uses it to compute what a
// graph should give (before rewriting, or a replaced subgraph) and to
// evaluate symbolic shapes from infer_shape. Inputs an op destroys are
// copied first, so bound values and earlier results are never changed.
#pragma once

#include <unordered_map>

#include "theano/core/graph.h"

namespace theano::debug {

class ReferenceEvaluator {
 public:
  /// Gives root (or any) variable `v` the value `value`.
  void bind(const Variable* v, Value value) { values_[v] = std::move(value); }
  /// Gives every shared variable backed by `container` the value `value`
  /// (clones of a shared variable share its container).
  void bind_shared(const Container* container, Value value) {
    shared_[container] = std::move(value);
  }
  bool has(const Variable* v) const { return values_.count(v) != 0; }
  /// The value of `v`, computing its ancestors as needed. Constants give
  /// their value, shared variables their current value unless bound. An
  /// unbound free input is a ValueError; an op's failure propagates.
  const Value& eval(const Variable* v);

 private:
  void run_node(const Apply& node);
  std::unordered_map<const Variable*, Value> values_;
  std::unordered_map<const Container*, Value> shared_;
};

}  // namespace theano::debug
