// Descriptor and fingerprint checks. The ABI rule: the major version must be
// equal; the plugin's minor version must not be newer than the host's (a
// plugin built against ABI 1.3 may use descriptor fields or Registrar methods
// a 1.0 host does not have, while a 1.0 plugin runs on a 1.3 host because the
// ABI only ever grows at the end).
#include "plugin_checks.h"

#include <cstddef>
#include <map>
#include <string_view>

#include "theano/core/errors.h"
#include "theano/core/plugin_host.h"
#include "theano/plugin_api/fingerprint.h"

namespace theano {
namespace {

/// Fields every ABI 1.x descriptor has: everything up to register_fn.
constexpr std::size_t kMinimumDescriptorSize =
    offsetof(theano_plugin_descriptor, register_fn) + sizeof(theano_plugin_register_fn);

std::map<std::string, std::string> parse_fingerprint(std::string_view text) {
  std::map<std::string, std::string> keys;
  while (!text.empty()) {
    auto semi = text.find(';');
    std::string_view item = text.substr(0, semi);
    auto eq = item.find('=');
    if (eq != std::string_view::npos) keys[std::string(item.substr(0, eq))] = item.substr(eq + 1);
    if (semi == std::string_view::npos) break;
    text = text.substr(semi + 1);
  }
  return keys;
}

std::string version_problem(const char* version) {
  if (!version || !*version) return "the descriptor has no version";
  try {
    version_satisfies(version, "*");
  } catch (const ValueError& e) {
    return std::string("the descriptor's version is not a semantic version: ") + e.what();
  }
  return {};
}

}  // namespace

std::string host_fingerprint() {
  return THEANO_BUILD_FINGERPRINT;
}

std::string abi_string(const theano_plugin_descriptor& d) {
  return std::to_string(d.abi_major) + "." + std::to_string(d.abi_minor);
}

std::optional<std::string> fingerprint_mismatch(const std::string& plugin_fp,
                                                const std::string& host_fp) {
  auto plugin = parse_fingerprint(plugin_fp);
  auto host = parse_fingerprint(host_fp);
  for (const char* key : {"compiler", "stdlib", "cxx", "core"}) {
    auto p = plugin.find(key);
    std::string host_value = host.count(key) ? host[key] : "<none>";
    if (p == plugin.end()) {
      return std::string("key '") + key + "' is missing from the plugin's fingerprint (host has '" +
             host_value + "')";
    }
    if (p->second != host_value) {
      return std::string(key) + " differs: plugin '" + p->second + "', host '" + host_value + "'";
    }
  }
  return std::nullopt;
}

std::optional<std::string> descriptor_problem(const theano_plugin_descriptor& d) {
  if (d.struct_size < kMinimumDescriptorSize) {
    return "descriptor struct_size is " + std::to_string(d.struct_size) + " bytes, at least " +
           std::to_string(kMinimumDescriptorSize) + " are required by ABI " +
           std::to_string(THEANO_PLUGIN_ABI_MAJOR) + ".x";
  }
  const std::string host_abi =
      std::to_string(THEANO_PLUGIN_ABI_MAJOR) + "." + std::to_string(THEANO_PLUGIN_ABI_MINOR);
  if (d.abi_major != THEANO_PLUGIN_ABI_MAJOR) {
    return "ABI major version mismatch: plugin built for ABI " + abi_string(d) +
           ", host provides ABI " + host_abi + "; rebuild the plugin against this Theano++";
  }
  if (d.abi_minor > THEANO_PLUGIN_ABI_MINOR) {
    return "plugin built for ABI " + abi_string(d) + ", newer than the host's ABI " + host_abi +
           "; upgrade Theano++ or rebuild the plugin";
  }
  if (!d.name || !*d.name) return "the descriptor has no plugin name";
  if (std::string v = version_problem(d.version); !v.empty()) return v;
  if (!d.register_fn) return "the descriptor has no register function";
  if (d.dependency_count > 0 && !d.dependencies) {
    return "the descriptor declares " + std::to_string(d.dependency_count) +
           " dependencies but no dependency array";
  }
  const std::string plugin_fp = d.fingerprint ? d.fingerprint : "";
  if (auto why = fingerprint_mismatch(plugin_fp, host_fingerprint())) {
    return "build fingerprint incompatible with the host: " + *why + " (plugin '" + plugin_fp +
           "', host '" + host_fingerprint() + "')";
  }
  return std::nullopt;
}

}  // namespace theano
