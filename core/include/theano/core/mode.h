// Modes: which rewrites run and which linker executes the result.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "theano/core/linker.h"

namespace theano {

struct Mode {
  /// "FAST_RUN", "FAST_COMPILE", "NO_OPT", or a mode a plugin adds
  /// ("DebugMode", "NanGuardMode").
  std::string name = "FAST_RUN";
  /// Optimizer query: "fast_run", "fast_compile", "merge" or "None"; empty
  /// means the mode's own choice.
  std::string optimizer;
  std::vector<std::string> including;
  std::vector<std::string> excluding;
  std::vector<std::string> requiring;
  std::string linker = "vm";
  /// Overrides the allow_gc flag when set.
  std::optional<bool> allow_gc;
  /// Per-node callbacks (MonitorMode).
  NodeHooks hooks;
  /// Print each rewrite phase's result (the optimizer_verbose flag).
  bool verbose = false;
  /// Options of a debugging mode, e.g. {"check_preallocated_output", "none"}
  /// for DebugMode or {"action", "warn"} for NanGuardMode; an option not set
  /// here comes from the flag "<name>.<option>" (see docs/debugging.md).
  std::map<std::string, std::string> options;

  /// The mode selected by the flags mode/optimizer/linker/optimizer_*.
  static Mode from_config();
  /// A predefined mode by name, with the optimizer_* flags applied; throws
  /// ConfigError listing the valid names.
  static Mode named(const std::string& name);
  /// The optimizer query this mode runs ("fast_run", ...).
  std::string effective_optimizer() const;
  Mode with_including(std::vector<std::string> tags) const;
  Mode with_excluding(std::vector<std::string> tags) const;
  Mode with_requiring(std::vector<std::string> tags) const;
};

}  // namespace theano
