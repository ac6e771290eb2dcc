// Flag sources and their precedence: defaults < theanorc < THEANO_FLAGS <
// command line, each value remembering where it came from.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <functional>

#include "theano/core/config.h"
#include "theano/core/errors.h"

namespace theano {
namespace {

/// Points THEANORC at a temporary file and clears THEANO_FLAGS; restores both.
class ConfigSourcesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    rc_ = std::filesystem::temp_directory_path() /
          ("theanorc-test-" + std::to_string(::getpid()) + "-" +
           ::testing::UnitTest::GetInstance()->current_test_info()->name());
    setenv("THEANORC", rc_.c_str(), 1);
    unsetenv("THEANO_FLAGS");
  }
  void TearDown() override {
    unsetenv("THEANORC");
    unsetenv("THEANO_FLAGS");
    std::filesystem::remove(rc_);
  }
  void write_rc(const std::string& text) { std::ofstream(rc_) << text; }
  std::string error_of(const std::function<void()>& fn) {
    try {
      fn();
    } catch (const ConfigError& e) {
      return e.what();
    }
    return "<no ConfigError>";
  }

  std::filesystem::path rc_;
};

TEST_F(ConfigSourcesTest, DefaultsWhenNoSourceSaysAnything) {
  Config config;
  config.load_sources();
  EXPECT_EQ(config.get("floatX"), "float32");
  EXPECT_EQ(config.get("mode"), "FAST_RUN");
  EXPECT_EQ(config.get("linker"), "vm");
  EXPECT_TRUE(config.get_bool("allow_gc"));
  EXPECT_EQ(config.get_int("traceback.limit"), 8);
  EXPECT_EQ(config.source("floatX"), Config::Source::Default);
}

TEST_F(ConfigSourcesTest, EachSourceOverridesTheOnesBelowIt) {
  write_rc(
      "[global]\n"
      "floatX = float64\n"
      "mode = FAST_COMPILE\n"
      "linker = perform\n"
      "profile = True\n"
      "[traceback]\n"
      "limit = 3\n");
  setenv("THEANO_FLAGS", "mode=NO_OPT, linker=vm,traceback.limit=4", 1);
  Config config;
  config.load_sources({"--linker=perform", "--traceback.limit=5"});
  EXPECT_EQ(config.get("floatX"), "float64");  // theanorc only
  EXPECT_EQ(config.source("floatX"), Config::Source::Theanorc);
  EXPECT_TRUE(config.get_bool("profile"));
  EXPECT_EQ(config.get("mode"), "NO_OPT");  // THEANO_FLAGS beats theanorc
  EXPECT_EQ(config.source("mode"), Config::Source::Environment);
  EXPECT_EQ(config.get("linker"), "perform");  // command line beats both
  EXPECT_EQ(config.source("linker"), Config::Source::CommandLine);
  EXPECT_EQ(config.get_int("traceback.limit"), 5);
  EXPECT_EQ(config.source("allow_gc"), Config::Source::Default);
}

TEST_F(ConfigSourcesTest, DottedFlagsLiveInTheirIniSection) {
  write_rc("[plugins]\npath = /opt/a:/opt/b\nexclude = theano.ops.blas\n");
  Config config;
  config.load_sources();
  EXPECT_EQ(config.get("plugins.path"), "/opt/a:/opt/b");
  EXPECT_EQ(config.get("plugins.exclude"), "theano.ops.blas");
}

TEST_F(ConfigSourcesTest, UnknownFlagSuggestsTheClosestName) {
  setenv("THEANO_FLAGS", "flaotX=float32", 1);
  Config config;
  config.load_sources();  // kept pending: a plugin might declare it
  std::string message = error_of([&] { config.check_unknown(); });
  EXPECT_NE(message.find("unknown flag 'flaotX' (from THEANO_FLAGS); did you mean 'floatX'?"),
            std::string::npos)
      << message;
}

TEST_F(ConfigSourcesTest, UnknownFlagFarFromAnyNamePointsAtTheList) {
  Config config;
  config.load_sources({"--zzzzzzzzzzzz=1"});
  std::string message = error_of([&] { config.check_unknown(); });
  EXPECT_NE(message.find("unknown flag 'zzzzzzzzzzzz' (from the command line)"), std::string::npos);
  EXPECT_NE(message.find("theano config"), std::string::npos) << message;
}

TEST_F(ConfigSourcesTest, UnknownFlagInTheanorcSectionIsReportedDotted) {
  write_rc("[optimiser]\nverbose = True\n");
  Config config;
  config.load_sources();
  std::string message = error_of([&] { config.check_unknown(); });
  EXPECT_NE(message.find("unknown flag 'optimiser.verbose' (from theanorc)"), std::string::npos)
      << message;
}

TEST_F(ConfigSourcesTest, BadChoiceNamesFlagValueSourceAndChoices) {
  setenv("THEANO_FLAGS", "floatX=float128", 1);
  Config config;
  std::string message = error_of([&] { config.load_sources(); });
  EXPECT_NE(message.find("flag 'floatX' = 'float128' (from THEANO_FLAGS) is not an allowed value; "
                         "expected one of: float32, float64, float16"),
            std::string::npos)
      << message;
}

TEST_F(ConfigSourcesTest, MalformedInputsAreConfigErrors) {
  setenv("THEANO_FLAGS", "floatX", 1);
  EXPECT_NE(error_of([] { Config().load_sources(); }).find("not of the form name=value"),
            std::string::npos);
  unsetenv("THEANO_FLAGS");
  EXPECT_NE(error_of([] { Config().load_sources({"stray"}); }).find("unexpected argument 'stray'"),
            std::string::npos);
  write_rc("this line is not ini\n");
  EXPECT_NE(error_of([] { Config().load_sources(); }).find(std::string("theanorc file")),
            std::string::npos);
}

TEST_F(ConfigSourcesTest, AbbreviatedCommandLineFlagsAreNotGuessed) {
  Config config;
  config.load_sources({"--float=float64"});
  EXPECT_EQ(config.get("floatX"), "float32");
  EXPECT_THROW(config.check_unknown(), ConfigError);
}

TEST_F(ConfigSourcesTest, MissingTheanorcIsNotAnError) {
  Config config;
  EXPECT_NO_THROW(config.load_sources());
  EXPECT_NO_THROW(config.check_unknown());
}

}  // namespace
}  // namespace theano
