// The seam between the compile pipeline and the debugging tools: an
// Instrument watches one compilation (the rewrites, the linking) and adds
// hooks to the program it produces. DebugMode, NanGuardMode and the profiler
// are instruments; function() asks make_instrument for the ones a mode and
// its options need, and does nothing extra for ordinary modes.
#pragma once

#include <memory>

#include "theano/core/function.h"
#include "theano/core/linker.h"

namespace theano::optdb {
struct OptimizeReport;
}

namespace theano::debug {

class ProfileStats;

class Instrument {
 public:
  virtual ~Instrument() = default;
  /// Before the rewrites run on `fg` (DebugMode records every replacement).
  virtual void before_optimize(FunctionGraph& /*fg*/) {}
  /// After them, with the optimizer's report and the time they took.
  virtual void after_optimize(FunctionGraph& /*fg*/, const optdb::OptimizeReport& /*report*/,
                              double /*seconds*/) {}
  /// Adds per-node and per-run hooks to the options the linker receives.
  virtual void extend(LinkerOptions& /*options*/) {}
  /// After linking `program` (which will run with the hooks added).
  virtual void after_link(const Program& /*program*/, double /*seconds*/) {}
  /// The profiler's record, when this instrument profiles.
  virtual std::shared_ptr<const ProfileStats> profile() const { return nullptr; }
};

/// The instruments a function compiled with `mode` and `options` needs —
/// DebugMode's checks (mode "DebugMode"), NanGuardMode's (mode
/// "NanGuardMode"), the profiler (options.profile or the profile flag) —
/// combined into one; null when none applies.
std::shared_ptr<Instrument> make_instrument(const Mode& mode, const FunctionOptions& options);

}  // namespace theano::debug
