// The Op contract: what every operation in every plugin implements.
#pragma once

#include <functional>
#include <optional>
#include <source_location>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "theano/core/graph.h"
#include "theano/core/props.h"

namespace theano {

/// A cheap, non-owning view of a node's input or output storage cells.
template <class V>
class ValueRefs {
 public:
  ValueRefs() = default;
  ValueRefs(V* const* cells, std::size_t n) : cells_(cells), n_(n) {}
  V& operator[](std::size_t i) const { return *cells_[i]; }
  std::size_t size() const { return n_; }

 private:
  V* const* cells_ = nullptr;
  std::size_t n_ = 0;
};
using InputRefs = ValueRefs<const Value>;
/// Output cells may still hold the previous call's value: a kernel may reuse
/// that buffer when its shape, dtype and layout fit (and must not otherwise).
using OutputRefs = ValueRefs<Value>;

/// A node's executable implementation, bound at compile time. It must be
/// safe to call from several threads at once on different storage.
using Thunk = std::function<void(InputRefs inputs, OutputRefs outputs)>;

/// Output index -> the input indices it aliases (view_map) or overwrites (destroy_map).
using IOMap = std::vector<std::pair<int, std::vector<int>>>;
/// A symbolic shape: one int64 scalar variable per dimension.
using ShapeVars = std::vector<Var>;

/// Implemented by ops that evaluate lazily (ifelse): the VM asks which
/// inputs are still needed instead of computing them all first.
class LazyOp {
 public:
  virtual ~LazyOp() = default;
  /// `computed[i]` tells whether input i holds a value. Returns the inputs
  /// still needed; an empty result means the outputs are written.
  virtual std::vector<int> lazy_perform(const Apply& node, InputRefs inputs,
                                        const std::vector<bool>& computed,
                                        OutputRefs outputs) const = 0;
};

/// Implemented by in-place ops that can tell from their inputs alone whether
/// running will succeed. Only such ops may overwrite a shared variable's
/// storage by default (flag `inplace_shared_updates=checked`): the VM runs
/// them last, and calls precheck on all of them before the first one writes,
/// so a call that fails leaves every shared variable as it was.
class PrecheckedOp {
 public:
  virtual ~PrecheckedOp() = default;
  /// Whether this node can keep precheck's promise (an op may depend on its
  /// props, e.g. on whether its scalar code can fail). Default: yes.
  virtual bool can_precheck(const Apply& /*node*/) const { return true; }
  /// Throws the error that running the node on `inputs` would raise. When it
  /// returns, perform and every kernel of the op must run without throwing
  /// (running out of memory aside) and without reading its outputs' cells.
  virtual void precheck(const Apply& node, InputRefs inputs) const = 0;
};

/// An operation. Subclasses hold their attributes as members and reflect them
/// through props(); two ops are equal when name and props are equal.
class Op : public std::enable_shared_from_this<Op> {
 public:
  virtual ~Op() = default;

  /// Registry name, unique across plugins ("Elemwise", "Dot22", ...).
  virtual std::string name() const = 0;
  /// The reflected attributes (empty by default).
  virtual Props props() const { return {}; }
  /// Display name used by debugprint: "Elemwise{add,no_inplace}". Defaults to
  /// name, with "{k=v,...}" when there are props.
  virtual std::string display() const;

  /// Checks inputs and builds the node with its output types. Errors name
  /// the op, the input position and expected vs actual types.
  virtual ApplyPtr make_node(std::vector<Var> inputs) const = 0;
  /// The CPU implementation.
  virtual void perform(const Apply& node, InputRefs inputs, OutputRefs outputs) const = 0;

  /// Symbolic output shapes from the input shapes, or nullopt when unknown.
  virtual std::optional<std::vector<ShapeVars>> infer_shape(
      const Apply& node, const std::vector<ShapeVars>& input_shapes) const;
  /// Reverse mode: gradient of the cost w.r.t. each input, given the
  /// gradients w.r.t. the outputs (null Vars for disconnected outputs).
  /// Default: NullType gradients saying the op has no gradient.
  virtual std::vector<Var> L_op(const Apply& node, const std::vector<Var>& output_grads) const;
  /// Forward mode: output directional derivatives for input eval points.
  virtual std::vector<Var> R_op(const Apply& node, const std::vector<Var>& eval_points) const;
  /// [input][output]: whether the output depends on the input. Default all true.
  virtual std::vector<std::vector<bool>> connection_pattern(const Apply& node) const;
  virtual IOMap view_map() const { return {}; }
  virtual IOMap destroy_map() const { return {}; }
  /// False forbids constant folding of the node (e.g. allocations).
  virtual bool do_constant_folding(const Apply& /*node*/) const { return true; }
  /// A specialised executable for the node; nullopt uses perform.
  virtual std::optional<Thunk> make_thunk(const Apply& /*node*/) const { return std::nullopt; }
  /// Non-null for lazy ops.
  virtual const LazyOp* as_lazy() const { return nullptr; }

  bool equals(const Op& other) const;
  std::size_t hash() const;

  /// Applies the op: make_node, records `loc` on the node and its outputs,
  /// and computes test values when `compute_test_value` is on.
  std::vector<Var> operator()(std::vector<Var> inputs,
                              std::source_location loc = std::source_location::current()) const;
  /// Single-output convenience.
  Var apply1(std::vector<Var> inputs,
             std::source_location loc = std::source_location::current()) const;
  /// Builds the node with this op for `inputs` and `output_types` (for make_node).
  ApplyPtr build(std::vector<Var> inputs, std::vector<TypePtr> output_types) const;

 protected:
  /// A NullType variable for an input whose gradient is undefined.
  Var grad_undefined(int input, const std::string& reason) const;
};

/// Raises a TypeError for input `i` of `op`: "<op>: input i: expected X, got Y".
[[noreturn]] void throw_input_type_error(const Op& op, int i, const std::string& expected,
                                         const TypePtr& got);

}  // namespace theano
