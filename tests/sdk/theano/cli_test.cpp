// Runs the `theano` binary and checks what each subcommand prints, in text
// and as JSON. Plugins come from a temporary folder on THEANO_PLUGIN_PATH.
#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "theano/plugin_api/fingerprint.h"

namespace {

namespace fs = std::filesystem;

struct CliRun {
  int status = -1;
  std::string out;
  std::string err;
};

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "theano-cli-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    fs::create_directory(dir_ / "plugins");
    for (const char* stem : {"good_base", "good_dependent", "abi_major"}) {
      std::string file = std::string("lib") + stem + ".so";
      fs::copy_file(fs::path(THEANO_TEST_PLUGIN_BUILD_DIR) / file, dir_ / "plugins" / file);
    }
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  /// Runs `theano ARGS` with a clean environment plus `env` assignments.
  CliRun theano(const std::string& args, const std::string& env = "") {
    fs::path out = dir_ / "stdout", err = dir_ / "stderr";
    std::string command = "env -u THEANO_FLAGS THEANORC=" + (dir_ / "no-theanorc").string() +
                          " THEANO_PLUGIN_PATH=" + (dir_ / "plugins").string() + " " + env + " " +
                          THEANO_CLI_PATH + " " + args + " >" + out.string() + " 2>" + err.string();
    CliRun run;
    int raw = std::system(command.c_str());
    run.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    run.out = slurp(out);
    run.err = slurp(err);
    return run;
  }
  static std::string slurp(const fs::path& file) {
    std::stringstream text;
    text << std::ifstream(file).rdbuf();
    return text.str();
  }
  static nlohmann::json find(const nlohmann::json& list, const std::string& key,
                             const std::string& value) {
    for (const auto& item : list) {
      if (item.at(key) == value) return item;
    }
    return nullptr;
  }

  fs::path dir_;
};

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST_F(CliTest, VersionPrintsVersionAbiAndFingerprint) {
  CliRun run = theano("version");
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_TRUE(has(run.out, "theano++ 0.")) << run.out;
  EXPECT_TRUE(has(run.out, "plugin ABI 1.0\n")) << run.out;
  EXPECT_TRUE(has(run.out, std::string("fingerprint ") + THEANO_BUILD_FINGERPRINT)) << run.out;
  CliRun json = theano("version --json");
  auto j = nlohmann::json::parse(json.out);
  EXPECT_EQ(j.at("abi"), "1.0");
  EXPECT_EQ(j.at("fingerprint"), THEANO_BUILD_FINGERPRINT);
}

TEST_F(CliTest, PluginsListsLoadedAndRefusedWithReasons) {
  CliRun run = theano("plugins");
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_TRUE(has(run.out, "NAME")) << run.out;
  EXPECT_TRUE(has(run.out, "theano.core")) << run.out;
  EXPECT_TRUE(has(run.out, "test.good_base")) << run.out;
  EXPECT_TRUE(has(run.out, "refused: '" + (dir_ / "plugins" / "libabi_major.so").string()))
      << run.out;
  EXPECT_TRUE(has(run.out, "ABI major version mismatch")) << run.out;
  CliRun json = theano("plugins --json");
  ASSERT_EQ(json.status, 0) << json.err;
  auto list = nlohmann::json::parse(json.out);
  auto base = find(list, "name", "test.good_base");
  ASSERT_FALSE(base.is_null()) << json.out;
  EXPECT_EQ(base.at("status"), "loaded");
  EXPECT_EQ(base.at("version"), "1.2.0");
  EXPECT_EQ(base.at("abi"), "1.0");
  EXPECT_EQ(base.at("op_count"), 2);
  EXPECT_EQ(base.at("path"), (dir_ / "plugins" / "libgood_base.so").string());
  auto bad = find(list, "name", "test.abi_major");
  ASSERT_FALSE(bad.is_null());
  EXPECT_EQ(bad.at("status"), "refused");
  EXPECT_TRUE(has(bad.at("reason").get<std::string>(), "plugin built for ABI 2.0"));
}

