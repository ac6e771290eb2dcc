// Compiling graphs into callable functions.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <source_location>
#include <string>
#include <type_traits>
#include <vector>

#include "theano/core/fgraph.h"
#include "theano/core/graph.h"
#include "theano/core/mode.h"

namespace theano {

/// A function input with its options.
struct In {
  In(Var v) : variable(std::move(v)) {}  // NOLINT: implicit so {x, y} works
  /// Anything convertible to a Var (derived handles, front-end tensors).
  template <class V>
    requires(std::is_convertible_v<const V&, Var> && !std::is_same_v<V, Var>)
  In(const V& v) : variable(v) {}  // NOLINT
  In(Var v, Value default_value) : variable(std::move(v)), value(std::move(default_value)) {}
  Var variable;
  /// Keyword name for named calls; defaults to the variable's name.
  std::string name;
  /// Default value: the argument may be omitted.
  std::optional<Value> value;
  /// Outputs may alias the buffer passed for this input.
  bool borrow = false;
  /// The function may overwrite the passed buffer (enables in-place use).
  bool mutable_ = false;
  /// Only the exact type is accepted (no conversion at all).
  bool strict = false;
  /// Per-input override of the function's allow_input_downcast.
  std::optional<bool> allow_downcast;
};

/// A function output; with `borrow` the returned value may be the function's
/// internal buffer, overwritten by the next call.
struct Out {
  Out(Var v, bool borrow_ = false) : variable(std::move(v)), borrow(borrow_) {}  // NOLINT
  template <class V>
    requires(std::is_convertible_v<const V&, Var> && !std::is_same_v<V, Var>)
  Out(const V& v, bool borrow_ = false)  // NOLINT
      : variable(v), borrow(borrow_) {}
  Var variable;
  bool borrow = false;
};

/// (shared variable, new value expression) or (variable, replacement).
using VarPairs = std::vector<std::pair<Var, Var>>;

struct FunctionOptions {
  /// Shared-variable updates, computed from the old values, applied together
  /// after every output is computed.
  VarPairs updates;
  /// Substitutions applied to the graph before compiling.
  VarPairs givens;
  std::optional<Mode> mode;
  /// Allow lossy conversion of call arguments (default: only a C++ double
  /// to floatX).
  std::optional<bool> allow_input_downcast;
  /// "raise", "warn" or "ignore"; empty takes the on_unused_input flag.
  std::string on_unused_input;
  /// Ignore every shared variable's default update.
  bool no_default_updates = false;
  /// Ignore the default updates of these shared variables only.
  std::vector<Var> no_default_updates_for;
  std::string name;
  bool profile = false;
  /// Accept a user graph that already contains in-place ops.
  bool accept_inplace = false;
};

struct FunctionImpl;

/// A compiled function. Cheap to copy (copies share the compiled program).
/// Safe to call from several threads at once.
class Function {
 public:
  /// Calls with positional arguments (and optional named ones). Returns the
  /// outputs in order. Throws TypeError naming the input for a wrong count,
  /// dtype, ndim or a shape contradicting the static type; NodeError when a
  /// node fails. On any failure no shared variable is changed.
  std::vector<Value> operator()(const std::vector<Value>& args = {},
                                const std::map<std::string, Value>& named = {}) const;
  /// The single output of a one-output function.
  Value call1(const std::vector<Value>& args = {}) const;

  /// A new function with the same compiled graph where each shared variable
  /// in `swap` is replaced by its partner (types must match). With
  /// `delete_updates`, the copy applies no updates.
  Function copy(const VarPairs& swap = {}, bool delete_updates = false,
                const std::string& name = {}) const;

  const std::string& name() const;
  const Mode& mode() const;
  /// The optimized graph (outputs followed by update expressions).
  const FunctionGraph& fgraph() const;
  /// The graph as given by the user, after givens, before rewriting.
  const FunctionGraph& unoptimized_fgraph() const;
  const std::vector<In>& inputs() const;
  const std::vector<Out>& outputs() const;
  /// Shared variables read by the function and the updates it applies.
  std::vector<std::shared_ptr<SharedVariable>> shared_variables() const;
  const VarPairs& updates() const;
  /// Seconds spent rewriting and linking at compile time.
  double optimizer_seconds() const;
  double linker_seconds() const;
  const std::shared_ptr<const FunctionImpl>& impl() const { return impl_; }

  explicit Function(std::shared_ptr<const FunctionImpl> impl) : impl_(std::move(impl)) {}

 private:
  std::shared_ptr<const FunctionImpl> impl_;
};

/// Compiles `outputs` as a function of `inputs`.
Function function(std::vector<In> inputs, std::vector<Out> outputs, FunctionOptions options = {},
                  std::source_location loc = std::source_location::current());

}  // namespace theano
