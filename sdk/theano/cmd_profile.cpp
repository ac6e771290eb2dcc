// `theano profile [--trace FILE] [--apply N] COMMAND [ARGS...]`: runs another
// subcommand with every compiled function profiled, then prints the
// profiles (Theano's Class / Ops / Apply tables, memory, optimizer) and, with
// --trace, writes one Chrome trace of all of them (chrome://tracing,
// Perfetto). `theano profile demo --steps 50 --trace demo.json`.
#include <fstream>
#include <ostream>

#include "cli_support.h"
#include "theano/core/debug/profiler.h"

namespace theano::cli {

namespace {

struct ProfileArgs {
  bool help = false;
  std::string trace;
  std::string apply;
  std::vector<std::string> command;  ///< the subcommand and its arguments
};

ProfileArgs parse_profile_args(const std::vector<std::string>& args) {
  ProfileArgs p;
  std::size_t i = 0;
  for (; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](const std::string& name) {
      if (a.size() > name.size() && a.compare(0, name.size() + 1, name + "=") == 0)
        return a.substr(name.size() + 1);
      if (i + 1 >= args.size()) throw po::error(name + " needs a value");
      return args[++i];
    };
    if (a == "--help" || a == "-h")
      p.help = true;
    else if (a.rfind("--trace", 0) == 0)
      p.trace = value("--trace");
    else if (a.rfind("--apply", 0) == 0)
      p.apply = value("--apply");
    else
      break;
  }
  p.command.assign(args.begin() + static_cast<std::ptrdiff_t>(i), args.end());
  return p;
}

void print_profile_usage(std::ostream& out) {
  out << "usage: theano profile [--trace FILE] [--apply N] COMMAND [ARGS...]\n\n"
         "Runs COMMAND with profile=True, then prints every called function's profile.\n"
         "  --trace FILE  also write one Chrome trace (JSON) of all the functions\n"
         "  --apply N     rows of each Apply table (flag profiling.n_apply)\n";
}

}  // namespace

int run_profile(const Invocation& inv) {
  ProfileArgs p = parse_profile_args(inv.args);
  if (p.help || p.command.empty()) {
    print_profile_usage(p.help ? inv.out : inv.err);
    return p.help ? 0 : 2;
  }
  const Command* target = nullptr;
  for (const Command& c : commands())
    if (c.name == p.command.front() && c.name != "profile") target = &c;
  if (!target) throw po::error("profile: unknown command '" + p.command.front() + "'");
  std::vector<std::string> flags = inv.flags;
  flags.push_back("--profile=True");
  flags.push_back("--profiling.destination=none");  // printed here, not at exit
  if (!p.apply.empty()) flags.push_back("--profiling.n_apply=" + p.apply);
  Invocation sub{
      p.command.front(), {p.command.begin() + 1, p.command.end()}, flags, inv.out, inv.err};
  int status = target->run(sub);
  inv.out << debug::profile_summaries();
  if (!p.trace.empty()) {
    std::ofstream file(p.trace);
    file << debug::chrome_trace(debug::all_profiles());
    if (!file) throw IOError("cannot write the Chrome trace to '" + p.trace + "'");
    inv.err << "theano: Chrome trace written to " << p.trace << "\n";
  }
  return status;
}

}  // namespace theano::cli
