// Registration: a plugin's register function runs against a staging
// Registrar; its entries are committed as one batch after checking that no
// name collides with what other plugins (or the plugin itself) registered.
#include <functional>
#include <set>

#include "staging_registrar.h"
#include "theano/core/errors.h"
#include "theano/core/registry.h"

namespace theano {
namespace {

/// The provider of an existing entry called `name`, or nullptr.
using OwnerOf = std::function<const std::string*(const std::string&)>;

void find_duplicates(const std::string& kind, const std::vector<std::string>& names,
                     const OwnerOf& existing_owner, const std::string& plugin,
                     std::vector<std::string>& problems) {
  std::set<std::string> seen;
  for (const std::string& name : names) {
    if (!seen.insert(name).second) {
      problems.push_back(kind + " '" + name + "' is registered twice by plugin '" + plugin + "'");
    } else if (const std::string* owner = existing_owner(name)) {
      problems.push_back(kind + " '" + name + "' registered by plugin '" + plugin +
                         "' is already registered by plugin '" + *owner + "'");
    }
  }
}

template <class T, class Key>
std::vector<std::string> keys_of(const std::vector<T>& items, Key key) {
  std::vector<std::string> keys;
  for (const T& item : items) keys.push_back(key(item));
  return keys;
}

template <class Map>
OwnerOf owner_in_map(const Map& map) {
  return [&map](const std::string& name) -> const std::string* {
    auto it = map.find(name);
    return it == map.end() ? nullptr : &it->second.provider;
  };
}

template <class T, class Key>
OwnerOf owner_in_vector(const std::vector<T>& items, Key key) {
  return [&items, key](const std::string& name) -> const std::string* {
    for (const T& item : items) {
      if (key(item) == name) return &item.provider;
    }
    return nullptr;
  };
}

std::string kernel_key(const KernelSpec& k) {
  return k.name + "' for '" + k.op + "@" + k.device;
}

std::string join(const std::vector<std::string>& parts, const std::string& sep) {
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : sep) + p;
  return out;
}

}  // namespace

void Registry::check_not_frozen(const char* what) const {
  if (frozen_) {
    throw PluginError(std::string("the registry is frozen: cannot ") + what +
                      " (plugins register only while theano::initialize loads them)");
  }
}

void Registry::register_plugin(const std::string& plugin_name,
                               const std::function<void(Registrar&)>& register_fn) {
  check_not_frozen("register a plugin");
  StagingRegistrar staging(plugin_name, *this);
  try {
    register_fn(staging);
  } catch (const std::exception& e) {
    throw PluginError("the register function of plugin '" + plugin_name + "' failed: " + e.what() +
                      "; nothing it registered was kept");
  }
  commit(plugin_name, staging.take());
}

void Registry::commit(const std::string& plugin_name, StagedEntries&& staged) {
  std::lock_guard lock(mutex_);
  check_not_frozen("commit registrations");
  std::vector<std::string> problems;
  auto name_of = [](const auto& item) { return item.name; };
  find_duplicates("op", keys_of(staged.ops, name_of), owner_in_map(ops_), plugin_name, problems);
  find_duplicates("kernel", keys_of(staged.kernels, kernel_key),
                  owner_in_vector(kernels_, kernel_key), plugin_name, problems);
  find_duplicates("rewrite", keys_of(staged.rewrites, name_of), owner_in_vector(rewrites_, name_of),
                  plugin_name, problems);
  find_duplicates("type", keys_of(staged.types, name_of), owner_in_map(types_), plugin_name,
                  problems);
  find_duplicates("config option", keys_of(staged.options, name_of),
                  owner_in_vector(options_, name_of), plugin_name, problems);
  auto kind_of = [](const DeviceSpec& d) { return d.kind; };
  find_duplicates("device", keys_of(staged.devices, kind_of), owner_in_map(devices_), plugin_name,
                  problems);
  find_duplicates("linker", keys_of(staged.linkers, name_of), owner_in_map(linkers_), plugin_name,
                  problems);
  auto service_owner = [this](const std::string& name) -> const std::string* {
    auto it = services_.find(name);
    return it == services_.end() ? nullptr : &it->second.first;
  };
  find_duplicates("service", keys_of(staged.services, [](const auto& s) { return s.first; }),
                  service_owner, plugin_name, problems);
  if (!problems.empty()) {
    throw PluginError("plugin '" + plugin_name + "' conflicts with registered entries: " +
                      join(problems, "; ") + "; nothing it registered was kept");
  }
  for (OpSchema& op : staged.ops) ops_.emplace(op.name, std::move(op));
  for (KernelSpec& k : staged.kernels) kernels_.push_back(std::move(k));
  for (RewriteSpec& r : staged.rewrites) rewrites_.push_back(std::move(r));
  for (TypeSpec& t : staged.types) types_.emplace(t.name, std::move(t));
  for (ConfigOptionSpec& o : staged.options) options_.push_back(std::move(o));
  for (DeviceSpec& d : staged.devices) devices_.emplace(d.kind, std::move(d));
  for (LinkerSpec& l : staged.linkers) linkers_.emplace(l.name, std::move(l));
  for (auto& [name, service] : staged.services) {
    services_.emplace(name, std::make_pair(plugin_name, std::move(service)));
  }
}

}  // namespace theano
