// PluginHost::load, top to bottom: gather descriptors (statics, then files
// from each folder), check each descriptor, plan the dependency order,
// register in that order, validate the registry (refusing the plugins it
// blames and their dependents), freeze. A refusal never stops the others.
#include "theano/core/plugin_host.h"

#include <algorithm>
#include <array>
#include <map>
#include <set>

#include "dependency_plan.h"
#include "plugin_checks.h"
#include "plugin_library.h"
#include "theano/core/errors.h"
#include "theano/core/phases.h"
#include "theano/core/registry.h"

namespace theano {

struct PluginHost::Candidate {
  const theano_plugin_descriptor* descriptor;
  std::size_t record;
};

namespace {

namespace fs = std::filesystem;
using Status = PluginRecord::Status;

/// "'path' (plugin 'name'): " — the prefix of every refusal reason.
std::string label(const PluginRecord& r) {
  std::string out = "'" + r.path + "'";
  if (!r.name.empty()) out += " (plugin '" + r.name + "')";
  return out + ": ";
}

void refuse(PluginRecord& r, const std::string& why) {
  r.status = Status::Refused;
  r.reason = label(r) + why;
}

bool is_excluded(const std::vector<std::string>& exclude, const std::string& key) {
  return !key.empty() && std::find(exclude.begin(), exclude.end(), key) != exclude.end();
}

/// Matches "libtheano_blas", "theano_blas" (file stem without "lib") or the path itself.
bool file_excluded(const std::vector<std::string>& exclude, const fs::path& file) {
  std::string stem = file.stem().string();
  std::string bare = stem.starts_with("lib") ? stem.substr(3) : stem;
  return is_excluded(exclude, stem) || is_excluded(exclude, bare) ||
         is_excluded(exclude, file.string());
}

/// Every *.so of the folders (sorted within a folder), then the extra files;
/// a file reached twice (same canonical path) is listed once.
std::vector<fs::path> plugin_files(const PluginSearch& search) {
  std::vector<fs::path> files;
  std::set<fs::path> seen;
  auto add = [&](const fs::path& file) {
    std::error_code ec;
    fs::path canonical = fs::weakly_canonical(file, ec);
    if (seen.insert(ec ? file : canonical).second) files.push_back(file);
  };
  for (const fs::path& folder : search.folders) {
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) continue;
    std::vector<fs::path> found;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
      if (entry.path().extension() == ".so" && !entry.is_directory()) found.push_back(entry.path());
    }
    std::sort(found.begin(), found.end());
    for (const fs::path& f : found) add(f);
  }
  for (const fs::path& f : search.files) add(f);
  return files;
}

std::vector<PlanDependency> dependencies_of(const theano_plugin_descriptor& d) {
  std::vector<PlanDependency> deps;
  for (uint32_t i = 0; i < d.dependency_count; ++i) {
    const theano_plugin_dependency& dep = d.dependencies[i];
    deps.push_back(
        {dep.name ? dep.name : "", dep.version_range ? dep.version_range : "", dep.optional != 0});
  }
  return deps;
}

/// Calls the C register function; a nonzero status becomes a PluginError.
void call_register_fn(const theano_plugin_descriptor& d, Registrar& registrar) {
  std::array<char, 2048> error{};
  if (d.register_fn(static_cast<void*>(&registrar), error.data(), error.size()) != 0) {
    error.back() = '\0';
    throw PluginError(error[0] ? error.data() : "it reported failure without a message");
  }
}

theano_plugin_shutdown_fn shutdown_of(const theano_plugin_descriptor& d) {
  constexpr std::size_t needed =
      offsetof(theano_plugin_descriptor, shutdown_fn) + sizeof(theano_plugin_shutdown_fn);
  return d.struct_size >= needed ? d.shutdown_fn : nullptr;
}

}  // namespace

PluginHost& PluginHost::global() {
  static PluginHost host;
  return host;
}

PluginHost::~PluginHost() {
  shutdown();
}

void PluginHost::add_static(const theano_plugin_descriptor* descriptor) {
  if (!descriptor) throw PluginError("add_static: null plugin descriptor");
  statics_.push_back(descriptor);
}

void PluginHost::shutdown() {
  while (!shutdowns_.empty()) {
    theano_plugin_shutdown_fn fn = shutdowns_.back();
    shutdowns_.pop_back();
    fn();
  }
}

