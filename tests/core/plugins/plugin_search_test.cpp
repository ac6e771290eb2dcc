// The default search path: built-in folder, THEANO_PLUGIN_PATH, then the
// plugins.path flag; plugins.exclude from its flag.
#include <gtest/gtest.h>
#include <stdlib.h>

#include "theano/core/config.h"
#include "theano/core/plugin_host.h"

namespace theano {
namespace {

TEST(PluginSearch, BuiltinFolderIsNextToTheCoreLibrary) {
  std::filesystem::path folder = builtin_plugin_folder();
  EXPECT_EQ(folder.filename(), "theano-plugins");
  EXPECT_TRUE(std::filesystem::exists(folder.parent_path() / "libtheano_core.so"))
      << folder.parent_path();
}

TEST(PluginSearch, OrderIsBuiltinThenEnvironmentThenFlag) {
  ASSERT_EQ(setenv("THEANO_PLUGIN_PATH", "/env/one::/env/two", 1), 0);
  ScopedFlags flags({{"plugins.path", "/flag/one:/flag/two"},
                     {"plugins.exclude", "theano.ops.blas:libtheano_nnet"}});
  PluginSearch search = default_plugin_search();
  unsetenv("THEANO_PLUGIN_PATH");
  ASSERT_EQ(search.folders.size(), 5u);
  EXPECT_EQ(search.folders[0], builtin_plugin_folder());
  EXPECT_EQ(search.folders[1], "/env/one");
  EXPECT_EQ(search.folders[2], "/env/two");
  EXPECT_EQ(search.folders[3], "/flag/one");
  EXPECT_EQ(search.folders[4], "/flag/two");
  EXPECT_EQ(search.exclude, (std::vector<std::string>{"theano.ops.blas", "libtheano_nnet"}));
}

TEST(PluginSearch, WithoutEnvironmentOrFlagsOnlyTheBuiltinFolder) {
  unsetenv("THEANO_PLUGIN_PATH");
  PluginSearch search = default_plugin_search();
  ASSERT_EQ(search.folders.size(), 1u);
  EXPECT_TRUE(search.exclude.empty());
}

}  // namespace
}  // namespace theano
