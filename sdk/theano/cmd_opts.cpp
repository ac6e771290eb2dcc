// `theano opts [--query TAGS | --mode MODE] [--json]`: the optimizer
// database as a tree — stages in running order, the rewrites in each with
// their kind, position, tags and the plugin that registered them. With
// --query ("+fast_run -inplace") or --mode (FAST_RUN, FAST_COMPILE, ...),
// only what that query selects.
//
// Table line for commands.cpp (and a declaration in commands.h):
//   {"opts", "print the optimizer database: stages, rewrites, tags, positions", run_opts},
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli_support.h"
#include "theano/core/mode.h"
#include "theano/optdb/standard.h"

namespace theano::cli {

int run_opts(const Invocation& inv);

namespace {

nlohmann::json to_json(const std::vector<optdb::DBTreeNode>& nodes) {
  nlohmann::json list = nlohmann::json::array();
  for (const optdb::DBTreeNode& n : nodes) {
    nlohmann::json item = {{"name", n.entry.name},
                           {"kind", n.kind},
                           {"tags", n.entry.tags},
                           {"provider", n.entry.provider}};
    if (n.positioned) item["position"] = n.entry.position;
    if (n.entry.role == optdb::EquilibriumRole::Final) item["role"] = "final";
    if (n.entry.role == optdb::EquilibriumRole::Cleanup) item["role"] = "cleanup";
    if (!n.children.empty()) item["children"] = to_json(n.children);
    list.push_back(std::move(item));
  }
  return list;
}

}  // namespace

int run_opts(const Invocation& inv) {
  po::options_description options("theano opts options");
  options.add_options()("query", po::value<std::string>(),
                        "only what this query selects, e.g. \"+fast_run -inplace\"")(
      "mode", po::value<std::string>(),
      "only what this mode runs (FAST_RUN, FAST_COMPILE, NO_OPT, ...), with the optimizer_* "
      "flags")("json", "print as JSON");
  auto vm = parse_command(inv, "opts [--query TAGS | --mode MODE] [--json]", options);
  if (!vm) return 0;
  start_library(inv);
  std::optional<optdb::Query> filter;
  if (vm->count("query")) filter = optdb::Query::parse((*vm)["query"].as<std::string>());
  if (vm->count("mode")) filter = optdb::mode_query(Mode::named((*vm)["mode"].as<std::string>()));
  const optdb::SequenceDB& db = optdb::standard_optdb();
  if (vm->count("json")) {
    inv.out << to_json(db.tree(filter ? &*filter : nullptr)).dump(2) << "\n";
    return 0;
  }
  if (filter) inv.out << "query: " << (filter->str().empty() ? "(none)" : filter->str()) << "\n";
  db.print_tree(inv.out, filter ? &*filter : nullptr);
  return 0;
}

}  // namespace theano::cli
