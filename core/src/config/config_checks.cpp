// Value validation and the "did you mean" suggestion for flags.
#include <algorithm>
#include <cctype>
#include <charconv>

#include "config_detail.h"
#include "theano/core/errors.h"

namespace theano::config_detail {

std::optional<bool> parse_bool(const std::string& text) {
  if (text == "True" || text == "true" || text == "1") return true;
  if (text == "False" || text == "false" || text == "0") return false;
  return std::nullopt;
}

void validate_bool(const std::string& text) {
  if (!parse_bool(text)) throw ConfigError("expected a boolean (True, False, true, false, 1 or 0)");
}

void validate_int(const std::string& text) {
  long long value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size()) {
    throw ConfigError("expected an integer");
  }
}

std::string source_label(Config::Source source) {
  switch (source) {
    case Config::Source::Default:
      return "the default";
    case Config::Source::Theanorc:
      return "theanorc";
    case Config::Source::Environment:
      return "THEANO_FLAGS";
    case Config::Source::CommandLine:
      return "the command line";
    case Config::Source::Api:
      return "the API";
  }
  return "?";
}

void validate_value(const ConfigOptionSpec& spec, const std::string& value, Config::Source source) {
  const std::string where =
      "flag '" + spec.name + "' = '" + value + "' (from " + source_label(source) + ")";
  if (!spec.choices.empty() &&
      std::find(spec.choices.begin(), spec.choices.end(), value) == spec.choices.end()) {
    std::string allowed;
    for (const std::string& c : spec.choices) allowed += (allowed.empty() ? "" : ", ") + c;
    throw ConfigError(where + " is not an allowed value; expected one of: " + allowed);
  }
  if (!spec.validate) return;
  try {
    spec.validate(value);
  } catch (const std::exception& e) {
    throw ConfigError(where + " is invalid: " + e.what());
  }
}

std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      bool same = std::tolower(static_cast<unsigned char>(a[i - 1])) ==
                  std::tolower(static_cast<unsigned char>(b[j - 1]));
      std::size_t next = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (same ? 0 : 1)});
      diagonal = row[j];
      row[j] = next;
    }
  }
  return row[b.size()];
}

std::optional<std::string> closest_name(const std::string& name,
                                        const std::vector<std::string>& candidates) {
  std::optional<std::string> best;
  std::size_t best_distance = std::max<std::size_t>(2, name.size() / 3) + 1;
  for (const std::string& c : candidates) {
    std::size_t d = edit_distance(name, c);
    if (d < best_distance) {
      best = c;
      best_distance = d;
    }
  }
  return best;
}

std::string unknown_flag_message(const std::string& name, const std::string& source,
                                 const std::vector<std::string>& known) {
  std::string message = "unknown flag '" + name + "' (from " + source + ")";
  if (auto close = closest_name(name, known)) return message + "; did you mean '" + *close + "'?";
  return message + "; run `theano config` to list every flag";
}

}  // namespace theano::config_detail
