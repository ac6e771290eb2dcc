// `theano print FILE [--optimized] [--format text|dot]`: the graph of a saved
// function as Theano's debugprint, before or after optimization, or as
// Graphviz dot (`theano print model.json --format dot | dot -Tpng -o g.png`).
#include <ostream>

#include "cli_support.h"
#include "theano/core/errors.h"
#include "theano/core/fgraph.h"
#include "theano/core/printing.h"
#include "theano/core/serialize.h"

namespace theano::cli {

int run_print(const Invocation& inv) {
  po::options_description options("theano print options");
  options.add_options()("file", po::value<std::string>()->required(), "saved function (.json)")(
      "optimized", "print the graph after optimization")(
      "format", po::value<std::string>()->default_value("text"), "text or dot");
  po::positional_options_description positional;
  positional.add("file", 1);
  auto vm = parse_command(inv, "print FILE [--optimized] [--format text|dot]", options, positional);
  if (!vm) return 0;
  std::string format = (*vm)["format"].as<std::string>();
  if (format != "text" && format != "dot")
    throw po::error("--format must be text or dot, got '" + format + "'");
  start_library(inv);
  FunctionSpec spec = load_function_spec((*vm)["file"].as<std::string>());
  std::vector<Var> outputs;
  std::optional<Function> f;
  if (vm->count("optimized")) {
    f = compile(spec);
    outputs = f->fgraph().outputs();
  } else {
    for (const Out& o : spec.outputs) outputs.push_back(o.variable);
    for (const auto& [target, expr] : spec.updates) outputs.push_back(expr);
  }
  if (format == "dot") {
    inv.out << graphviz_dot(outputs);
  } else {
    DebugPrintOptions po;
    po.print_type = true;
    inv.out << debugprint(outputs, po);
  }
  return 0;
}

}  // namespace theano::cli
