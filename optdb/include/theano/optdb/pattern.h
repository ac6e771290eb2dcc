// Declarative rewrites: an input pattern over op names, props, variables
// and constants, and an output pattern built from the same variables.
//
//   PatternSub("local_log1p",
//              P::op("Log", {P::op("Add", {P::constant(1), P::var("x")}).commutative()}),
//              P::op("Log1p", {P::var("x")}));
//
// A variable name used twice must bind the same variable. Output ops are
// built by name through Registry::global().make_op, so a rule never links
// the plugin defining its ops.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "theano/core/props.h"
#include "theano/optdb/rewriter.h"

namespace theano::optdb {

class Pattern {
 public:
  enum class Kind { Variable, Apply, Constant };
  using Constraint = std::function<bool(const Var&)>;

  /// Matches any variable (satisfying `constraint`) and binds it to `name`.
  static Pattern var(std::string name, Constraint constraint = {});
  /// Matches output 0 of a node of op `op_name` whose props include every
  /// entry of `props`, with inputs matching `args` (as many as the node has).
  static Pattern op(std::string op_name, std::vector<Pattern> args);
  static Pattern op(std::string op_name, Props props, std::vector<Pattern> args);
  /// Matches a constant whose every element equals `value`. In an output
  /// pattern: a 0-d constant of the replaced output's dtype.
  static Pattern constant(double value);

  /// Also try the two arguments in the other order (commutative ops).
  Pattern commutative() const;

  Kind kind() const { return kind_; }
  const std::string& name() const { return name_; }  ///< op name or variable name
  const Props& props() const { return props_; }
  const std::vector<Pattern>& args() const { return args_; }
  double value() const { return value_; }
  bool is_commutative() const { return commutative_; }
  const Constraint& constraint() const { return constraint_; }
  /// "Log(Add(1, x))".
  std::string str() const;

 private:
  Kind kind_ = Kind::Variable;
  std::string name_;
  Props props_;
  std::vector<Pattern> args_;
  double value_ = 0;
  bool commutative_ = false;
  Constraint constraint_;
};
using P = Pattern;

/// Variables bound by a match.
using Bindings = std::map<std::string, Var>;

/// Matches `pattern` against `v`; inner nodes must have a single client in
/// `fg` unless `allow_multiple_clients`. Returns the bindings or nullopt.
std::optional<Bindings> match_pattern(const FunctionGraph& fg, const Pattern& pattern, const Var& v,
                                      bool allow_multiple_clients = false);

class PatternSub final : public LocalRewriter {
 public:
  /// `in` must be an op pattern (its op is what the rewrite tracks).
  PatternSub(std::string name, Pattern in, Pattern out, bool allow_multiple_clients = false);
  std::string name() const override { return name_; }
  std::vector<std::string> tracks() const override { return {in_.name()}; }
  std::optional<std::vector<Var>> transform(FunctionGraph& fg, Apply& node) const override;

 private:
  std::string name_;
  Pattern in_, out_;
  bool allow_multiple_clients_;
};

}  // namespace theano::optdb
