// Validation and freezing: after every plugin registered, cross-references
// are checked (a kernel must name a registered op, a rewrite a known phase).
// The plugin responsible for a broken reference is removed whole, which may
// break references of others, so the check repeats until nothing changes.
#include <algorithm>
#include <set>

#include "theano/core/errors.h"
#include "theano/core/registry.h"

namespace theano {
namespace {

std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : ", ") + p;
  return out;
}

}  // namespace

std::vector<RegistryProblem> Registry::validate(const std::vector<std::string>& known_phases) {
  std::lock_guard lock(mutex_);
  check_not_frozen("validate");
  std::vector<RegistryProblem> problems;
  const std::set<std::string> phases(known_phases.begin(), known_phases.end());
  for (;;) {
    std::set<std::string> blamed;
    for (const KernelSpec& k : kernels_) {
      if (ops_.count(k.op)) continue;
      std::string expected = expected_provider(k.op);
      problems.push_back(
          {k.provider, "plugin '" + k.provider + "' registered kernel '" + k.name + "' for op '" +
                           k.op + "' on device '" + k.device + "', but no plugin registered op '" +
                           k.op + "'" +
                           (expected.empty() ? "" : " (expected from '" + expected + "')")});
      blamed.insert(k.provider);
    }
    for (const RewriteSpec& r : rewrites_) {
      if (phases.count(r.phase)) continue;
      problems.push_back({r.provider, "plugin '" + r.provider + "' registered rewrite '" + r.name +
                                          "' into unknown phase '" + r.phase +
                                          "'; known phases: " + join(known_phases)});
      blamed.insert(r.provider);
    }
    if (blamed.empty()) break;
    for (const std::string& plugin : blamed) {
      problems.push_back({plugin, "everything plugin '" + plugin + "' registered was removed"});
      remove_plugin_locked(plugin);
    }
  }
  return problems;
}

void Registry::remove_plugin(const std::string& plugin_name) {
  std::lock_guard lock(mutex_);
  check_not_frozen("remove a plugin");
  remove_plugin_locked(plugin_name);
}

void Registry::remove_plugin_locked(const std::string& plugin_name) {
  auto mine = [&](const auto& entry) { return entry.provider == plugin_name; };
  auto mine_kv = [&](const auto& kv) { return kv.second.provider == plugin_name; };
  std::erase_if(ops_, mine_kv);
  std::erase_if(kernels_, mine);
  std::erase_if(rewrites_, mine);
  std::erase_if(types_, mine_kv);
  std::erase_if(options_, mine);
  std::erase_if(devices_, mine_kv);
  std::erase_if(linkers_, mine_kv);
  std::erase_if(services_, [&](const auto& kv) { return kv.second.first == plugin_name; });
}

void Registry::freeze() {
  std::lock_guard lock(mutex_);
  if (frozen_) return;
  kernel_index_.clear();
  for (const KernelSpec& k : kernels_) kernel_index_[{k.op, k.device}].push_back(&k);
  for (auto& [key, list] : kernel_index_) {
    std::stable_sort(list.begin(), list.end(), [](const KernelSpec* a, const KernelSpec* b) {
      return a->priority > b->priority;
    });
  }
  frozen_ = true;
}

std::vector<std::string> Registry::validate_and_freeze(
    const std::vector<std::string>& known_phases) {
  std::vector<std::string> messages;
  for (RegistryProblem& p : validate(known_phases)) messages.push_back(std::move(p.message));
  freeze();
  return messages;
}

}  // namespace theano
