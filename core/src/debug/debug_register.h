// Internal: what the debugging tools register through the "theano.core"
// plugin (core_plugin.cpp calls this): the Print and Assert ops, the
// rewrites that remove them on request, and the flags of DebugMode,
// NanGuardMode, the profiler and Print/Assert.
#pragma once

#include "theano/plugin_api/registrar.h"

namespace theano::debug {

void register_debug_builtins(Registrar& registrar);

}  // namespace theano::debug
