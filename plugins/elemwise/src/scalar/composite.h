// Composite: a graph of scalar ops run as one scalar op. Elemwise fusion
// builds them, so a chain of elementwise operations costs one pass over
// memory: the kernel evaluates the inner graph block by block (a blocked
// interpreter), each inner op over a few hundred elements held in cache.
#pragma once

#include <memory>
#include <mutex>

#include "theano/core/fgraph.h"
#include "theano/plugin_api/scalar_op.h"

namespace theano::elemwise {

class CompositeOp final : public ScalarOp {
 public:
  /// `graph` holds ScalarType variables and ScalarOp nodes only (checked).
  explicit CompositeOp(std::shared_ptr<const FunctionGraph> graph);
  const std::shared_ptr<const FunctionGraph>& graph() const { return graph_; }

  std::string scalar_name() const override { return "Composite"; }
  /// "Composite{((i0 + i1) * i2)}".
  std::string display() const override;
  Props props() const override { return Props{{"fgraph", graph_}}; }
  int nin() const override { return static_cast<int>(graph_->inputs().size()); }
  int nout() const override { return static_cast<int>(graph_->outputs().size()); }
  std::vector<DType> output_dtypes(const std::vector<DType>& in) const override;
  LoopSignature loop_signature(const std::vector<DType>& in) const override;
  /// The inner graph's loop, compiled once (Elemwise's make_node asks for
  /// it to check the dtypes, each thunk asks again).
  ScalarLoop make_loop(const LoopSignature& sig) const override;
  /// An immediately-invoked lambda computing the single output with one
  /// temporary per inner node; empty when an inner op has no C expression.
  std::string c_expr(const LoopSignature& sig, const std::vector<std::string>& args) const override;
  std::string c_support_code() const override;

  /// The inner graph as an expression: "((i0 + i1) * i2)", outputs separated by ", ".
  std::string expression() const;

 private:
  std::shared_ptr<const FunctionGraph> graph_;
  std::vector<DType> in_dtypes_;
  std::vector<DType> out_dtypes_;
  mutable std::mutex loop_mutex_;
  mutable ScalarLoop loop_;  // null until make_loop first succeeds
};

/// The scalar op of an inner node (every inner node's op is one).
const ScalarOp& scalar_op_of(const Apply& node);
/// The dtype of a scalar (or 0-d tensor) variable.
DType scalar_dtype(const Variable& v);

}  // namespace theano::elemwise
