// The registry: everything plugins registered, validated and then frozen.
// Compiling reads a frozen registry, so lookups are safe from many threads.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "theano/plugin_api/registrar.h"

namespace theano {

/// Names the plugin that is expected to provide an op family, for errors
/// such as "op 'Gemm' is not registered (provided by plugin theano.ops.blas)".
std::string expected_provider(const std::string& op_name);

/// A problem found when validating the registry, and the plugin blamed for it.
struct RegistryProblem {
  std::string plugin;
  std::string message;
};

class Registry {
 public:
  /// The process-wide registry (plugins are loaded by theano::initialize).
  static Registry& global();

  Registry() = default;
  Registry(const Registry&) = delete;
  Registry& operator=(const Registry&) = delete;

  // --- lookups ----------------------------------------------------------------
  const OpSchema* find_op(const std::string& name) const;
  /// Builds an op by name; throws PluginError naming the op and the plugin
  /// expected to provide it when it is not registered.
  OpPtr make_op(const std::string& name, const Props& props = {}) const;
  /// Kernels for (op, device kind), highest priority first.
  std::vector<const KernelSpec*> kernels(const std::string& op, const std::string& device) const;
  const std::vector<RewriteSpec>& rewrites() const { return rewrites_; }
  const TypeSpec* find_type(const std::string& name) const;
  const DeviceSpec* find_device(const std::string& kind) const;
  const LinkerSpec* find_linker(const std::string& name) const;
  /// A named service cast to T, or nullptr when absent.
  template <class T>
  std::shared_ptr<T> service(const std::string& name) const {
    return std::static_pointer_cast<T>(find_service(name));
  }
  std::shared_ptr<void> find_service(const std::string& name) const;

  /// Every op schema, sorted by name.
  std::vector<const OpSchema*> ops() const;
  const std::vector<ConfigOptionSpec>& config_options() const { return options_; }
  std::vector<const DeviceSpec*> devices() const;

  // --- lifecycle ---------------------------------------------------------------
  /// Runs a plugin's register function through a staging Registrar and
  /// commits its entries; on failure nothing it registered remains and the
  /// error (PluginError) says why. Throws PluginError if frozen.
  void register_plugin(const std::string& plugin_name,
                       const std::function<void(Registrar&)>& register_fn);
  /// Commits staged entries; checks duplicates against what is already
  /// registered (both owners named). Used by register_plugin.
  void commit(const std::string& plugin_name, struct StagedEntries&& staged);
  /// Checks cross-references (kernels for unknown ops, rewrites in unknown
  /// phases) and freezes. Returns the problems found; each one names the
  /// plugin responsible, whose entries are then removed.
  std::vector<std::string> validate_and_freeze(const std::vector<std::string>& known_phases);
  /// The checks of validate_and_freeze without freezing (the plugin host
  /// uses it to refuse dependents of a blamed plugin before freezing).
  std::vector<RegistryProblem> validate(const std::vector<std::string>& known_phases);
  /// Builds the lookup indexes and freezes; later mutation throws PluginError.
  void freeze();
  bool frozen() const { return frozen_; }
  /// Number of ops each plugin registered.
  std::map<std::string, int> op_counts() const;
  /// Removes everything a plugin registered (used when validation blames it).
  void remove_plugin(const std::string& plugin_name);

 private:
  friend class StagingRegistrar;
  void check_not_frozen(const char* what) const;
  void remove_plugin_locked(const std::string& plugin_name);  // mutex_ held

  mutable std::mutex mutex_;  // guards mutation before freeze
  bool frozen_ = false;
  std::map<std::string, OpSchema> ops_;
  std::vector<KernelSpec> kernels_;
  std::vector<RewriteSpec> rewrites_;
  std::map<std::string, TypeSpec> types_;
  std::vector<ConfigOptionSpec> options_;
  std::map<std::string, DeviceSpec> devices_;
  std::map<std::string, LinkerSpec> linkers_;
  std::map<std::string, std::pair<std::string, std::shared_ptr<void>>> services_;
  // Built by freeze(): (op, device) -> kernels, highest priority first.
  std::map<std::pair<std::string, std::string>, std::vector<const KernelSpec*>> kernel_index_;
};

/// What one plugin registered, before it is committed.
struct StagedEntries {
  std::vector<OpSchema> ops;
  std::vector<KernelSpec> kernels;
  std::vector<RewriteSpec> rewrites;
  std::vector<TypeSpec> types;
  std::vector<ConfigOptionSpec> options;
  std::vector<DeviceSpec> devices;
  std::vector<LinkerSpec> linkers;
  std::vector<std::pair<std::string, std::shared_ptr<void>>> services;
};

}  // namespace theano
