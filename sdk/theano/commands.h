// The subcommands of the `theano` host. Each lives in its own cmd_*.cpp and
// is listed once in the table of commands.cpp; adding a subcommand means
// adding one file and one table line.
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace theano::cli {

/// What a subcommand receives.
struct Invocation {
  std::string command;            ///< "plugins"
  std::vector<std::string> args;  ///< arguments after the subcommand name
  /// Global `--flag name=value` options, as "--name=value" for theano::initialize.
  std::vector<std::string> flags;
  std::ostream& out;
  std::ostream& err;
};

/// Runs a subcommand; returns the process exit status.
using CommandFn = int (*)(const Invocation&);

struct Command {
  std::string_view name;
  std::string_view summary;  ///< one line, shown by `theano --help`
  CommandFn run;
};

/// Every subcommand, in the order `theano --help` lists them.
const std::vector<Command>& commands();

int run_version(const Invocation& inv);
int run_plugins(const Invocation& inv);
int run_ops(const Invocation& inv);
int run_config(const Invocation& inv);
int run_demo(const Invocation& inv);
int run_opts(const Invocation& inv);
int run_profile(const Invocation& inv);
int run_run(const Invocation& inv);
int run_print(const Invocation& inv);
int run_check_plugin(const Invocation& inv);

}  // namespace theano::cli
