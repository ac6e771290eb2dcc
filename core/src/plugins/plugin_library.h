// Opening a plugin file with Boost.DLL and reading its descriptor. Opened
// libraries are kept for the life of the process: never unloaded, because
// ops, kernels and types they created may outlive any owner we could name.
#pragma once

#include <filesystem>

#include "theano/plugin_api/descriptor.h"

namespace theano {

/// Opens `path`, finds THEANO_PLUGIN_ENTRY_SYMBOL and returns the descriptor
/// it points to. Throws PluginError whose message names the file: not a
/// loadable shared library (with the loader's message), no entry symbol, or
/// an entry returning null.
const theano_plugin_descriptor* open_plugin_library(const std::filesystem::path& path);

}  // namespace theano
