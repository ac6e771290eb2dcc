// The `theano` host: global options (--flag name=value, repeatable and
// accepted anywhere; --help), then a subcommand and its own options. Exit status: 0 success, 1 a
// Theano++ error (bad flag, ...), 2 bad usage.
#include <iostream>

#include "cli_support.h"
#include "theano/core/errors.h"

namespace {

using namespace theano::cli;

po::options_description global_options() {
  po::options_description options("Global options");
  options.add_options()("help,h", "show this help")(
      "flag", po::value<std::vector<std::string>>()->composing(),
      "set a flag for this run, as --flag name=value (repeatable); overrides THEANO_FLAGS");
  return options;
}

void print_usage(std::ostream& out) {
  out << "usage: theano [--flag name=value]... COMMAND [options]\n\nCommands:\n";
  for (const Command& c : commands()) {
    out << "  " << c.name << std::string(10 - std::min<std::size_t>(c.name.size(), 9), ' ')
        << c.summary << "\n";
  }
  out << "\n" << global_options() << "\nRun `theano COMMAND --help` for a command's options.\n";
}

/// The command line split in three: global options (with every
/// `--flag name=value`, which is accepted anywhere), the subcommand, and the
/// subcommand's own arguments.
struct SplitArgs {
  std::vector<std::string> global;
  std::string command;
  std::vector<std::string> rest;
};

SplitArgs split_args(int argc, char** argv) {
  SplitArgs split;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--flag" && i + 1 < argc) {
      split.global.push_back(arg);
      split.global.push_back(argv[++i]);
    } else if (arg.starts_with("--flag=") || (split.command.empty() && arg.starts_with("-"))) {
      split.global.push_back(arg);
    } else if (split.command.empty()) {
      split.command = arg;
    } else {
      split.rest.push_back(arg);
    }
  }
  return split;
}

std::vector<std::string> flags_for_initialize(const po::variables_map& vm) {
  std::vector<std::string> flags;
  if (!vm.count("flag")) return flags;
  for (const std::string& f : vm["flag"].as<std::vector<std::string>>()) {
    if (f.find('=') == std::string::npos || f.front() == '=') {
      throw po::error("--flag expects name=value, got '" + f + "'");
    }
    flags.push_back("--" + f);
  }
  return flags;
}

int dispatch(int argc, char** argv) {
  SplitArgs split = split_args(argc, argv);
  po::variables_map vm;
  po::store(po::command_line_parser(split.global).options(global_options()).run(), vm);
  if (vm.count("help") || split.command.empty()) {
    print_usage(vm.count("help") ? std::cout : std::cerr);
    return vm.count("help") ? 0 : 2;
  }
  Invocation inv{split.command, split.rest, flags_for_initialize(vm), std::cout, std::cerr};
  for (const Command& c : commands()) {
    if (c.name == inv.command) return c.run(inv);
  }
  std::cerr << "theano: unknown command '" << inv.command << "'\n\n";
  print_usage(std::cerr);
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return dispatch(argc, argv);
  } catch (const po::error& e) {
    std::cerr << "theano: usage error: " << e.what() << " (see `theano --help`)\n";
    return 2;
  } catch (const theano::Error& e) {
    std::cerr << "theano: error: " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "theano: internal error: " << e.what() << "\n";
    return 1;
  }
}
