// `theano plugins`: every plugin found (statics and files of the search
// path), whether it loaded, and why not when it did not.
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli_support.h"
#include "theano/core/plugin_host.h"

namespace theano::cli {
namespace {

std::string status_name(PluginRecord::Status status) {
  switch (status) {
    case PluginRecord::Status::Loaded:
      return "loaded";
    case PluginRecord::Status::Refused:
      return "refused";
    case PluginRecord::Status::Excluded:
      return "excluded";
  }
  return "?";
}

}  // namespace

int run_plugins(const Invocation& inv) {
  po::options_description options("theano plugins options");
  options.add_options()("json", "print as JSON");
  auto vm = parse_command(inv, "plugins [--json]", options);
  if (!vm) return 0;
  start_library(inv, /*warn_refused=*/false);
  const std::vector<PluginRecord>& records = PluginHost::global().records();
  if (vm->count("json")) {
    nlohmann::json list = nlohmann::json::array();
    for (const PluginRecord& r : records) {
      list.push_back({{"name", r.name},
                      {"version", r.version},
                      {"abi", r.abi},
                      {"path", r.path},
                      {"op_count", r.op_count},
                      {"status", status_name(r.status)},
                      {"reason", r.reason}});
    }
    inv.out << list.dump(2) << "\n";
    return 0;
  }
  std::vector<std::vector<std::string>> rows;
  for (const PluginRecord& r : records) {
    rows.push_back({r.name.empty() ? "-" : r.name, r.version.empty() ? "-" : r.version,
                    r.abi.empty() ? "-" : r.abi, std::to_string(r.op_count), status_name(r.status),
                    r.path});
  }
  print_table(inv.out, {"NAME", "VERSION", "ABI", "OPS", "STATUS", "PATH"}, rows);
  for (const PluginRecord& r : records) {
    if (!r.reason.empty()) inv.out << "\n" << status_name(r.status) << ": " << r.reason << "\n";
  }
  return 0;
}

}  // namespace theano::cli
