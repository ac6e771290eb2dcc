// The core's flags: one table, each flag with its default, allowed values
// and a one-line doc. floatX defaults to float32 so float64 never creeps in
// unasked (a known Theano pain); warn_float64 makes any that does visible.
#include <cstdlib>
#include <regex>

#include "config_detail.h"
#include "theano/core/errors.h"

namespace theano::config_detail {
namespace {

std::string default_compiledir() {
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) {
    return std::string(xdg) + "/theanopp";
  }
  const char* home = std::getenv("HOME");
  return std::string(home && *home ? home : "/tmp") + "/.cache/theanopp";
}

void validate_device(const std::string& text) {
  static const std::regex device(R"(cpu|cuda|cuda[0-9]+|cuda:[0-9]+)");
  if (!std::regex_match(text, device)) {
    throw ConfigError("expected cpu, cuda, cudaN or cuda:N");
  }
}

/// Colon-separated optimizer tags, each made of letters, digits, '_' or '.'.
void validate_tags(const std::string& text) {
  static const std::regex tags(R"(([A-Za-z0-9_.]+(:[A-Za-z0-9_.]+)*)?)");
  if (!std::regex_match(text, tags)) {
    throw ConfigError("expected colon-separated tags such as 'fusion:inplace'");
  }
}

ConfigOptionSpec flag(std::string name, std::string default_value, std::string doc,
                      std::vector<std::string> choices = {},
                      std::function<void(const std::string&)> validate = {}) {
  return ConfigOptionSpec{std::move(name),    std::move(default_value), std::move(doc),
                          std::move(choices), std::move(validate),      "theano.core"};
}

}  // namespace

std::vector<ConfigOptionSpec> core_flags() {
  return {
      flag("floatX", "float32", "default dtype of float variables and constants",
           {"float32", "float64", "float16"}),
      flag("mode", "FAST_RUN", "default compilation mode",
           {"FAST_RUN", "FAST_COMPILE", "NO_OPT", "DebugMode", "NanGuardMode"}),
      flag("linker", "vm", "default linker", {"vm", "perform"}),
      flag("optimizer", "fast_run", "default optimizer query",
           {"fast_run", "fast_compile", "merge", "None"}),
      flag("optimizer_including", "", "extra rewrite tags to include (colon-separated)", {},
           validate_tags),
      flag("optimizer_excluding", "", "rewrite tags to exclude (colon-separated)", {},
           validate_tags),
      flag("optimizer_requiring", "", "rewrite tags every rewrite must have (colon-separated)", {},
           validate_tags),
      flag("optimizer_verbose", "False", "print each rewrite as it is applied", {}, validate_bool),
      flag("allow_gc", "True", "free intermediate results as soon as they are consumed", {},
           validate_bool),
      flag("compute_test_value", "off", "evaluate test values while building graphs",
           {"off", "ignore", "warn", "raise"}),
      flag("exception_verbosity", "low", "how much graph context errors print", {"low", "high"}),
      flag("compiledir", default_compiledir(), "folder of the JIT kernel cache"),
      flag("profile", "False", "profile every compiled function", {}, validate_bool),
      flag("device", "cpu", "default device: cpu, cuda, cudaN or cuda:N", {}, validate_device),
      flag("plugins.path", "",
           "extra plugin folders searched after THEANO_PLUGIN_PATH (':'-separated)"),
      flag("plugins.exclude", "", "plugin names or file stems not to load (':'-separated)"),
      flag("traceback.limit", "8", "frames of the user's stack kept for error reports", {},
           validate_int),
      flag("on_unused_input", "raise", "what function() does with an unused input",
           {"raise", "warn", "ignore"}),
      flag("warn_float64", "ignore", "what to do when a float64 variable is created",
           {"ignore", "warn", "raise"}),
  };
}

}  // namespace theano::config_detail
