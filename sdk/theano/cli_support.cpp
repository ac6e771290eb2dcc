// Shared plumbing of the subcommands.
#include "cli_support.h"

#include <algorithm>
#include <iostream>

#include "theano/core/init.h"

namespace theano::cli {

std::optional<po::variables_map> parse_command(
    const Invocation& inv, std::string_view usage, po::options_description options,
    const po::positional_options_description& positional) {
  options.add_options()("help,h", "show this help");
  po::variables_map vm;
  po::store(po::command_line_parser(inv.args).options(options).positional(positional).run(), vm);
  po::notify(vm);
  if (vm.count("help")) {
    inv.out << "usage: theano [--flag name=value]... " << usage << "\n\n" << options << "\n";
    return std::nullopt;
  }
  return vm;
}

void start_library(const Invocation& inv, bool warn_refused) {
  InitOptions options;
  options.command_line = inv.flags;
  options.warn_refused = warn_refused;
  initialize(options);
}

void print_table(std::ostream& out, const std::vector<std::string>& header,
                 const std::vector<std::vector<std::string>>& rows) {
  std::vector<std::size_t> width(header.size());
  auto widen = [&](const std::vector<std::string>& row) {
    for (std::size_t c = 0; c < row.size() && c < width.size(); ++c) {
      width[c] = std::max(width[c], row[c].size());
    }
  };
  widen(header);
  for (const auto& row : rows) widen(row);
  auto print = [&](const std::vector<std::string>& row) {
    std::string line;
    for (std::size_t c = 0; c < row.size(); ++c) {
      line += row[c];
      if (c + 1 < row.size()) line += std::string(width[c] - row[c].size() + 2, ' ');
    }
    out << line << "\n";
  };
  print(header);
  for (const auto& row : rows) print(row);
}

}  // namespace theano::cli
