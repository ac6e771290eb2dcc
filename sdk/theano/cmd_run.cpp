// `theano run FILE --input NAME=PATH.npy ... [--output-dir D] [--mode M]
// [--profile] [--repeat N] [--save-updates]`: loads a saved function,
// compiles it, calls it on .npy inputs and writes its outputs as .npy files;
// with --save-updates the updated shared values are written back to FILE.
#include <filesystem>
#include <ostream>

#include "cli_support.h"
#include "theano/core/config.h"
#include "theano/core/debug/profiler.h"
#include "theano/core/errors.h"
#include "theano/core/serialize.h"

namespace theano::cli {
namespace {

std::string input_name(const In& in) {
  return in.name.empty() ? in.variable->name() : in.name;
}

std::string expected_inputs(const FunctionSpec& spec) {
  std::string s;
  for (const In& in : spec.inputs)
    s += "\n  " + input_name(in) + ": " + in.variable->type()->str() +
         (in.value ? " (has a default)" : "");
  return s;
}

// NAME=PATH pairs, read as arrays, keyed by input name.
std::map<std::string, Value> read_inputs(const std::vector<std::string>& pairs,
                                         const FunctionSpec& spec) {
  std::map<std::string, Value> named;
  for (const std::string& p : pairs) {
    auto eq = p.find('=');
    if (eq == std::string::npos || eq == 0)
      throw po::error("--input expects NAME=PATH.npy, got '" + p + "'");
    std::string name = p.substr(0, eq);
    bool known = false;
    for (const In& in : spec.inputs) known = known || input_name(in) == name;
    if (!known)
      throw ValueError("the function has no input named '" + name +
                       "'; its inputs:" + expected_inputs(spec));
    named[name] = load_npy(p.substr(eq + 1));
  }
  for (const In& in : spec.inputs)
    if (!in.value && !named.count(input_name(in)))
      throw ValueError("missing --input for '" + input_name(in) +
                       "'; the function's inputs:" + expected_inputs(spec));
  return named;
}

void write_outputs(const std::vector<Value>& outs, const FunctionSpec& spec, const std::string& dir,
                   std::ostream& out) {
  std::filesystem::create_directories(dir);
  for (std::size_t k = 0; k < outs.size(); ++k) {
    std::string name = spec.outputs[k].variable->name();
    std::string file = (std::filesystem::path(dir) /
                        ((name.empty() ? "output" + std::to_string(k) : name) + ".npy"))
                           .string();
    if (!outs[k].is_array()) throw ValueError("output " + std::to_string(k) + " is not an array");
    save_npy(file, outs[k].array());
    out << file << "  " << dtype_name(outs[k].array().dtype()) << " "
        << shape_str(outs[k].array().shape()) << "\n";
  }
}

}  // namespace

int run_run(const Invocation& inv) {
  po::options_description options("theano run options");
  options.add_options()("file", po::value<std::string>()->required(), "saved function (.json)")(
      "input", po::value<std::vector<std::string>>()->default_value({}, ""),
      "NAME=PATH.npy (repeatable)")("output-dir", po::value<std::string>()->default_value("."),
                                    "where outputs are written")(
      "mode", po::value<std::string>(), "compile in this mode instead of the saved one")(
      "profile", "profile the calls and print the tables")(
      "repeat", po::value<int>()->default_value(1), "call the function N times")(
      "save-updates", "write the updated shared values back to FILE");
  po::positional_options_description positional;
  positional.add("file", 1);
  auto vm = parse_command(inv,
                          "run FILE --input NAME=PATH.npy ... [--output-dir D] [--mode M] "
                          "[--profile] [--repeat N] [--save-updates]",
                          options, positional);
  if (!vm) return 0;
  start_library(inv);
  const std::string file = (*vm)["file"].as<std::string>();
  FunctionSpec spec = load_function_spec(file);
  if (vm->count("mode")) spec.mode = Mode::named((*vm)["mode"].as<std::string>());
  std::map<std::string, Value> named =
      read_inputs((*vm)["input"].as<std::vector<std::string>>(), spec);
  int repeat = (*vm)["repeat"].as<int>();
  if (repeat < 1) throw po::error("--repeat must be at least 1");
  std::optional<ScopedFlags> profiling;
  if (vm->count("profile"))
    profiling.emplace(std::map<std::string, std::string>{{"profile", "True"}});
  Function f = compile(spec);
  std::vector<Value> outs;
  for (int i = 0; i < repeat; ++i) outs = f({}, named);
  write_outputs(outs, spec, (*vm)["output-dir"].as<std::string>(), inv.out);
  if (vm->count("profile")) inv.out << debug::profile_summaries();
  if (vm->count("save-updates")) {
    save_function(f, file);
    inv.out << "saved " << f.updates().size() << " updated shared variable(s) to " << file << "\n";
  }
  return 0;
}

}  // namespace theano::cli
