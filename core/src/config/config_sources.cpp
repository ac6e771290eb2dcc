// Reading flag values from their sources with Boost.Program_options, in
// increasing precedence: theanorc (INI; [global] holds undotted flags,
// [section] holds "section.name"), THEANO_FLAGS ("a=b,c.d=e") and the host's
// command line ("--name=value"). Values for flags not declared yet are kept
// pending (a plugin may declare them later).
#include <boost/program_options.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>

#include "config_detail.h"
#include "theano/core/config.h"
#include "theano/core/errors.h"

namespace theano {
namespace {

namespace po = boost::program_options;
using Assignments = std::vector<std::pair<std::string, std::string>>;

/// The description Program_options parses against; with `ini`, undotted
/// flags live in the [global] section.
po::options_description describe(const std::vector<Config::Entry>& entries, bool ini) {
  po::options_description desc("Theano++ flags");
  for (const Config::Entry& e : entries) {
    bool dotted = e.spec.name.find('.') != std::string::npos;
    std::string key = ini && !dotted ? "global." + e.spec.name : e.spec.name;
    desc.add_options()(key.c_str(), po::value<std::string>(), e.spec.doc.c_str());
  }
  return desc;
}

/// Flag names and values of parsed options, in the order given.
Assignments assignments_of(const po::parsed_options& parsed, const std::string& where) {
  Assignments out;
  for (const po::option& opt : parsed.options) {
    if (opt.position_key != -1) {
      throw ConfigError(where + ": unexpected argument '" + opt.original_tokens.at(0) +
                        "' (flags are given as --name=value)");
    }
    std::string name = opt.string_key;
    if (name.starts_with("global.")) name = name.substr(7);
    if (opt.value.empty()) throw ConfigError(where + ": flag '" + name + "' has no value");
    out.emplace_back(name, opt.value.back());
  }
  return out;
}

std::vector<std::filesystem::path> theanorc_files() {
  std::vector<std::filesystem::path> files;
  if (const char* list = std::getenv("THEANORC")) {
    std::string text = list;
    for (std::size_t start = 0; start <= text.size();) {
      std::size_t end = std::min(text.find(':', start), text.size());
      if (end > start) files.emplace_back(text.substr(start, end - start));
      start = end + 1;
    }
  } else if (const char* home = std::getenv("HOME")) {
    files.push_back(std::filesystem::path(home) / ".theanorc");
  }
  return files;
}

Assignments read_theanorc(const po::options_description& desc) {
  Assignments out;
  for (const std::filesystem::path& file : theanorc_files()) {
    std::ifstream in(file);
    if (!in) continue;  // absent files are simply not used
    const std::string where = "theanorc file '" + file.string() + "'";
    try {
      Assignments found = assignments_of(po::parse_config_file(in, desc, true), where);
      out.insert(out.end(), found.begin(), found.end());
    } catch (const po::error& e) {
      throw ConfigError(where + ": " + e.what());
    }
  }
  return out;
}

Assignments read_theano_flags() {
  Assignments out;
  const char* env = std::getenv("THEANO_FLAGS");
  if (!env) return out;
  std::string text = env;
  for (std::size_t start = 0; start <= text.size();) {
    std::size_t end = std::min(text.find(',', start), text.size());
    std::string item = text.substr(start, end - start);
    item.erase(0, item.find_first_not_of(' '));
    item.erase(item.find_last_not_of(' ') + 1);
    start = end + 1;
    if (item.empty()) continue;
    auto eq = item.find('=');
    if (eq == std::string::npos || eq == 0) {
      throw ConfigError("THEANO_FLAGS item '" + item + "' is not of the form name=value");
    }
    out.emplace_back(item.substr(0, eq), item.substr(eq + 1));
  }
  return out;
}

Assignments read_command_line(const std::vector<std::string>& args,
                              const po::options_description& desc) {
  namespace style = po::command_line_style;
  try {
    return assignments_of(po::command_line_parser(args)
                              .options(desc)
                              .style(style::default_style & ~style::allow_guessing)
                              .allow_unregistered()
                              .run(),
                          "command line");
  } catch (const po::error& e) {
    throw ConfigError(std::string("command line: ") + e.what());
  }
}

}  // namespace

void Config::load_sources(const std::vector<std::string>& command_line) {
  const std::vector<Entry> declared = entries();
  auto apply = [this](const Assignments& assignments, Source source) {
    for (const auto& [name, value] : assignments) {
      if (has(name)) {
        set(name, value, source);
      } else {
        std::unique_lock lock(mutex_);
        pending_[name] = {value, source};
      }
    }
  };
  apply(read_theanorc(describe(declared, true)), Source::Theanorc);
  apply(read_theano_flags(), Source::Environment);
  apply(read_command_line(command_line, describe(declared, false)), Source::CommandLine);
}

}  // namespace theano
