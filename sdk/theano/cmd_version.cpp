// `theano version`: the core version, the plugin ABI it speaks and the
// build fingerprint a plugin must match.
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli_support.h"
#include "theano/core/init.h"
#include "theano/core/plugin_host.h"

namespace theano::cli {

int run_version(const Invocation& inv) {
  po::options_description options("theano version options");
  options.add_options()("json", "print as JSON");
  auto vm = parse_command(inv, "version [--json]", options);
  if (!vm) return 0;
  const std::string abi =
      std::to_string(THEANO_PLUGIN_ABI_MAJOR) + "." + std::to_string(THEANO_PLUGIN_ABI_MINOR);
  if (vm->count("json")) {
    nlohmann::json j = {
        {"version", core_version()}, {"abi", abi}, {"fingerprint", host_fingerprint()}};
    inv.out << j.dump(2) << "\n";
  } else {
    inv.out << "theano++ " << core_version() << "\n"
            << "plugin ABI " << abi << "\n"
            << "fingerprint " << host_fingerprint() << "\n";
  }
  return 0;
}

}  // namespace theano::cli
