// The Registrar a plugin's register function receives: it records every
// entry with the plugin's name as provider, and nothing reaches the registry
// until Registry::register_plugin commits the whole batch.
#pragma once

#include <string>

#include "theano/core/registry.h"

namespace theano {

class StagingRegistrar final : public Registrar {
 public:
  StagingRegistrar(std::string plugin_name, const Registry& registry);

  const std::string& plugin_name() const override { return plugin_; }
  void add_op(OpSchema schema) override;
  void add_kernel(KernelSpec kernel) override;
  void add_rewrite(RewriteSpec rewrite) override;
  void add_type(TypeSpec type) override;
  void add_config_option(ConfigOptionSpec option) override;
  void add_device(DeviceSpec device) override;
  void add_linker(LinkerSpec linker) override;
  void add_service(std::string name, std::shared_ptr<void> service) override;
  const Registry& registry() const override { return registry_; }

  /// Hands over what was staged (the registrar is empty afterwards).
  StagedEntries take() { return std::move(staged_); }

 private:
  /// Throws PluginError when a required field is empty.
  void require(bool ok, const std::string& what, const std::string& name) const;

  std::string plugin_;
  const Registry& registry_;
  StagedEntries staged_;
};

}  // namespace theano
