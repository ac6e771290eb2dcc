// NanGuardMode: after every node, look for NaN, infinite and huge values in
// its outputs (and in the graph's inputs before their first use), and
// report the first offending node with a summary of its inputs.
#pragma once

#include <string>

#include "theano/core/errors.h"
#include "theano/core/mode.h"

namespace theano::debug {

/// A value NanGuardMode forbids appeared. what() names the node, the
/// output (or input), the problem, and summarises every input.
class NanGuardError : public NodeError {
 public:
  NanGuardError(std::string problem, const NodeError& base)
      : NodeError(base), problem_(std::move(problem)) {}
  /// "NaN", "Inf" or "big".
  const std::string& problem() const { return problem_; }

 private:
  std::string problem_;
};

/// Each field is also the flag NanGuardMode.<field>.
struct NanGuardOptions {
  bool nan_is_error = true;
  bool inf_is_error = true;
  /// Finite values whose magnitude exceeds big_threshold (float dtypes).
  bool big_is_error = true;
  double big_threshold = 1e10;
  /// "raise" (NanGuardError) or "warn" (print the report to stderr once
  /// per call and go on).
  std::string action = "raise";
};

/// The mode "NanGuardMode" with these options (on top of `base`).
Mode nan_guard_mode(const NanGuardOptions& options = {});
Mode nan_guard_mode(const NanGuardOptions& options, Mode base);

}  // namespace theano::debug
