// Internal: what the checks of the harness share: building an OpCase's
// node, running a thunk on values, comparing arrays with tolerances, and
// starting a CheckResult for a case.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "theano/testing/checks.h"

namespace theano::testing::detail {

/// The case's node, applied to fresh variables of its symbolic types.
struct BuiltNode {
  std::vector<Var> inputs;
  ApplyPtr node;
};
BuiltNode build_node(const OpCase& c);

/// Runs `thunk` (or the op's perform when empty) on `inputs`; returns the outputs.
std::vector<Value> run_node(const Apply& node, const std::vector<Value>& inputs,
                            const Thunk& thunk = {});

/// Deep copies of values (private buffers the op may scribble on).
std::vector<Value> deep_copies(const std::vector<Value>& values);

/// A result for `check` on `c`, passing until marked otherwise.
CheckResult start(const std::string& check, const OpCase& c);
CheckResult& fail(CheckResult& r, const std::string& reason);
CheckResult& skip(CheckResult& r, const std::string& reason);

/// "float32 (2, 3), int64 ()" for a list of values.
std::string values_summary(const std::vector<Value>& values);
/// "Op [case]" prefix of reasons.
std::string where(const CheckResult& r);

/// How two arrays differ: ok when dtype, shape and every element agree
/// within |a - e| <= abs_tol + rel_tol * |e| (NaN matches NaN).
struct ArrayDiff {
  bool ok = true;
  double max_abs = 0;
  double max_rel = 0;
  std::string message;  ///< what differed, when !ok
};
ArrayDiff compare_arrays(const NDArray& expected, const NDArray& actual,
                         std::optional<double> abs_tol, std::optional<double> rel_tol);
/// Default tolerances for a dtype (see CheckOptions).
double default_abs_tol(DType dtype);
double default_rel_tol(DType dtype);

/// Records a failed comparison of output `k` in `r` (reason, errors, values).
void record_diff(CheckResult& r, const std::string& what, const ArrayDiff& diff,
                 const NDArray& expected, const NDArray& actual);

/// Short rendering of an array for reasons (its values when small).
std::string render(const NDArray& a);

}  // namespace theano::testing::detail
