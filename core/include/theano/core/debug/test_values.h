// Test values: eager checking while a graph is built. With the flag
// compute_test_value set to "warn", "raise" or "ignore", every op applied
// to variables that carry test values (shared variables and constants
// always do) computes its outputs' test values at once, so a shape or dtype
// error is reported at the user's line that built the bad node, before any
// compile. "off" (the default) skips all of it. A missing test value is a
// warning, a ValueError or nothing, per the flag.
#pragma once

#include <optional>
#include <string>

#include "theano/core/graph.h"

namespace theano::debug {

/// Attaches `value` as the test value of `v`, converted by v's type (a
/// TypeError naming the variable when it does not fit).
void set_test_value(const Var& v, const Value& value);
/// The test value of `v`: its own, a constant's data or a shared
/// variable's current value; nullopt when it has none.
std::optional<Value> find_test_value(const Variable& v);
/// As find_test_value; a ValueError naming `v` when there is none.
Value get_test_value(const Var& v);

/// The policy in force on this thread: the innermost ScopedTestValuePolicy's,
/// else the compute_test_value flag.
std::string test_value_policy();

/// Overrides compute_test_value on this thread while it lives. function()
/// turns test values off while it rewrites and links: the nodes rewrites
/// build need none (Theano's compute_test_value_opt defaults to off too).
class ScopedTestValuePolicy {
 public:
  explicit ScopedTestValuePolicy(std::string policy);
  ~ScopedTestValuePolicy();
  ScopedTestValuePolicy(const ScopedTestValuePolicy&) = delete;
  ScopedTestValuePolicy& operator=(const ScopedTestValuePolicy&) = delete;

 private:
  std::optional<std::string> previous_;
};

/// What Op::operator() calls for a node just built at `loc` when the
/// policy is not "off": computes the outputs' test values with the op's
/// perform (inputs it destroys are copied), and reports a failure as an
/// error whose first line is "<file>:<line>: ..." with the inputs' test
/// values described. Inputs without test values follow `policy`.
void compute_test_values(const Apply& node, const std::string& policy, const SourceLoc& loc);

}  // namespace theano::debug
