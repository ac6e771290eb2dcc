// `theano ops [--plugin P]`: registered ops, their one-line doc and the
// plugin providing each.
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli_support.h"
#include "theano/core/errors.h"
#include "theano/core/plugin_host.h"
#include "theano/core/registry.h"

namespace theano::cli {
namespace {

/// Throws when `plugin` is not the name of any plugin found.
void require_known_plugin(const std::string& plugin) {
  std::string known;
  for (const PluginRecord& r : PluginHost::global().records()) {
    if (r.name == plugin) return;
    if (!r.name.empty()) known += (known.empty() ? "" : ", ") + r.name;
  }
  throw ValueError("no plugin named '" + plugin + "' was found; known plugins: " + known);
}

}  // namespace

int run_ops(const Invocation& inv) {
  po::options_description options("theano ops options");
  options.add_options()("plugin", po::value<std::string>(), "only the ops of this plugin")(
      "json", "print as JSON");
  auto vm = parse_command(inv, "ops [--plugin NAME] [--json]", options);
  if (!vm) return 0;
  start_library(inv);
  std::string plugin = vm->count("plugin") ? (*vm)["plugin"].as<std::string>() : "";
  if (!plugin.empty()) require_known_plugin(plugin);
  std::vector<const OpSchema*> ops;
  for (const OpSchema* op : Registry::global().ops()) {
    if (plugin.empty() || op->provider == plugin) ops.push_back(op);
  }
  if (vm->count("json")) {
    nlohmann::json list = nlohmann::json::array();
    for (const OpSchema* op : ops) {
      list.push_back({{"name", op->name}, {"provider", op->provider}, {"doc", op->doc}});
    }
    inv.out << list.dump(2) << "\n";
    return 0;
  }
  std::vector<std::vector<std::string>> rows;
  for (const OpSchema* op : ops) rows.push_back({op->name, op->provider, op->doc});
  print_table(inv.out, {"OP", "PLUGIN", "DOC"}, rows);
  return 0;
}

}  // namespace theano::cli
