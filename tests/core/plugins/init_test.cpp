// theano::initialize end to end on the process-wide objects: statics and the
// search path load, plugin flags join the configuration with values given
// before they were declared, the registry ends frozen, and a second call
// does nothing. (The only test of this binary touching the globals' plugins.)
#include <gtest/gtest.h>
#include <stdlib.h>

#include "plugin_fixture.h"
#include "static_plugin.h"
#include "theano/core/config.h"
#include "theano/core/init.h"

namespace theano::test {
namespace {

TEST_F(PluginFolderTest, InitializeLoadsEverythingOnceAndDeclaresPluginFlags) {
  add("good_base");
  setenv("THEANO_PLUGIN_PATH", folder_.c_str(), 1);
  setenv("THEANO_FLAGS", "good_base.level=2", 1);
  InitOptions options;
  options.static_plugins = {static_test_plugin()};
  options.command_line = {"--profile=True"};
  initialize(options);
  unsetenv("THEANO_PLUGIN_PATH");
  unsetenv("THEANO_FLAGS");

  ASSERT_TRUE(initialized());
  Registry& registry = Registry::global();
  EXPECT_TRUE(registry.frozen());
  EXPECT_EQ(registry.find_op("StaticOp")->provider, "test.static");
  EXPECT_EQ(registry.find_op("GoodIdentity")->provider, "test.good_base");
  Config& config = Config::global();
  EXPECT_EQ(config.get("good_base.level"), "2");
  EXPECT_EQ(config.source("good_base.level"), Config::Source::Environment);
  EXPECT_TRUE(config.get_bool("profile"));
  config.set("profile", "False");

  bool core_listed = false;
  for (const PluginRecord& r : PluginHost::global().records()) {
    core_listed =
        core_listed || (r.name == "theano.core" && r.status == PluginRecord::Status::Loaded);
  }
  EXPECT_TRUE(core_listed);
  std::size_t records = PluginHost::global().records().size();
  initialize(options);  // once only
  EXPECT_EQ(PluginHost::global().records().size(), records);
}

}  // namespace
}  // namespace theano::test
