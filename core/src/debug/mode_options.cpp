// Reading a debugging mode's options from the Mode, then the flags.
#include "mode_options.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "theano/core/config.h"

namespace theano::debug {

std::string flag_or(const std::string& name, const std::string& fallback) {
  const Config& cfg = Config::global();
  return cfg.has(name) ? cfg.get(name) : fallback;
}

bool parse_bool(const std::string& text, const std::string& what) {
  std::string t = text;
  std::transform(t.begin(), t.end(), t.begin(), [](unsigned char c) { return std::tolower(c); });
  if (t == "true" || t == "1" || t == "yes" || t == "on") return true;
  if (t == "false" || t == "0" || t == "no" || t == "off") return false;
  throw ConfigError(what + ": expected True or False, got '" + text + "'");
}

std::string mode_option(const Mode& mode, const std::string& prefix, const std::string& name,
                        const std::string& fallback) {
  auto it = mode.options.find(name);
  if (it != mode.options.end()) return it->second;
  return flag_or(prefix + "." + name, fallback);
}

bool mode_bool(const Mode& mode, const std::string& prefix, const std::string& name,
               bool fallback) {
  std::string text = mode_option(mode, prefix, name, fallback ? "True" : "False");
  return parse_bool(text, mode.name + " option " + name);
}

double mode_number(const Mode& mode, const std::string& prefix, const std::string& name,
                   double fallback) {
  std::string text = mode_option(mode, prefix, name, std::to_string(fallback));
  char* end = nullptr;
  double v = std::strtod(text.c_str(), &end);
  if (end == text.c_str() || *end != '\0') {
    throw ConfigError(mode.name + " option " + name + ": expected a number, got '" + text + "'");
  }
  return v;
}

}  // namespace theano::debug
