// Internal: reading a debugging mode's options. An option comes from
// Mode::options when set there, else from the flag "<prefix>.<name>"
// (DebugMode.check_rewrites, NanGuardMode.action, profiling.n_apply, ...),
// else from the default given.
#pragma once

#include <string>

#include "theano/core/mode.h"

namespace theano::debug {

std::string mode_option(const Mode& mode, const std::string& prefix, const std::string& name,
                        const std::string& fallback);
bool mode_bool(const Mode& mode, const std::string& prefix, const std::string& name, bool fallback);
double mode_number(const Mode& mode, const std::string& prefix, const std::string& name,
                   double fallback);

/// A flag's value, or `fallback` when no one declared it (before initialize).
std::string flag_or(const std::string& name, const std::string& fallback);
/// "True"/"true"/"1"/"yes"/"on" are true; "False"/"0"/"no"/"off" false;
/// anything else is a ConfigError naming `what`.
bool parse_bool(const std::string& text, const std::string& what);

}  // namespace theano::debug
