// Finding, checking, ordering and loading plugins (Boost.DLL).
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "theano/plugin_api/descriptor.h"

namespace theano {

class Registry;

/// What happened to one plugin file or static descriptor.
struct PluginRecord {
  enum class Status { Loaded, Refused, Excluded };
  std::string name;     ///< dotted name (empty if the file gave none)
  std::string version;  ///< semver
  std::string abi;      ///< "1.0"
  std::string path;     ///< file, or "<static>"
  Status status = Status::Refused;
  std::string reason;  ///< why it was refused or excluded
  int op_count = 0;
};

/// Where and how to look for plugins.
struct PluginSearch {
  /// Folders in order; the default (see default_plugin_search) is the folder
  /// next to the core library, then THEANO_PLUGIN_PATH, then `plugins.path`.
  std::vector<std::filesystem::path> folders;
  /// Individual files to load in addition (`theano check-plugin`).
  std::vector<std::filesystem::path> files;
  /// Dotted plugin names or file stems to skip (`plugins.exclude`).
  std::vector<std::string> exclude;
};

/// The standard search: <dir of libtheano_core>/theano-plugins, each entry of
/// THEANO_PLUGIN_PATH (':'-separated), each entry of the plugins.path flag.
PluginSearch default_plugin_search();
/// The folder next to the core library where shipped plugins live.
std::filesystem::path builtin_plugin_folder();

/// Loads plugins into a registry. Libraries are never unloaded while the
/// process runs; shutdown functions run in reverse load order at exit
/// (or when shutdown() is called).
class PluginHost {
 public:
  static PluginHost& global();

  PluginHost() = default;
  /// Runs the shutdown functions not yet run; the libraries stay loaded.
  ~PluginHost();
  PluginHost(const PluginHost&) = delete;
  PluginHost& operator=(const PluginHost&) = delete;

  /// Adds a descriptor linked into the executable (tests, static hosts).
  void add_static(const theano_plugin_descriptor* descriptor);
  /// Finds and loads every plugin of `search` (plus statics) into `registry`:
  /// checks ABI, fingerprint and dependencies, orders by dependency,
  /// registers each (rolled back on failure), validates and freezes. Refused
  /// plugins are recorded with their reason; the rest keep loading.
  void load(const PluginSearch& search, Registry& registry);
  const std::vector<PluginRecord>& records() const { return records_; }
  void shutdown();

 private:
  struct Candidate;
  /// Registers one planned plugin unless a dependency failed to register.
  void register_candidate(const Candidate& c, Registry& registry,
                          std::map<std::string, std::string>& failed);
  /// Validates the registry, refusing blamed plugins and their dependents.
  void settle(const std::vector<Candidate>& candidates, Registry& registry);
  std::vector<const theano_plugin_descriptor*> statics_;
  std::vector<PluginRecord> records_;
  std::vector<theano_plugin_shutdown_fn> shutdowns_;
};

/// True if `version` ("1.2.3") satisfies `range`: comma-separated clauses
/// that must all hold, each `OP VERSION` with OP one of >= <= > < == = !=
/// (none means ==), `^1.2` (same major; same minor for 0.x), `~1.2.3`
/// (same minor), a wildcard `1.2.*`, or `*` / empty for any. Missing
/// components are zero. Throws ValueError for malformed text.
bool version_satisfies(const std::string& version, const std::string& range);

/// The build fingerprint of the core library (compared with each plugin's).
std::string host_fingerprint();

}  // namespace theano
