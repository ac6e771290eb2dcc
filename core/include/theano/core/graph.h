// Graph objects: Variable (and its Constant / SharedVariable kinds) and Apply.
//
// Ownership: an Apply owns its output Variables; a `Var` handle to an output
// keeps its Apply alive (aliasing shared_ptr), and an Apply keeps its inputs
// alive. Graphs are therefore acyclic in ownership and free themselves.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "theano/core/errors.h"
#include "theano/core/type.h"
#include "theano/core/value.h"

namespace theano {

class Variable;
class Apply;
class Op;
using Var = std::shared_ptr<Variable>;
using ApplyPtr = std::shared_ptr<Apply>;
using OpPtr = std::shared_ptr<const Op>;

/// What the user attached to a Variable besides its type.
struct VariableTag {
  /// Where user code created the variable (or the node that outputs it).
  SourceLoc loc;
  /// Eagerly computed value when `compute_test_value` is on.
  std::optional<Value> test_value;
};

/// A symbolic value: the input or output of Apply nodes.
class Variable {
 public:
  enum class Kind : std::uint8_t { Variable, Constant, Shared };

  /// A free variable (a function input).
  static Var make(TypePtr type, std::string name = {}, SourceLoc loc = {});
  virtual ~Variable() = default;
  Variable(const Variable&) = delete;
  Variable& operator=(const Variable&) = delete;

  Kind kind() const { return kind_; }
  const TypePtr& type() const { return type_; }
  const std::string& name() const { return name_; }
  void set_name(std::string name) { name_ = std::move(name); }
  /// The node computing this variable, or nullptr for a root.
  Apply* owner() const { return owner_; }
  /// Output position in the owner.
  int index() const { return index_; }
  VariableTag& tag() { return tag_; }
  const VariableTag& tag() const { return tag_; }
  /// Creation serial, unique in the process.
  std::uint64_t id() const { return id_; }

  /// The owning handle to this variable.
  Var self() const;
  /// A root copy with the same kind, type, name and tag (no owner).
  virtual Var clone() const;
  /// Name, or the type in angle brackets for an unnamed variable.
  virtual std::string str() const;

 protected:
  Variable(Kind kind, TypePtr type, std::string name, SourceLoc loc);
  /// Records the owning handle of a root variable; called by factories.
  static void adopt(const Var& handle) { handle->weak_self_ = handle; }

 private:
  friend class Apply;
  Kind kind_;
  TypePtr type_;
  std::string name_;
  Apply* owner_ = nullptr;
  int index_ = 0;
  VariableTag tag_;
  std::uint64_t id_;
  std::weak_ptr<Variable> weak_self_;
};

/// A variable with a fixed value. Equal constants (same type and data) are
/// merged by the optimizer.
class Constant final : public Variable {
 public:
  /// Filters `value` through `type` strictly.
  static std::shared_ptr<Constant> make(TypePtr type, Value value, std::string name = {},
                                        SourceLoc loc = {});
  const Value& value() const { return value_; }
  /// Content hash (type + bytes), stable for equal data.
  std::size_t signature() const { return signature_; }
  /// Same type and bit-identical data.
  bool equals(const Constant& other) const;
  Var clone() const override;
  std::string str() const override;

 private:
  Constant(TypePtr type, Value value, std::string name, SourceLoc loc);
  Value value_;
  std::size_t signature_;
};

/// The storage behind a SharedVariable: one value, shared by every function
/// using the variable, updated atomically after a call.
class Container {
 public:
  Container(TypePtr type, Value value, std::string name);
  /// A copy of the value handle (shares storage).
  Value get() const;
  /// Replaces the value after filtering it through the type.
  void set(Value value, const FilterOptions& options = {});
  /// Replaces the value without filtering (already filtered by the caller).
  void set_unchecked(Value value);
  const TypePtr& type() const { return type_; }
  const std::string& name() const { return name_; }
  /// Held while a function reads then writes several containers.
  std::mutex& mutex() const { return mutex_; }
  /// get/set for a caller already holding mutex().
  const Value& get_locked() const { return value_; }
  void set_locked(Value value) { value_ = std::move(value); }