void PluginHost::load(const PluginSearch& search, Registry& registry) {
  if (registry.frozen()) {
    throw PluginError(
        "cannot load plugins: the registry is already frozen (plugins load once, "
        "before the first use of the registry)");
  }
  std::vector<Candidate> candidates;
  std::map<std::string, std::string> unavailable;  // refused before planning: name -> why
  std::map<std::string, std::string> path_of;      // accepted name -> its path

  // 1. Gather and check descriptors.
  auto consider = [&](const theano_plugin_descriptor* d, std::size_t index) {
    PluginRecord& r = records_[index];
    // name and version sit at fixed offsets in every ABI; read them when present.
    if (d->struct_size >= offsetof(theano_plugin_descriptor, fingerprint)) {
      r.name = d->name ? d->name : "";
      r.version = d->version ? d->version : "";
    }
    r.abi = abi_string(*d);
    if (auto problem = descriptor_problem(*d)) {
      refuse(r, *problem);
      if (!r.name.empty()) unavailable.emplace(r.name, r.reason);
      return;
    }
    if (is_excluded(search.exclude, r.name)) {
      r.status = Status::Excluded;
      r.reason = label(r) + "excluded by plugins.exclude";
      unavailable.emplace(r.name, r.reason);
    } else if (auto first = path_of.find(r.name); first != path_of.end()) {
      refuse(r, "plugin name '" + r.name + "' is also provided by '" + first->second +
                    "', which was found first and is used instead");
    } else {
      path_of[r.name] = r.path;
      candidates.push_back({d, index});
    }
  };
  for (const theano_plugin_descriptor* d : statics_) {
    records_.push_back(PluginRecord{.path = "<static>"});
    consider(d, records_.size() - 1);
  }
  for (const fs::path& file : plugin_files(search)) {
    records_.push_back(PluginRecord{.path = file.string()});
    PluginRecord& r = records_.back();
    if (file_excluded(search.exclude, file)) {
      r.status = Status::Excluded;
      r.reason = label(r) + "excluded by plugins.exclude";
      continue;
    }
    try {
      consider(open_plugin_library(file), records_.size() - 1);
    } catch (const PluginError& e) {
      r.status = Status::Refused;
      r.reason = e.what();
    }
  }

  // 2. Plan the order; 3. register in it.
  std::vector<PlanNode> nodes;
  for (const Candidate& c : candidates) {
    nodes.push_back(
        {records_[c.record].name, records_[c.record].version, dependencies_of(*c.descriptor)});
  }
  LoadPlan plan = plan_load_order(nodes, unavailable);
  for (const auto& [i, why] : plan.refused) refuse(records_[candidates[i].record], why);
  std::map<std::string, std::string> failed;  // registered unsuccessfully: name -> why
  for (int i : plan.order) {
    register_candidate(candidates[i], registry, failed);
  }

  // 4. Validate (refusing blamed plugins and their dependents), freeze.
  settle(candidates, registry);
  registry.freeze();
  std::map<std::string, int> counts = registry.op_counts();
  for (PluginRecord& r : records_) {
    if (r.status == Status::Loaded) r.op_count = counts[r.name];
  }
}

void PluginHost::register_candidate(const Candidate& c, Registry& registry,
                                    std::map<std::string, std::string>& failed) {
  PluginRecord& r = records_[c.record];
  for (const PlanDependency& dep : dependencies_of(*c.descriptor)) {
    auto why = failed.find(dep.name);
    if (dep.optional || why == failed.end()) continue;
    refuse(r, "depends on '" + dep.name + "', which failed to register (chain: " + r.name + " -> " +
                  dep.name + "): " + why->second);
    failed[r.name] = r.reason;
    return;
  }
  try {
    registry.register_plugin(r.name,
                             [&c](Registrar& reg) { call_register_fn(*c.descriptor, reg); });
    r.status = Status::Loaded;
    if (auto fn = shutdown_of(*c.descriptor)) shutdowns_.push_back(fn);
  } catch (const PluginError& e) {
    refuse(r, e.what());
    failed[r.name] = e.what();
  }
}

void PluginHost::settle(const std::vector<Candidate>& candidates, Registry& registry) {
  std::map<std::string, PluginRecord*> loaded;
  for (const Candidate& c : candidates) {
    if (records_[c.record].status == Status::Loaded)
      loaded[records_[c.record].name] = &records_[c.record];
  }
  for (bool again = true; again;) {
    again = false;
    std::map<std::string, std::string> blamed;
    for (const RegistryProblem& p : registry.validate(standard_phases())) {
      blamed[p.plugin] += (blamed[p.plugin].empty() ? "" : "; ") + p.message;
    }
    for (const auto& [name, why] : blamed) {
      if (auto it = loaded.find(name); it != loaded.end()) {
        refuse(*it->second, "refused by registry validation: " + why);
        loaded.erase(it);
      }
    }
    // Dependents of a plugin refused here cannot stay.
    for (const Candidate& c : candidates) {
      PluginRecord& r = records_[c.record];
      if (r.status != Status::Loaded) continue;
      for (const PlanDependency& dep : dependencies_of(*c.descriptor)) {
        auto it = std::find_if(records_.begin(), records_.end(), [&](const PluginRecord& o) {
          return o.name == dep.name && o.status == Status::Refused;
        });
        if (dep.optional || it == records_.end() || loaded.count(dep.name)) continue;
        registry.remove_plugin(r.name);
        refuse(r, "depends on '" + dep.name + "', which was refused after registering (chain: " +
                      r.name + " -> " + dep.name + "): " + it->reason);
        loaded.erase(r.name);
        again = true;
        break;
      }
    }
  }
}

}  // namespace theano
