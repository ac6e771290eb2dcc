// Staging of one plugin's registrations: entries are checked for the fields
// every consumer relies on and tagged with their provider.
#include "staging_registrar.h"

#include "theano/core/errors.h"

namespace theano {

StagingRegistrar::StagingRegistrar(std::string plugin_name, const Registry& registry)
    : plugin_(std::move(plugin_name)), registry_(registry) {}

void StagingRegistrar::require(bool ok, const std::string& what, const std::string& name) const {
  if (ok) return;
  throw PluginError("plugin '" + plugin_ + "' registered " + what + " '" + name +
                    "' with a required field missing");
}

void StagingRegistrar::add_op(OpSchema schema) {
  require(!schema.name.empty(), "an op", "<unnamed>");
  require(static_cast<bool>(schema.from_props), "op (no from_props factory)", schema.name);
  schema.provider = plugin_;
  staged_.ops.push_back(std::move(schema));
}

void StagingRegistrar::add_kernel(KernelSpec kernel) {
  require(!kernel.op.empty() && !kernel.device.empty(), "a kernel without op or device",
          kernel.name);
  require(static_cast<bool>(kernel.make), "kernel (no make function)", kernel.name);
  if (kernel.name.empty()) kernel.name = kernel.op + "@" + kernel.device;
  kernel.provider = plugin_;
  staged_.kernels.push_back(std::move(kernel));
}

void StagingRegistrar::add_rewrite(RewriteSpec rewrite) {
  require(!rewrite.name.empty(), "a rewrite", "<unnamed>");
  require(!rewrite.phase.empty(), "rewrite (no phase)", rewrite.name);
  rewrite.provider = plugin_;
  staged_.rewrites.push_back(std::move(rewrite));
}

void StagingRegistrar::add_type(TypeSpec type) {
  require(!type.name.empty(), "a type", "<unnamed>");
  type.provider = plugin_;
  staged_.types.push_back(std::move(type));
}

void StagingRegistrar::add_config_option(ConfigOptionSpec option) {
  require(!option.name.empty(), "a config option", "<unnamed>");
  option.provider = plugin_;
  staged_.options.push_back(std::move(option));
}

void StagingRegistrar::add_device(DeviceSpec device) {
  require(!device.kind.empty(), "a device", "<unnamed>");
  device.provider = plugin_;
  staged_.devices.push_back(std::move(device));
}

void StagingRegistrar::add_linker(LinkerSpec linker) {
  require(!linker.name.empty(), "a linker", "<unnamed>");
  require(static_cast<bool>(linker.make), "linker (no make function)", linker.name);
  linker.provider = plugin_;
  staged_.linkers.push_back(std::move(linker));
}

void StagingRegistrar::add_service(std::string name, std::shared_ptr<void> service) {
  require(!name.empty(), "a service", "<unnamed>");
  require(service != nullptr, "service (null object)", name);
  staged_.services.emplace_back(std::move(name), std::move(service));
}

}  // namespace theano
