// `theano config [NAME...]`: each flag (core and plugins), its value and the
// source that set it (default, theanorc, THEANO_FLAGS, command line).
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli_support.h"
#include "theano/core/config.h"

namespace theano::cli {

int run_config(const Invocation& inv) {
  po::options_description options("theano config options");
  options.add_options()("json", "print as JSON")("name", po::value<std::vector<std::string>>(),
                                                 "flags to show (default: all)");
  po::positional_options_description positional;
  positional.add("name", -1);
  auto vm = parse_command(inv, "config [NAME...] [--json]", options, positional);
  if (!vm) return 0;
  start_library(inv);
  Config& config = Config::global();
  std::vector<Config::Entry> entries;
  if (vm->count("name")) {
    for (const std::string& name : (*vm)["name"].as<std::vector<std::string>>()) {
      config.get(name);  // throws, suggesting a close name, for an unknown flag
      for (const Config::Entry& e : config.entries()) {
        if (e.spec.name == name) entries.push_back(e);
      }
    }
  } else {
    entries = config.entries();
  }
  if (vm->count("json")) {
    nlohmann::json list = nlohmann::json::array();
    for (const Config::Entry& e : entries) {
      list.push_back({{"name", e.spec.name},
                      {"value", e.value},
                      {"source", Config::source_name(e.source)},
                      {"default", e.spec.default_value},
                      {"provider", e.spec.provider},
                      {"doc", e.spec.doc}});
    }
    inv.out << list.dump(2) << "\n";
    return 0;
  }
  std::vector<std::vector<std::string>> rows;
  for (const Config::Entry& e : entries) {
    rows.push_back(
        {e.spec.name, e.value.empty() ? "''" : e.value, Config::source_name(e.source), e.spec.doc});
  }
  print_table(inv.out, {"FLAG", "VALUE", "SOURCE", "DOC"}, rows);
  return 0;
}

}  // namespace theano::cli
