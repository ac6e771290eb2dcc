// Good plugins: loading in dependency order, statics, lookups, kernel
// priority order, exclusion, duplicates by file, shutdown order and freezing.
#include <fstream>
#include <sstream>

#include "plugin_fixture.h"
#include "static_plugin.h"
#include "theano/core/errors.h"

namespace theano::test {
namespace {

using Status = PluginRecord::Status;

TEST_F(PluginFolderTest, DependentLoadsAfterItsDependencyWhateverTheFileOrder) {
  // "aaa" sorts before "zzz": the dependent's file is found first.
  add("good_dependent", "libaaa_dependent.so");
  add("good_base", "libzzz_base.so");
  load();
  ASSERT_TRUE(loaded("test.good_base")) << record("test.good_base").reason;
  // Its register function throws unless the base registered first.
  ASSERT_TRUE(loaded("test.good_dependent")) << record("test.good_dependent").reason;
  EXPECT_EQ(record("test.good_base").op_count, 2);
  EXPECT_EQ(record("test.good_dependent").op_count, 1);
  EXPECT_EQ(record("test.good_base").version, "1.2.0");
  EXPECT_EQ(record("test.good_base").abi, "1.0");
  EXPECT_EQ(record("test.good_base").path, (folder_ / "libzzz_base.so").string());
  EXPECT_TRUE(registry_.frozen());
}

TEST_F(PluginFolderTest, RegisteredEntriesAreFoundWithTheirProvider) {
  add("good_base");
  add("good_dependent");
  load();
  const OpSchema* op = registry_.find_op("GoodDependentOp");
  ASSERT_NE(op, nullptr);
  EXPECT_EQ(op->provider, "test.good_dependent");
  EXPECT_EQ(op->doc, "an op that needs test.good_base");
  OpPtr built = registry_.make_op("GoodIdentity");
  EXPECT_EQ(built->name(), "GoodIdentity");
  EXPECT_EQ(*registry_.service<int>("good_base.answer"), 42);
  ASSERT_EQ(registry_.config_options().size(), 1u);
  EXPECT_EQ(registry_.config_options()[0].provider, "test.good_base");
  ASSERT_EQ(registry_.rewrites().size(), 1u);
  EXPECT_EQ(registry_.rewrites()[0].phase, "canonicalize");
}

TEST_F(PluginFolderTest, KernelsComeHighestPriorityFirstAcrossPlugins) {
  add("good_base");
  add("good_dependent");
  load();
  std::vector<const KernelSpec*> kernels = registry_.kernels("GoodIdentity", "cpu");
  ASSERT_EQ(kernels.size(), 3u);
  EXPECT_EQ(kernels[0]->name, "good_identity_fast");
  EXPECT_EQ(kernels[0]->priority, 10);
  EXPECT_EQ(kernels[1]->name, "good_identity_from_dependent");
  EXPECT_EQ(kernels[1]->provider, "test.good_dependent");
  EXPECT_EQ(kernels[2]->name, "good_identity_slow");
  EXPECT_TRUE(registry_.kernels("GoodIdentity", "cuda").empty());
}

TEST_F(PluginFolderTest, StaticPluginLoadsBesideFilePlugins) {
  host_.add_static(static_test_plugin());
  add("good_base");
  load();
  ASSERT_TRUE(loaded("test.static")) << record("test.static").reason;
  EXPECT_EQ(record("test.static").path, "<static>");
  EXPECT_EQ(record("test.static").version, "2.0.0");
  EXPECT_EQ(registry_.find_op("StaticOp")->provider, "test.static");
  EXPECT_TRUE(loaded("test.good_base"));
}

TEST_F(PluginFolderTest, OptionalDependencyMayBeAbsent) {
  add("optional_dep");
  load();
  EXPECT_TRUE(loaded("test.optional_dep")) << record("test.optional_dep").reason;
}

TEST_F(PluginFolderTest, ExcludeByDottedNameOrFileStem) {
  add("good_base");
  add("optional_dep");
  add("good_dependent");
  load({"test.good_base", "liboptional_dep"});
  EXPECT_EQ(record("test.good_base").status, Status::Excluded);
  EXPECT_EQ(record("liboptional_dep.so").status, Status::Excluded);
  // The dependent of an excluded plugin cannot load, and says why.
  const PluginRecord& dependent = record("test.good_dependent");
  EXPECT_EQ(dependent.status, Status::Refused);
  EXPECT_TRUE(
      contains_all(dependent.reason, {"libgood_dependent.so", "test.good_base", "excluded"}));
  EXPECT_EQ(registry_.find_op("GoodIdentity"), nullptr);
}

TEST_F(PluginFolderTest, SamePluginNameInTwoFilesKeepsTheFirst) {
  std::filesystem::path first = add("good_base", "liba_base.so");
  std::filesystem::path second = add("good_base", "libb_base.so");
  load();
  EXPECT_EQ(record("liba_base.so").status, Status::Loaded);
  const PluginRecord& dup = record("libb_base.so");
  EXPECT_EQ(dup.status, Status::Refused);
  EXPECT_TRUE(contains_all(dup.reason, {second.string(), first.string(), "test.good_base"}));
}

TEST_F(PluginFolderTest, ShutdownRunsInReverseLoadOrderOnce) {
  std::filesystem::path log = folder_ / "shutdown.log";
  ASSERT_EQ(setenv("THEANO_TEST_SHUTDOWN_LOG", log.c_str(), 1), 0);
  add("good_base");
  add("good_dependent");
  load();
  host_.shutdown();
  host_.shutdown();  // a second call runs nothing
  unsetenv("THEANO_TEST_SHUTDOWN_LOG");
  std::stringstream text;
  text << std::ifstream(log).rdbuf();
  EXPECT_EQ(text.str(), "test.good_dependent\ntest.good_base\n");
}

TEST_F(PluginFolderTest, FrozenRegistryRefusesMutationAndSecondLoad) {
  add("good_base");
  load();
  EXPECT_THROW(registry_.register_plugin("late", [](Registrar&) {}), PluginError);
  EXPECT_THROW(registry_.remove_plugin("test.good_base"), PluginError);
  EXPECT_THROW(load(), PluginError);
  EXPECT_NE(registry_.find_op("GoodIdentity"), nullptr);
}

TEST_F(PluginFolderTest, MissingFolderLoadsNothingAndDoesNotThrow) {
  PluginSearch search;
  search.folders.push_back(folder_ / "does-not-exist");
  EXPECT_NO_THROW(host_.load(search, registry_));
  EXPECT_TRUE(host_.records().empty());
  EXPECT_TRUE(registry_.frozen());
}

}  // namespace
}  // namespace theano::test
