// Starting Theano++: configuration, then plugins, then a frozen registry.
#pragma once

#include <string>
#include <vector>

#include "theano/plugin_api/descriptor.h"

namespace theano {

struct InitOptions {
  /// "--flag=value" arguments from the host's command line.
  std::vector<std::string> command_line;
  /// Plugins linked into the executable, loaded before the search path.
  std::vector<const theano_plugin_descriptor*> static_plugins;
  /// Skip the filesystem search (only static plugins).
  bool search_path = true;
  /// Extra plugin files (theano check-plugin).
  std::vector<std::string> extra_files;
  /// Print one line per refused plugin to stderr.
  bool warn_refused = true;
};

/// Loads configuration and plugins once per process. Later calls do nothing,
/// and neither does a call made from inside a plugin's registration.
/// Called implicitly, with default options, by the first use that needs the
/// registry (building an op by name, compiling a function).
void initialize(const InitOptions& options = {});
bool initialized();

/// The core library's version ("0.1.0").
std::string core_version();

}  // namespace theano
