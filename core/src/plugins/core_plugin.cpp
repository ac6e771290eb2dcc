// Registration table of the "theano.core" static plugin.
#include "core_plugin.h"

#include "../debug/debug_register.h"
#include "theano/core/config.h"
#include "theano/core/gradient.h"
#include "theano/optdb/builtin.h"
#include "theano/plugin_api/plugin.h"

namespace theano {
namespace {

void register_core(Registrar& registrar) {
  for (const Config::Entry& entry : Config::global().entries()) {
    if (entry.spec.provider == "theano.core") registrar.add_config_option(entry.spec);
  }
  // The kernel's own graph-level ops and generic rewrites (optdb/).
  optdb::register_core_builtins(registrar);
  // Print, Assert and the flags of DebugMode, NanGuardMode and the profiler.
  debug::register_debug_builtins(registrar);
}

}  // namespace

THEANO_STATIC_PLUGIN(core_plugin_descriptor, "theano.core", THEANO_VERSION_STRING, register_core)

}  // namespace theano
