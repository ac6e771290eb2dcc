// The table of subcommands.
#include "commands.h"

namespace theano::cli {

const std::vector<Command>& commands() {
  static const std::vector<Command> table = {
      {"version", "print the core version, plugin ABI and build fingerprint", run_version},
      {"plugins", "list plugins found: name, version, ABI, path, op count, status", run_plugins},
      {"ops", "list registered ops with their one-line doc and provider", run_ops},
      {"config", "list every flag with its value and where the value came from", run_config},
      {"opts", "print the optimizer database: stages, rewrites, tags, positions", run_opts},
      {"demo", "the main job: train the tutorial's logistic regression on generated data",
       run_demo},
      {"run", "load a saved function, call it on .npy inputs, write .npy outputs", run_run},
      {"print", "print a saved function's graph (debugprint or Graphviz dot)", run_print},
      {"profile", "run a command with profiling on: print its tables, write a trace", run_profile},
      {"check-plugin", "run the conformance checks on every op of one plugin .so",
       run_check_plugin},
  };
  return table;
}

}  // namespace theano::cli