TEST_F(CliTest, OpsOfOnePluginWithDocAndProvider) {
  CliRun run = theano("ops --plugin test.good_base");
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_TRUE(has(run.out, "GoodIdentity")) << run.out;
  EXPECT_TRUE(has(run.out, "returns its input unchanged")) << run.out;
  EXPECT_FALSE(has(run.out, "GoodDependentOp")) << run.out;
  CliRun all = theano("ops --json");
  auto list = nlohmann::json::parse(all.out);
  auto dep = find(list, "name", "GoodDependentOp");
  ASSERT_FALSE(dep.is_null()) << all.out;
  EXPECT_EQ(dep.at("provider"), "test.good_dependent");
  EXPECT_EQ(dep.at("doc"), "an op that needs test.good_base");
  CliRun unknown = theano("ops --plugin test.nope");
  EXPECT_EQ(unknown.status, 1);
  EXPECT_TRUE(has(unknown.err, "no plugin named 'test.nope'")) << unknown.err;
}

TEST_F(CliTest, ConfigShowsValueAndSource) {
  CliRun run = theano("--flag floatX=float64 config", "THEANO_FLAGS=mode=NO_OPT");
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_TRUE(has(run.out, "FLAG")) << run.out;
  CliRun json = theano("--flag floatX=float64 config --json", "THEANO_FLAGS=mode=NO_OPT");
  auto list = nlohmann::json::parse(json.out);
  auto floatx = find(list, "name", "floatX");
  EXPECT_EQ(floatx.at("value"), "float64");
  EXPECT_EQ(floatx.at("source"), "command line");
  auto mode = find(list, "name", "mode");
  EXPECT_EQ(mode.at("value"), "NO_OPT");
  EXPECT_EQ(mode.at("source"), "THEANO_FLAGS");
  auto gc = find(list, "name", "allow_gc");
  EXPECT_EQ(gc.at("source"), "default");
  auto level = find(list, "name", "good_base.level");  // a plugin's flag
  ASSERT_FALSE(level.is_null());
  EXPECT_EQ(level.at("provider"), "test.good_base");
  CliRun one = theano("config floatX --flag floatX=float16");
  EXPECT_TRUE(has(one.out, "float16")) << one.out;
  EXPECT_FALSE(has(one.out, "allow_gc")) << one.out;
}

TEST_F(CliTest, ShutdownFunctionsRunAtExitInReverseDependencyOrder) {
  fs::path log = dir_ / "shutdown.log";
  CliRun run = theano("plugins", "THEANO_TEST_SHUTDOWN_LOG=" + log.string());
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(slurp(log), "test.good_dependent\ntest.good_base\n");
}

TEST_F(CliTest, UnknownFlagFailsWithSuggestion) {
  CliRun run = theano("--flag flaotX=float64 config");
  EXPECT_EQ(run.status, 1);
  EXPECT_TRUE(has(run.err, "did you mean 'floatX'?")) << run.err;
  CliRun bad = theano("--flag floatX=float128 config");
  EXPECT_EQ(bad.status, 1);
  EXPECT_TRUE(has(bad.err, "expected one of: float32, float64, float16")) << bad.err;
}

TEST_F(CliTest, HelpForEveryCommandAndUsageErrors) {
  for (const char* command : {"version", "plugins", "ops", "config"}) {
    CliRun run = theano(std::string(command) + " --help");
    EXPECT_EQ(run.status, 0) << command;
    EXPECT_TRUE(has(run.out, std::string("usage: theano [--flag name=value]... ") + command))
        << run.out;
  }
  CliRun top = theano("--help");
  EXPECT_EQ(top.status, 0);
  EXPECT_TRUE(has(top.out, "plugins")) << top.out;
  EXPECT_EQ(theano("frobnicate").status, 2);
  EXPECT_EQ(theano("").status, 2);
  EXPECT_EQ(theano("ops --bogus").status, 2);
  EXPECT_EQ(theano("--flag novalue config").status, 2);
}

}  // namespace