 private:
  TypePtr type_;
  std::string name_;
  mutable std::mutex mutex_;
  Value value_;
};

/// A variable whose value persists between calls and is shared by all
/// functions that use it.
class SharedVariable final : public Variable {
 public:
  static std::shared_ptr<SharedVariable> make(TypePtr type, Value value, std::string name = {},
                                              SourceLoc loc = {});
  /// The current value: a deep copy unless `borrow` (then the internal one).
  Value get_value(bool borrow = false) const;
  /// Replaces the value (filtered by the type; deep-copied unless `borrow`).
  void set_value(Value value, bool borrow = false);
  const std::shared_ptr<Container>& container() const { return container_; }
  /// An expression applied as this variable's update by every function that
  /// uses it (unless `no_default_updates`); random streams use it.
  const Var& default_update() const { return default_update_; }
  void set_default_update(Var update) { default_update_ = std::move(update); }
  /// Shares the container: a clone reads and writes the same storage.
  Var clone() const override;

 private:
  SharedVariable(TypePtr type, std::shared_ptr<Container> container, std::string name,
                 SourceLoc loc);
  std::shared_ptr<Container> container_;
  Var default_update_;
};

/// Creates a shared variable holding `value`: a tensor with every dim unknown
/// (so set_value may change the shape) unless `static_shape` is set.
std::shared_ptr<SharedVariable> shared(Value value, std::string name = {},
                                       bool static_shape = false,
                                       std::source_location loc = std::source_location::current());

/// One application of an Op to input variables, producing output variables.
class Apply : public std::enable_shared_from_this<Apply> {
 public:
  /// Creates the node and its outputs (unnamed, typed by `output_types`).
  static ApplyPtr make(OpPtr op, std::vector<Var> inputs, std::vector<TypePtr> output_types,
                       SourceLoc loc = {});
  Apply(const Apply&) = delete;
  Apply& operator=(const Apply&) = delete;
  /// Releases the inputs iteratively, so freeing a graph thousands of nodes
  /// deep does not recurse once per node (and overflow the stack).
  ~Apply();

  const Op& op() const { return *op_; }
  const OpPtr& op_ptr() const { return op_; }
  const std::vector<Var>& inputs() const { return inputs_; }
  const Var& input(int i) const { return inputs_.at(i); }
  int nin() const { return static_cast<int>(inputs_.size()); }
  int nout() const { return static_cast<int>(outputs_.size()); }
  /// Owning handle to output `i` (keeps this node alive).
  Var output(int i) const;
  std::vector<Var> outputs() const;
  /// Non-owning access to output `i`.
  Variable* out(int i) const { return outputs_.at(i).get(); }
  std::uint64_t id() const { return id_; }
  const SourceLoc& loc() const { return loc_; }
  void set_loc(SourceLoc loc) { loc_ = std::move(loc); }

  /// Rebuilds the node on new inputs through op.make_node. With `strict`,
  /// the new inputs must have the old types.
  ApplyPtr clone_with_new_inputs(std::vector<Var> inputs, bool strict = true) const;
  /// Rewires input `i`. Only FunctionGraph should call this.
  void set_input(int i, Var v) { inputs_.at(i) = std::move(v); }

 private:
  Apply(OpPtr op, std::vector<Var> inputs, SourceLoc loc);
  OpPtr op_;
  std::vector<Var> inputs_;
  std::vector<std::unique_ptr<Variable>> outputs_;
  SourceLoc loc_;
  std::uint64_t id_;
};

/// Ancestors of `outputs` (inclusive), stopping at `blockers`.
std::vector<Variable*> ancestors(const std::vector<Var>& outputs,
                                 const std::vector<Variable*>& blockers = {});
/// Root variables (no owner) among the ancestors of `outputs`.
std::vector<Var> graph_inputs(const std::vector<Var>& outputs);
/// Apply nodes between `inputs` and `outputs`, in a topological order.
std::vector<ApplyPtr> io_toposort(const std::vector<Var>& inputs, const std::vector<Var>& outputs);

/// Result of cloning a graph: old variable -> new variable.
struct CloneMap {
  std::unordered_map<const Variable*, Var> map;
  /// The clone of `v`; throws ValueError when `v` was not part of the clone.
  Var operator[](const Variable* v) const;
  /// The clone of `v`, or null.
  Var find(const Variable* v) const;
};
/// Clones the nodes between `inputs` and `outputs`. `replace` maps variables
/// to substitutes (givens); inputs are cloned unless `copy_inputs` is false.
/// Constants and shared variables are kept, not copied.
CloneMap clone_graph(const std::vector<Var>& inputs, const std::vector<Var>& outputs,
                     bool copy_inputs = true,
                     const std::vector<std::pair<Var, Var>>& replace = {}, bool strict = true);

}  // namespace theano
