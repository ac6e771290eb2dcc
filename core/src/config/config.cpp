// The flag table: declaration, validated setting, typed reads, and values
// given before their flag was declared (a plugin's flag set in THEANO_FLAGS
// is applied when the plugin declares it, or reported as unknown).
#include "theano/core/config.h"

#include <mutex>

#include "config_detail.h"
#include "theano/core/errors.h"

namespace theano {

using namespace config_detail;

Config& Config::global() {
  static Config config;
  return config;
}

Config::Config() {
  for (ConfigOptionSpec& spec : core_flags()) declare(std::move(spec));
}

namespace {

template <class Map>
std::vector<std::string> names_of(const Map& entries) {
  std::vector<std::string> names;
  for (const auto& [name, entry] : entries) names.push_back(name);
  return names;
}

template <class Map>
auto& find_entry(Map& entries, const std::string& name) {
  auto it = entries.find(name);
  if (it == entries.end()) {
    throw ConfigError(unknown_flag_message(name, "a lookup", names_of(entries)));
  }
  return it->second;
}

}  // namespace

void Config::declare(ConfigOptionSpec spec) {
  std::unique_lock lock(mutex_);
  if (auto it = entries_.find(spec.name); it != entries_.end()) {
    throw ConfigError("flag '" + spec.name + "' declared by '" + spec.provider +
                      "' is already declared by '" + it->second.spec.provider + "'");
  }
  validate_value(spec, spec.default_value, Source::Default);
  const std::string name = spec.name;
  Entry& entry = entries_[name];
  entry.value = spec.default_value;
  entry.spec = std::move(spec);
  auto pending = pending_.find(name);
  if (pending == pending_.end()) return;
  auto [value, source] = pending->second;
  pending_.erase(pending);
  validate_value(entry.spec, value, source);
  entry.value = value;
  entry.source = source;
}

void Config::set(const std::string& name, const std::string& value, Source source) {
  std::unique_lock lock(mutex_);
  Entry& entry = find_entry(entries_, name);
  validate_value(entry.spec, value, source);
  entry.value = value;
  entry.source = source;
}

void Config::check_unknown() const {
  std::shared_lock lock(mutex_);
  if (pending_.empty()) return;
  std::string message;
  for (const auto& [name, value_source] : pending_) {
    // Appended piecewise: GCC 12 at -O3 warns (-Wrestrict, falsely) on
    // `const char* + std::string` here.
    if (!message.empty()) message += '\n';
    message += unknown_flag_message(name, source_label(value_source.second), names_of(entries_));
  }
  throw ConfigError(message);
}

bool Config::has(const std::string& name) const {
  std::shared_lock lock(mutex_);
  return entries_.count(name) != 0;
}

std::string Config::get(const std::string& name) const {
  std::shared_lock lock(mutex_);
  return find_entry(entries_, name).value;
}

bool Config::get_bool(const std::string& name) const {
  std::string text = get(name);
  if (auto value = parse_bool(text)) return *value;
  throw ConfigError("flag '" + name + "' = '" + text + "' is not a boolean");
}

long long Config::get_int(const std::string& name) const {
  std::string text = get(name);
  try {
    validate_int(text);
  } catch (const ConfigError&) {
    throw ConfigError("flag '" + name + "' = '" + text + "' is not an integer");
  }
  return std::stoll(text);
}

double Config::get_double(const std::string& name) const {
  std::string text = get(name);
  std::size_t used = 0;
  double value = 0;
  try {
    value = std::stod(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != text.size()) {
    throw ConfigError("flag '" + name + "' = '" + text + "' is not a number");
  }
  return value;
}

Config::Source Config::source(const std::string& name) const {
  std::shared_lock lock(mutex_);
  return find_entry(entries_, name).source;
}

std::vector<Config::Entry> Config::entries() const {
  std::shared_lock lock(mutex_);
  std::vector<Entry> all;
  for (const auto& [name, entry] : entries_) all.push_back(entry);
  return all;
}

std::string Config::source_name(Source source) {
  switch (source) {
    case Source::Default:
      return "default";
    case Source::Theanorc:
      return "theanorc";
    case Source::Environment:
      return "THEANO_FLAGS";
    case Source::CommandLine:
      return "command line";
    case Source::Api:
      return "api";
  }
  return "?";
}

namespace {

using SavedFlags = std::vector<std::pair<std::string, std::pair<std::string, Config::Source>>>;

/// Puts saved values back, most recent first.
void restore(SavedFlags& saved) noexcept {
  Config& config = Config::global();
  for (; !saved.empty(); saved.pop_back()) {
    const auto& [name, previous] = saved.back();
    try {
      config.set(name, previous.first, previous.second);
    } catch (...) {
      // The value was valid when saved; there is nothing better to do here.
    }
  }
}

}  // namespace

ScopedFlags::ScopedFlags(const std::map<std::string, std::string>& flags) {
  Config& config = Config::global();
  try {
    for (const auto& [name, value] : flags) {
      saved_.push_back({name, {config.get(name), config.source(name)}});
      config.set(name, value, Config::Source::Api);
    }
  } catch (...) {
    restore(saved_);
    throw;
  }
}

ScopedFlags::~ScopedFlags() {
  restore(saved_);
}

DType floatX() {
  return parse_dtype(Config::global().get("floatX"));
}

}  // namespace theano
