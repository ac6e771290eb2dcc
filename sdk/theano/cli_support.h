// Helpers every subcommand uses: option parsing with --help, starting the
// library with the global flags, and table output.
#pragma once

#include <boost/program_options.hpp>
#include <optional>
#include <string>
#include <vector>

#include "commands.h"

namespace theano::cli {

namespace po = boost::program_options;

/// Parses inv.args against `options` (a --help option is added; `positional`
/// may name positional arguments). Returns nullopt when help was printed.
/// Throws po::error for bad usage.
std::optional<po::variables_map> parse_command(
    const Invocation& inv, std::string_view usage, po::options_description options,
    const po::positional_options_description& positional = {});

/// theano::initialize with the global flags.
void start_library(const Invocation& inv, bool warn_refused = true);

/// Prints rows under a header, each column padded to its widest cell; the
/// last column is not padded.
void print_table(std::ostream& out, const std::vector<std::string>& header,
                 const std::vector<std::vector<std::string>>& rows);

}  // namespace theano::cli
