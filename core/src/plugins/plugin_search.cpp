// Where plugins are looked for: the folder shipped next to the core library,
// then THEANO_PLUGIN_PATH, then the plugins.path flag; plugins.exclude skips.
#include <boost/dll/runtime_symbol_info.hpp>
#include <cstdlib>
#include <string_view>

#include "theano/core/config.h"
#include "theano/core/plugin_host.h"

namespace theano {
namespace {

/// Splits `text` on any of `separators`, trimming spaces and dropping empty items.
std::vector<std::string> split_list(const std::string& text, std::string_view separators) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find_first_of(separators, start);
    if (end == std::string::npos) end = text.size();
    std::string item = text.substr(start, end - start);
    item.erase(0, item.find_first_not_of(' '));
    item.erase(item.find_last_not_of(' ') + 1);
    if (!item.empty()) items.push_back(item);
    start = end + 1;
  }
  return items;
}

}  // namespace

std::filesystem::path builtin_plugin_folder() {
  return boost::dll::this_line_location().parent_path() / "theano-plugins";
}

PluginSearch default_plugin_search() {
  PluginSearch search;
  search.folders.push_back(builtin_plugin_folder());
  if (const char* env = std::getenv("THEANO_PLUGIN_PATH")) {
    for (const std::string& folder : split_list(env, ":")) search.folders.emplace_back(folder);
  }
  const Config& config = Config::global();
  for (const std::string& folder : split_list(config.get("plugins.path"), ":")) {
    search.folders.emplace_back(folder);
  }
  search.exclude = split_list(config.get("plugins.exclude"), ":, ");
  return search;
}

}  // namespace theano
