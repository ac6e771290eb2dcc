// Declaring, setting and reading flags; plugin-declared flags; ScopedFlags.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <functional>

#include "theano/core/config.h"
#include "theano/core/errors.h"

namespace theano {
namespace {

std::string error_of(const std::function<void()>& fn) {
  try {
    fn();
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "<no ConfigError>";
}

ConfigOptionSpec blas_threads() {
  return {"blas.threads",
          "1",
          "threads used by BLAS",
          {},
          [](const std::string& v) {
            if (v.empty() || v.find_first_not_of("0123456789") != std::string::npos) {
              throw ConfigError("expected a positive integer");
            }
          },
          "theano.ops.blas"};
}

TEST(ConfigFlags, CoreFlagsAreDeclaredWithTheirDefaults) {
  Config config;
  for (const char* name :
       {"floatX", "mode", "linker", "optimizer", "optimizer_including", "optimizer_excluding",
        "optimizer_requiring", "optimizer_verbose", "allow_gc", "compute_test_value",
        "exception_verbosity", "compiledir", "profile", "device", "plugins.path", "plugins.exclude",
        "traceback.limit", "on_unused_input", "warn_float64"}) {
    EXPECT_TRUE(config.has(name)) << name;
  }
  EXPECT_EQ(config.get("compute_test_value"), "off");
  EXPECT_EQ(config.get("device"), "cpu");
  EXPECT_NE(config.get("compiledir").find("theanopp"), std::string::npos);
  std::vector<Config::Entry> entries = config.entries();
  EXPECT_TRUE(std::is_sorted(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
    return a.spec.name < b.spec.name;
  }));
}

TEST(ConfigFlags, ValuesAreValidated) {
  Config config;
  config.set("allow_gc", "false");
  EXPECT_FALSE(config.get_bool("allow_gc"));
  config.set("allow_gc", "1");
  EXPECT_TRUE(config.get_bool("allow_gc"));
  EXPECT_NE(error_of([&] { config.set("allow_gc", "yes"); }).find("expected a boolean"),
            std::string::npos);
  config.set("device", "cuda:1");
  config.set("device", "cuda0");
  EXPECT_THROW(config.set("device", "tpu"), ConfigError);
  EXPECT_THROW(config.set("device", "cuda:"), ConfigError);
  config.set("optimizer_excluding", "fusion:inplace");
  EXPECT_THROW(config.set("optimizer_excluding", "fusion::inplace"), ConfigError);
  EXPECT_NE(error_of([&] { config.set("traceback.limit", "many"); }).find("expected an integer"),
            std::string::npos);
  EXPECT_EQ(config.get_int("traceback.limit"), 8);  // unchanged by the failed set
  EXPECT_EQ(config.source("device"), Config::Source::Api);
}

TEST(ConfigFlags, UnknownNameInLookupSuggests) {
  Config config;
  EXPECT_NE(error_of([&] { config.get("alow_gc"); }).find("did you mean 'allow_gc'?"),
            std::string::npos);
  EXPECT_THROW(config.set("linkr", "vm"), ConfigError);
}

TEST(ConfigFlags, PluginFlagSetBeforeItIsDeclaredIsAppliedOnDeclaration) {
  unsetenv("THEANO_FLAGS");
  unsetenv("THEANORC");
  Config config;
  config.load_sources({"--blas.threads=4"});
  EXPECT_FALSE(config.has("blas.threads"));
  config.declare(blas_threads());
  EXPECT_EQ(config.get_int("blas.threads"), 4);
  EXPECT_EQ(config.source("blas.threads"), Config::Source::CommandLine);
  EXPECT_NO_THROW(config.check_unknown());
}

TEST(ConfigFlags, PluginFlagWithABadPendingValueIsReportedOnDeclaration) {
  unsetenv("THEANORC");
  setenv("THEANO_FLAGS", "blas.threads=lots", 1);
  Config config;
  config.load_sources();
  unsetenv("THEANO_FLAGS");
  std::string message = error_of([&] { config.declare(blas_threads()); });
  EXPECT_NE(message.find("flag 'blas.threads' = 'lots' (from THEANO_FLAGS) is invalid: expected "
                         "a positive integer"),
            std::string::npos)
      << message;
  EXPECT_EQ(config.get("blas.threads"), "1");  // declared, with its default
}

TEST(ConfigFlags, RedeclaringAFlagNamesBothOwners) {
  Config config;
  ConfigOptionSpec clash{"floatX", "float32", "doc", {}, {}, "acme.plugin"};
  EXPECT_NE(error_of([&] {
              config.declare(clash);
            }).find("flag 'floatX' declared by 'acme.plugin' is already declared by 'theano.core'"),
            std::string::npos);
}

TEST(ConfigFlags, ScopedFlagsRestoreValueAndSource) {
  Config& config = Config::global();
  std::string before = config.get("floatX");
  Config::Source source = config.source("floatX");
  {
    ScopedFlags flags({{"floatX", "float16"}, {"profile", "True"}});
    EXPECT_EQ(config.get("floatX"), "float16");
    EXPECT_EQ(floatX(), DType::Float16);
    EXPECT_TRUE(config.get_bool("profile"));
  }
  EXPECT_EQ(config.get("floatX"), before);
  EXPECT_EQ(config.source("floatX"), source);
  EXPECT_FALSE(config.get_bool("profile"));
}

TEST(ConfigFlags, ScopedFlagsWithABadValueRestoresWhatItAlreadySet) {
  Config& config = Config::global();
  EXPECT_THROW(ScopedFlags({{"allow_gc", "False"}, {"floatX", "float8"}}), ConfigError);
  EXPECT_TRUE(config.get_bool("allow_gc"));
}

TEST(ConfigFlags, SourceNames) {
  EXPECT_EQ(Config::source_name(Config::Source::Default), "default");
  EXPECT_EQ(Config::source_name(Config::Source::Theanorc), "theanorc");
  EXPECT_EQ(Config::source_name(Config::Source::Environment), "THEANO_FLAGS");
  EXPECT_EQ(Config::source_name(Config::Source::CommandLine), "command line");
}

}  // namespace
}  // namespace theano
