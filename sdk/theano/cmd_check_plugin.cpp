// `theano check-plugin PATH.so [--json] [--op NAME]`: loads one plugin in
// isolation (with its dependencies from the search path) and runs every
// conformance check of the harness (theano::testing::run_all_checks) on
// every op it registers, over the op's registered example cases. Prints an
// op × check table with the reasons of failures and skips (or JSON), and
// exits 1 when any check failed or the plugin did not load. PATH may also
// be the dotted name of a plugin the normal search loads (`theano.core`
// for the kernel's built-in ops).
#include <filesystem>
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli_support.h"
#include "theano/core/errors.h"
#include "theano/core/init.h"
#include "theano/core/plugin_host.h"
#include "theano/core/registry.h"
#include "theano/testing/checks.h"

namespace theano::cli {

std::string load_plugin_in_isolation(const Invocation& inv, const std::filesystem::path& target);

namespace {

namespace tt = theano::testing;

nlohmann::json result_json(const tt::CheckResult& r) {
  nlohmann::json j = {{"op", r.op},
                      {"check", r.check},
                      {"case", r.case_label},
                      {"outcome", tt::outcome_name(r.outcome)},
                      {"reason", r.reason}};
  if (!r.expected.empty()) j["expected"] = r.expected;
  if (!r.actual.empty()) j["actual"] = r.actual;
  if (r.max_abs_err) j["max_abs_err"] = *r.max_abs_err;
  if (r.max_rel_err) j["max_rel_err"] = *r.max_rel_err;
  return j;
}

nlohmann::json table_json(const std::string& plugin, const std::string& path,
                          const tt::CheckTable& table) {
  nlohmann::json summary = nlohmann::json::array(), results = nlohmann::json::array();
  for (const tt::CheckResult& r : table.summary()) summary.push_back(result_json(r));
  for (const tt::CheckResult& r : table.results) results.push_back(result_json(r));
  return {{"plugin", plugin},         {"path", path},
          {"passed", table.passed()}, {"failures", table.failures()},
          {"summary", summary},       {"results", results}};
}

/// The record of the plugin named `name`, if the host saw it.
const PluginRecord* record_of(const std::string& name) {
  for (const PluginRecord& r : PluginHost::global().records()) {
    if (r.name == name) return &r;
  }
  return nullptr;
}

/// The ops `plugin` registered (all of them, or the one named `only`).
std::vector<const OpSchema*> ops_of(const std::string& plugin, const std::string& only) {
  std::vector<const OpSchema*> ops;
  for (const OpSchema* schema : Registry::global().ops()) {
    if (schema->provider == plugin && (only.empty() || schema->name == only)) ops.push_back(schema);
  }
  return ops;
}

}  // namespace

int run_check_plugin(const Invocation& inv) {
  po::options_description options("theano check-plugin options");
  options.add_options()("plugin", po::value<std::string>()->required(),
                        "the plugin file (or dotted name of a plugin on the search path)")(
      "json", "print the results as JSON")("op", po::value<std::string>(),
                                           "check only the op of this name");
  po::positional_options_description positional;
  positional.add("plugin", 1);
  auto vm = parse_command(inv, "check-plugin PATH.so [--json] [--op NAME]", options, positional);
  if (!vm) return 0;
  std::string target = (*vm)["plugin"].as<std::string>();
  std::string only = vm->count("op") ? (*vm)["op"].as<std::string>() : "";
  std::string plugin;
  if (std::filesystem::exists(target)) {
    plugin = load_plugin_in_isolation(inv, target);
  } else {
    start_library(inv, /*warn_refused=*/false);
    plugin = target;
  }
  const PluginRecord* record = record_of(plugin);
  if (!record || record->status != PluginRecord::Status::Loaded) {
    inv.err << "theano check-plugin: plugin '" << plugin
            << "' did not load: " << (record ? record->reason : "no plugin of that name was found")
            << "\n";
    return 1;
  }
  std::vector<const OpSchema*> ops = ops_of(plugin, only);
  if (!only.empty() && ops.empty()) {
    inv.err << "theano check-plugin: plugin '" << plugin << "' registers no op named '" << only
            << "'\n";
    return 1;
  }
  tt::CheckTable table;
  for (const OpSchema* schema : ops) table.append(tt::run_all_checks(*schema));
  if (vm->count("json")) {
    inv.out << table_json(plugin, record->path, table).dump(2) << "\n";
  } else {
    inv.out << "plugin " << plugin << " (" << record->path << "): " << ops.size() << " op(s)\n";
    if (!ops.empty()) inv.out << table.str();
    inv.out << (table.passed() ? "all checks passed\n" : "FAILED\n");
  }
  return table.passed() ? 0 : 1;
}

}  // namespace theano::cli
