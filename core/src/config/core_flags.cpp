// The core's flags: one table, each flag with its default, allowed values
// and a one-line doc. floatX defaults to float32 so float64 never creeps in
// unasked (a known Theano pain); warn_float64 makes any that does visible.
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <string_view>

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

bool all_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c));
  });
}

void validate_device(const std::string& text) {
  std::string_view rest = text;
  bool ok = text == "cpu" || text == "cuda" ||
            (rest.starts_with("cuda:") && all_digits(rest.substr(5))) ||
            (rest.starts_with("cuda") && all_digits(rest.substr(4)));
  if (!ok) throw ConfigError("expected cpu, cuda, cudaN or cuda:N");
}

/// Colon-separated optimizer tags, each made of letters, digits, '_' or '.'.
void validate_tags(const std::string& text) {
  if (text.empty()) return;
  std::size_t start = 0;
  while (true) {
    std::size_t end = std::min(text.find(':', start), text.size());
    std::string_view tag = std::string_view(text).substr(start, end - start);
    bool ok = !tag.empty() && std::all_of(tag.begin(), tag.end(), [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.';
    });
    if (!ok) throw ConfigError("expected colon-separated tags such as 'fusion:inplace'");
    if (end == text.size()) return;
    start = end + 1;
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
      flag("inplace_shared_updates", "checked",
           "whether in-place ops may write a shared variable's update into its storage: "
           "checked (only ops that validate their inputs first, run last, so a failing call "
           "changes nothing), always (any in-place op; a call failing part-way may leave the "
           "variable changed; also True), never (always copy; also False)",
           {"checked", "always", "never", "True", "False"}),
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
