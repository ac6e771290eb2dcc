// Test fixture for the plugin host: a private temporary plugin folder filled
// with copies of chosen test plugins, and a fresh Registry + PluginHost.
#pragma once

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "theano/core/plugin_host.h"
#include "theano/core/registry.h"

namespace theano::test {

class PluginFolderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "theano-plugins-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    folder_ = pattern;
  }
  void TearDown() override {
    std::error_code ec;
    std::filesystem::remove_all(folder_, ec);
  }

  /// Copies lib<stem>.so from the build into the folder (as `as`, if given).
  std::filesystem::path add(const std::string& stem, const std::string& as = {}) {
    std::filesystem::path from =
        std::filesystem::path(THEANO_TEST_PLUGIN_BUILD_DIR) / ("lib" + stem + ".so");
    std::filesystem::path to = folder_ / (as.empty() ? "lib" + stem + ".so" : as);
    std::filesystem::copy_file(from, to, std::filesystem::copy_options::overwrite_existing);
    return to;
  }
  /// Writes a file of garbage named `name`.
  std::filesystem::path add_garbage(const std::string& name) {
    std::filesystem::path to = folder_ / name;
    std::ofstream(to) << "this is not an ELF file, just text pretending to be a plugin\n";
    return to;
  }

  /// Loads the folder (plus statics) into the fixture's registry.
  void load(std::vector<std::string> exclude = {}) {
    PluginSearch search;
    search.folders.push_back(folder_);
    search.exclude = std::move(exclude);
    host_.load(search, registry_);
  }

  /// The record of the plugin called `name` (or whose file name is `name`).
  const PluginRecord& record(const std::string& name) const {
    for (const PluginRecord& r : host_.records()) {
      if (r.name == name || std::filesystem::path(r.path).filename() == name) return r;
    }
    throw std::runtime_error("no plugin record for " + name);
  }
  bool loaded(const std::string& name) const {
    return record(name).status == PluginRecord::Status::Loaded;
  }

  std::filesystem::path folder_;
  Registry registry_;
  PluginHost host_;
};

/// Checks that `text` contains every one of `parts`.
inline ::testing::AssertionResult contains_all(const std::string& text,
                                               const std::vector<std::string>& parts) {
  for (const std::string& p : parts) {
    if (text.find(p) == std::string::npos) {
      return ::testing::AssertionFailure() << "'" << p << "' not found in: " << text;
    }
  }
  return ::testing::AssertionSuccess();
}

}  // namespace theano::test
