// Internal: checking an op's infer_shape against the shapes its kernel
// produced. The symbolic shapes are built once per node from fresh int64
// variables standing for the input dimensions, then evaluated at each run
// with the actual dimensions bound.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "theano/core/op.h"

namespace theano::debug {

class ShapeCheck {
 public:
  /// Nullopt when the op does not infer shapes (or fails to for symbols).
  static std::optional<ShapeCheck> prepare(const Apply& node);
  /// A description of the first disagreement, or nullopt when the shapes
  /// agree or cannot be evaluated for these inputs.
  std::optional<std::string> check(const std::vector<Value>& inputs, OutputRefs outputs) const;

 private:
  std::vector<ShapeVars> input_dims_;
  std::vector<ShapeVars> output_dims_;
};

}  // namespace theano::debug
