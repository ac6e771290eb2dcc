// Registry lookups. Before freeze() they scan the containers; afterwards the
// kernel index built by freeze() answers, and nothing mutates any more, so
// reads need no lock.
#include "theano/core/registry.h"

#include <algorithm>

#include "theano/core/errors.h"

namespace theano {

Registry& Registry::global() {
  static Registry registry;
  return registry;
}

const OpSchema* Registry::find_op(const std::string& name) const {
  auto it = ops_.find(name);
  return it == ops_.end() ? nullptr : &it->second;
}

OpPtr Registry::make_op(const std::string& name, const Props& props) const {
  const OpSchema* schema = find_op(name);
  if (!schema) {
    std::string provider = expected_provider(name);
    std::string hint = provider.empty()
                           ? "no known plugin provides it"
                           : "it is provided by plugin '" + provider + "', which is not loaded";
    throw PluginError("op '" + name + "' is not registered: " + hint +
                      " (run `theano plugins` to see which plugins loaded and why others were "
                      "refused)");
  }
  OpPtr op = schema->from_props(props);
  if (!op) {
    throw PluginError("op '" + name + "': the factory of plugin '" + schema->provider +
                      "' returned no op for props {" + props.str() + "}");
  }
  return op;
}

std::vector<const KernelSpec*> Registry::kernels(const std::string& op,
                                                 const std::string& device) const {
  if (frozen_) {
    auto it = kernel_index_.find({op, device});
    return it == kernel_index_.end() ? std::vector<const KernelSpec*>{} : it->second;
  }
  std::vector<const KernelSpec*> found;
  for (const KernelSpec& k : kernels_) {
    if (k.op == op && k.device == device) found.push_back(&k);
  }
  std::stable_sort(found.begin(), found.end(), [](const KernelSpec* a, const KernelSpec* b) {
    return a->priority > b->priority;
  });
  return found;
}

const TypeSpec* Registry::find_type(const std::string& name) const {
  auto it = types_.find(name);
  return it == types_.end() ? nullptr : &it->second;
}

const DeviceSpec* Registry::find_device(const std::string& kind) const {
  auto it = devices_.find(kind);
  return it == devices_.end() ? nullptr : &it->second;
}

const LinkerSpec* Registry::find_linker(const std::string& name) const {
  auto it = linkers_.find(name);
  return it == linkers_.end() ? nullptr : &it->second;
}

std::shared_ptr<void> Registry::find_service(const std::string& name) const {
  auto it = services_.find(name);
  return it == services_.end() ? nullptr : it->second.second;
}

std::vector<const OpSchema*> Registry::ops() const {
  std::vector<const OpSchema*> all;
  all.reserve(ops_.size());
  for (const auto& [name, schema] : ops_) all.push_back(&schema);
  return all;
}

std::vector<const DeviceSpec*> Registry::devices() const {
  std::vector<const DeviceSpec*> all;
  for (const auto& [kind, spec] : devices_) all.push_back(&spec);
  return all;
}

std::map<std::string, int> Registry::op_counts() const {
  std::map<std::string, int> counts;
  for (const auto& [name, schema] : ops_) ++counts[schema.provider];
  return counts;
}

}  // namespace theano
