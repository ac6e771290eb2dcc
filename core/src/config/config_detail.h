// Helpers shared by the Config implementation files: value checks, the
// closest-name suggestion and the core flag table.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "theano/core/config.h"

namespace theano::config_detail {

/// Parses True/False/true/false/1/0; nullopt for anything else.
std::optional<bool> parse_bool(const std::string& text);
/// Validator for boolean flags.
void validate_bool(const std::string& text);
/// Validator for integer flags.
void validate_int(const std::string& text);
/// Checks `value` against the spec's choices and validator; throws
/// ConfigError naming the flag, the value, where it came from and what is allowed.
void validate_value(const ConfigOptionSpec& spec, const std::string& value, Config::Source source);

/// Levenshtein distance, case-insensitive.
std::size_t edit_distance(const std::string& a, const std::string& b);
/// The candidate closest to `name`, if close enough to be a plausible typo.
std::optional<std::string> closest_name(const std::string& name,
                                        const std::vector<std::string>& candidates);
/// "unknown flag 'x' (from SRC); did you mean 'y'?" or a pointer to `theano config`.
std::string unknown_flag_message(const std::string& name, const std::string& source,
                                 const std::vector<std::string>& known);

/// The flags of the core, declared by the Config constructor.
std::vector<ConfigOptionSpec> core_flags();

/// Where a value came from, as named in messages.
std::string source_label(Config::Source source);

}  // namespace theano::config_detail
