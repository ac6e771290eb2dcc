// theano::initialize: configuration first (so plugins.path and
// plugins.exclude apply), then plugins (validated and frozen into the
// registry), then the plugins' flags, then the check for unknown flags.
// Runs once per process; a failed attempt (a bad flag) may be retried; a
// call from inside plugin registration returns at once.
#include "theano/core/init.h"

#include <atomic>
#include <iostream>
#include <mutex>

#include "core_plugin.h"
#include "theano/core/config.h"
#include "theano/core/plugin_host.h"
#include "theano/core/registry.h"

namespace theano {
namespace {

std::once_flag init_once;
std::atomic<bool> init_done{false};
// Set while this thread runs initialize: a plugin whose register function
// reaches code that calls initialize() again must not deadlock in call_once.
thread_local bool initializing = false;

void load_plugins(const InitOptions& options, Registry& registry) {
  PluginHost& host = PluginHost::global();
  host.add_static(core_plugin_descriptor());
  for (const theano_plugin_descriptor* d : options.static_plugins) host.add_static(d);
  PluginSearch search = default_plugin_search();
  if (!options.search_path) search.folders.clear();
  for (const std::string& file : options.extra_files) search.files.emplace_back(file);
  host.load(search, registry);
  if (!options.warn_refused) return;
  for (const PluginRecord& r : host.records()) {
    if (r.status == PluginRecord::Status::Refused) {
      std::cerr << "theano: plugin refused: " << r.reason << "\n";
    }
  }
}

void run_initialize(const InitOptions& options) {
  initializing = true;
  struct Reset {
    ~Reset() { initializing = false; }
  } reset;
  Config& config = Config::global();
  Registry& registry = Registry::global();  // constructed before the host: destroyed after it
  config.load_sources(options.command_line);
  if (!registry.frozen()) load_plugins(options, registry);
  for (const ConfigOptionSpec& option : registry.config_options()) {
    if (!config.has(option.name)) config.declare(option);
  }
  config.check_unknown();
  init_done = true;
}

}  // namespace

void initialize(const InitOptions& options) {
  std::call_once(init_once, run_initialize, options);
}

bool initialized() {
  return init_done;
}

std::string core_version() {
  return THEANO_VERSION_STRING;
}

}  // namespace theano
