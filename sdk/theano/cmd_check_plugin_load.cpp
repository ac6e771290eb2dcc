// `theano check-plugin`, part one: loading one plugin in isolation. The
// plugin file's descriptor is read (Boost.DLL) for its name and
// dependencies; the folders of the normal search path are scanned for the
// plugins providing those dependencies (transitively), and for the elemwise
// plugin, which the harness's gradient checks need; then the library starts
// with only those files and the core's static plugin.
#include <algorithm>
#include <boost/dll/shared_library.hpp>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <optional>
#include <set>

#include "cli_support.h"
#include "theano/core/errors.h"
#include "theano/core/init.h"
#include "theano/core/plugin_host.h"

namespace theano::cli {

namespace fs = std::filesystem;

/// What the loader knows about a plugin file before loading it.
struct PluginFileInfo {
  std::string name;
  fs::path path;
  std::vector<std::string> dependencies;
};

namespace {

/// Libraries opened to read descriptors stay loaded (the project never unloads plugins).
std::vector<boost::dll::shared_library>& opened() {
  static std::vector<boost::dll::shared_library> libraries;
  return libraries;
}

/// The descriptor's name and dependencies; nullopt (with `why`) when the
/// file cannot be loaded now (every symbol resolved) or has no entry point.
std::optional<PluginFileInfo> read_descriptor(const fs::path& path, std::string* why = nullptr) {
  try {
    boost::dll::shared_library lib(path, boost::dll::load_mode::rtld_now);
    if (!lib.has(THEANO_PLUGIN_ENTRY_SYMBOL)) {
      if (why) *why = std::string("no ") + THEANO_PLUGIN_ENTRY_SYMBOL + " entry point";
      return std::nullopt;
    }
    auto entry = lib.get<const theano_plugin_descriptor*()>(THEANO_PLUGIN_ENTRY_SYMBOL);
    const theano_plugin_descriptor* d = entry();
    if (!d || !d->name) return std::nullopt;
    PluginFileInfo info{d->name, path, {}};
    for (uint32_t i = 0; i < d->dependency_count; ++i) {
      if (d->dependencies[i].name) info.dependencies.emplace_back(d->dependencies[i].name);
    }
    opened().push_back(std::move(lib));
    return info;
  } catch (const std::exception& e) {
    if (why) *why = std::string("it cannot be loaded: ") + e.what();
    return std::nullopt;
  }
}

std::vector<fs::path> search_folders() {
  std::vector<fs::path> folders{builtin_plugin_folder()};
  if (const char* env = std::getenv("THEANO_PLUGIN_PATH")) {
    std::string list = env;
    for (std::size_t start = 0; start <= list.size();) {
      std::size_t end = std::min(list.find(':', start), list.size());
      if (end > start) folders.emplace_back(list.substr(start, end - start));
      start = end + 1;
    }
  }
  return folders;
}

/// Every plugin file of the search folders by name (first found wins).
std::map<std::string, PluginFileInfo> available_plugins(const fs::path& target) {
  std::map<std::string, PluginFileInfo> by_name;
  std::error_code ec;
  for (const fs::path& folder : search_folders()) {
    if (!fs::is_directory(folder, ec)) continue;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
      if (entry.path().extension() == ".so") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& f : files) {
      if (fs::equivalent(f, target, ec)) continue;
      if (auto info = read_descriptor(f)) by_name.emplace(info->name, *info);
    }
  }
  return by_name;
}

}  // namespace

/// Starts the library with `target` and what it needs; returns the target's
/// name. Throws PluginError when the file is not a plugin.
std::string load_plugin_in_isolation(const Invocation& inv, const fs::path& target) {
  std::string why = "it has no descriptor";
  std::optional<PluginFileInfo> info = read_descriptor(target, &why);
  if (!info) throw PluginError("'" + target.string() + "' is not a Theano++ plugin: " + why);
  std::map<std::string, PluginFileInfo> available = available_plugins(target);
  std::set<std::string> wanted{info->name};
  std::vector<std::string> pending = info->dependencies;
  pending.push_back("theano.ops.elemwise");  // gradients sum and cast through it
  InitOptions options;
  options.command_line = inv.flags;
  options.search_path = false;
  options.extra_files.push_back(target.string());
  while (!pending.empty()) {
    std::string name = pending.back();
    pending.pop_back();
    if (!wanted.insert(name).second) continue;
    auto it = available.find(name);
    if (it == available.end()) continue;  // the loader reports a missing dependency
    options.extra_files.push_back(it->second.path.string());
    pending.insert(pending.end(), it->second.dependencies.begin(), it->second.dependencies.end());
  }
  initialize(options);
  return info->name;
}

}  // namespace theano::cli
