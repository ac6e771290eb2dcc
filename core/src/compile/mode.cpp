// Predefined modes and the flags that shape them.
#include "theano/core/mode.h"

#include <sstream>

#include "theano/core/config.h"

namespace theano {

namespace {

std::vector<std::string> split_tags(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream ss(text);
  std::string item;
  while (std::getline(ss, item, ':'))
    if (!item.empty()) out.push_back(item);
  return out;
}

void append(std::vector<std::string>& to, std::vector<std::string> more) {
  to.insert(to.end(), more.begin(), more.end());
}

}  // namespace

Mode Mode::named(const std::string& name) {
  static const char* known[] = {"FAST_RUN", "FAST_COMPILE", "NO_OPT", "DebugMode", "NanGuardMode"};
  bool ok = false;
  for (const char* k : known) ok = ok || name == k;
  if (!ok) {
    throw ConfigError("unknown mode '" + name +
                      "' (valid: FAST_RUN, FAST_COMPILE, NO_OPT, DebugMode, NanGuardMode)");
  }
  Mode m;
  m.name = name;
  const Config& cfg = Config::global();
  append(m.including, split_tags(cfg.get("optimizer_including")));
  append(m.excluding, split_tags(cfg.get("optimizer_excluding")));
  append(m.requiring, split_tags(cfg.get("optimizer_requiring")));
  m.linker = cfg.get("linker");
  m.verbose = cfg.get_bool("optimizer_verbose");
  return m;
}

Mode Mode::from_config() {
  const Config& cfg = Config::global();
  Mode m = named(cfg.get("mode"));
  if (cfg.source("optimizer") != Config::Source::Default) m.optimizer = cfg.get("optimizer");
  return m;
}

std::string Mode::effective_optimizer() const {
  if (!optimizer.empty()) return optimizer;
  if (name == "FAST_COMPILE") return "fast_compile";
  if (name == "NO_OPT") return "None";
  return "fast_run";
}

Mode Mode::with_including(std::vector<std::string> tags) const {
  Mode m = *this;
  append(m.including, std::move(tags));
  return m;
}

Mode Mode::with_excluding(std::vector<std::string> tags) const {
  Mode m = *this;
  append(m.excluding, std::move(tags));
  return m;
}

Mode Mode::with_requiring(std::vector<std::string> tags) const {
  Mode m = *this;
  append(m.requiring, std::move(tags));
  return m;
}

}  // namespace theano
