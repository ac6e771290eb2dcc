// GoogleTest adapter for the harness (header-only; link GTest yourself):
//
//   EXPECT_CHECK_PASSES(theano::testing::check_infer_shape(c));
//   EXPECT_CHECK_FAILS(theano::testing::check_gradient(bad));
//   EXPECT_CHECK_PASSES(theano::testing::run_all_checks(*schema));
//
// A failing assertion prints the check's full reason (op, case, expected vs
// actual) or, for a table, every failed row.
#pragma once

#include <gtest/gtest.h>

#include "theano/testing/check_result.h"

namespace theano::testing {

/// Predicate-formatter: succeeds when the result is a pass or a skip.
inline ::testing::AssertionResult check_passes(const char* expr, const CheckResult& result) {
  if (result.passed()) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << expr << " failed:\n  " << result.str();
}

/// Succeeds when no row of the table failed.
inline ::testing::AssertionResult check_passes(const char* expr, const CheckTable& table) {
  if (table.passed()) return ::testing::AssertionSuccess();
  ::testing::AssertionResult failure = ::testing::AssertionFailure();
  failure << expr << " has " << table.failures() << " failed check(s):";
  for (const CheckResult& r : table.results) {
    if (r.failed()) failure << "\n  " << r.str();
  }
  return failure;
}

/// Succeeds when the check found a defect (for tests of deliberately broken ops).
inline ::testing::AssertionResult check_fails(const char* expr, const CheckResult& result) {
  if (result.failed()) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << expr << " was expected to fail but is "
                                       << outcome_name(result.outcome) << ": " << result.str();
}

/// Succeeds when the check passed (not skipped).
inline ::testing::AssertionResult check_strictly_passes(const char* expr,
                                                        const CheckResult& result) {
  if (result.outcome == Outcome::Pass) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << expr << " did not pass: " << result.str();
}

}  // namespace theano::testing

/// Passes when the CheckResult / CheckTable holds no failure (skips pass).
#define EXPECT_CHECK_PASSES(result) EXPECT_PRED_FORMAT1(::theano::testing::check_passes, result)
#define ASSERT_CHECK_PASSES(result) ASSERT_PRED_FORMAT1(::theano::testing::check_passes, result)
/// Passes only on Outcome::Pass (a skip fails the assertion).
#define EXPECT_CHECK_STRICTLY_PASSES(result) \
  EXPECT_PRED_FORMAT1(::theano::testing::check_strictly_passes, result)
/// Passes when the CheckResult is a failure.
#define EXPECT_CHECK_FAILS(result) EXPECT_PRED_FORMAT1(::theano::testing::check_fails, result)
