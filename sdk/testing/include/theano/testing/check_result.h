// The outcome of one conformance check of the plugin test harness, and a
// table of them. Every check of theano::testing returns a CheckResult
// instead of throwing, so the same checks serve GoogleTest code (through
// theano/testing/gtest.h) and the `theano check-plugin` host, which prints
// the table or writes it as JSON.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace theano::testing {

/// Whether a check held, found a defect, or could not apply to the op.
enum class Outcome { Pass, Fail, Skip };

/// "pass", "fail" or "skip".
std::string outcome_name(Outcome outcome);

/// One check of one op on one case (or, in a summary, on all its cases).
struct CheckResult {
  /// "perform", "compiled", "grad", "infer_shape", "rop", "props_roundtrip",
  /// "view_destroy", "reference" or "examples".
  std::string check;
  std::string op;          ///< display name of the op, e.g. "Elemwise{add,no_inplace}"
  std::string case_label;  ///< the example case's label ("" when not tied to one)
  Outcome outcome = Outcome::Pass;
  /// Empty on a pass; on a failure what differed (op, case, expected vs
  /// actual, errors, shapes); on a skip why the check did not apply.
  std::string reason;
  /// Rendered expected and actual values or shapes, when values were compared.
  std::string expected;
  std::string actual;
  /// Largest absolute and relative error found, when numbers were compared.
  std::optional<double> max_abs_err;
  std::optional<double> max_rel_err;

  bool passed() const { return outcome != Outcome::Fail; }
  bool failed() const { return outcome == Outcome::Fail; }
  bool skipped() const { return outcome == Outcome::Skip; }
  /// One line: "FAIL infer_shape Op [case]: reason".
  std::string str() const;
};

/// Results of many checks (all cases of all ops of a plugin, say).
struct CheckTable {
  std::vector<CheckResult> results;

  bool passed() const;
  std::size_t failures() const;
  /// One row per (op, check): a failure if any case failed (the first
  /// failing case's result), a skip if every case skipped, else a pass.
  std::vector<CheckResult> summary() const;
  /// The summary as an aligned text table (op × check, then the reasons of
  /// failures and skips underneath).
  std::string str() const;
  void append(const CheckTable& other);
};

}  // namespace theano::testing
