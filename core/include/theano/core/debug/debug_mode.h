// DebugMode: a mode that checks the implementation while it runs. For each
// node it runs the chosen kernel, then compares with the op's reference
// `perform` (BadThunkOutput), checks that inputs not declared in destroy_map
// are unchanged (BadDestroyMap) and that outputs not declared in view_map do
// not share memory with inputs (BadViewMap), compares infer_shape with the
// actual shapes (BadInferShape) and re-runs the kernel with awkward output
// buffers: reused, strided, Fortran-ordered and wrong-sized
// (BadPreallocatedOutput). After each call it checks that every rewrite kept
// the values — each replaced variable against its replacement, evaluated on
// the call's inputs — and names the one that did not (BadOptimization).
// Slow by design: for finding bugs, not for production.
#pragma once

#include <string>

#include "theano/core/errors.h"
#include "theano/core/mode.h"

namespace theano::debug {

/// A DebugMode check failed. what() is the whole report: the check, what
/// was expected and found, then the node's context as in every NodeError.
class DebugModeError : public NodeError {
 public:
  DebugModeError(std::string check, std::string rewrite, const NodeError& base)
      : NodeError(base), check_(std::move(check)), rewrite_(std::move(rewrite)) {}
  /// "BadThunkOutput", "BadDestroyMap", "BadViewMap", "BadInferShape",
  /// "BadPreallocatedOutput" or "BadOptimization".
  const std::string& check() const { return check_; }
  /// For BadOptimization: the rewrite (or, failing that, the phase) blamed.
  const std::string& rewrite() const { return rewrite_; }

 private:
  std::string check_;
  std::string rewrite_;
};

/// What DebugMode checks; each field is also the flag DebugMode.<field>.
struct DebugModeOptions {
  bool check_perform = true;  ///< compare kernels with perform
  bool check_destroy_map = true;
  bool check_view_map = true;
  bool check_infer_shape = true;
  bool check_rewrites = true;
  /// Output buffers to try: "all", "none", or ':'-separated names among
  /// "reused", "strided", "f_contiguous", "wrong_size".
  std::string check_preallocated_output = "all";
};

/// The mode "DebugMode" with these options (on top of `base`, whose
/// optimizer, tags and hooks are kept).
Mode debug_mode(const DebugModeOptions& options = {});
Mode debug_mode(const DebugModeOptions& options, Mode base);

}  // namespace theano::debug
