// Configuration flags. Sources, later wins: defaults < ~/.theanorc (INI) <
// THEANO_FLAGS ("a=b,c.d=e") < the host's command line < API overrides.
#pragma once

#include <map>
#include <optional>
#include <shared_mutex>
#include <string>
#include <vector>

#include "theano/plugin_api/registrar.h"

namespace theano {

class Config {
 public:
  enum class Source { Default, Theanorc, Environment, CommandLine, Api };
  struct Entry {
    ConfigOptionSpec spec;
    std::string value;
    Source source = Source::Default;
  };

  /// The process-wide configuration, with the core's flags declared.
  static Config& global();
  Config();

  /// Declares a flag (plugins do it through their Registrar). Throws
  /// ConfigError if the name exists. Pending values given before the
  /// declaration (from theanorc / env / command line) are applied now.
  void declare(ConfigOptionSpec spec);
  /// Applies ~/.theanorc (or $THEANORC), THEANO_FLAGS and `argv`-style
  /// "--name=value" arguments. Unknown flags are kept pending until
  /// check_unknown() reports them.
  void load_sources(const std::vector<std::string>& command_line = {});
  /// Throws ConfigError for a flag no one declared, suggesting the closest name.
  void check_unknown() const;

  bool has(const std::string& name) const;
  std::string get(const std::string& name) const;
  bool get_bool(const std::string& name) const;
  long long get_int(const std::string& name) const;
  double get_double(const std::string& name) const;
  Source source(const std::string& name) const;
  /// Validates and sets; throws ConfigError naming the flag and the problem.
  void set(const std::string& name, const std::string& value, Source source = Source::Api);
  /// Every flag, sorted by name.
  std::vector<Entry> entries() const;
  static std::string source_name(Source source);

 private:
  mutable std::shared_mutex mutex_;
  std::map<std::string, Entry> entries_;
  std::map<std::string, std::pair<std::string, Source>> pending_;
};

/// Sets flags for the lifetime of the object, restoring them after.
class ScopedFlags {
 public:
  explicit ScopedFlags(const std::map<std::string, std::string>& flags);
  ~ScopedFlags();
  ScopedFlags(const ScopedFlags&) = delete;
  ScopedFlags& operator=(const ScopedFlags&) = delete;

 private:
  std::vector<std::pair<std::string, std::pair<std::string, Config::Source>>> saved_;
};

/// The floatX flag as a DType.
DType floatX();

}  // namespace theano
