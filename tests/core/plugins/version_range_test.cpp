// The version-range grammar of plugin dependencies.
#include <gtest/gtest.h>

#include "theano/core/errors.h"
#include "theano/core/plugin_host.h"

namespace theano {
namespace {

TEST(VersionSatisfies, ComparisonsAndConjunctions) {
  EXPECT_TRUE(version_satisfies("1.2.3", ">=0.1, <2"));
  EXPECT_FALSE(version_satisfies("2.0.0", ">=0.1, <2"));
  EXPECT_TRUE(version_satisfies("0.1.0", ">=0.1, <2"));
  EXPECT_FALSE(version_satisfies("0.0.9", ">=0.1, <2"));
  EXPECT_TRUE(version_satisfies("1.2.3", "==1.2.3"));
  EXPECT_TRUE(version_satisfies("1.2.3", "1.2.3"));
  EXPECT_FALSE(version_satisfies("1.2.4", "==1.2.3"));
  EXPECT_TRUE(version_satisfies("1.2.4", "!=1.2.3"));
  EXPECT_TRUE(version_satisfies("1.10.0", ">1.9"));
  EXPECT_TRUE(version_satisfies("1.2.0", "<=1.2"));
}

TEST(VersionSatisfies, WildcardsCaretAndTilde) {
  EXPECT_TRUE(version_satisfies("1.2.9", "1.2.*"));
  EXPECT_FALSE(version_satisfies("1.3.0", "1.2.*"));
  EXPECT_TRUE(version_satisfies("1.9.0", "1.*"));
  EXPECT_FALSE(version_satisfies("2.0.0", "==1.*"));
  EXPECT_TRUE(version_satisfies("7.7.7", "*"));
  EXPECT_TRUE(version_satisfies("7.7.7", ""));
  EXPECT_TRUE(version_satisfies("1.9.0", "^1.2"));
  EXPECT_FALSE(version_satisfies("2.0.0", "^1.2"));
  EXPECT_FALSE(version_satisfies("1.1.9", "^1.2"));
  EXPECT_TRUE(version_satisfies("0.2.9", "^0.2.3"));
  EXPECT_FALSE(version_satisfies("0.3.0", "^0.2.3"));
  EXPECT_FALSE(version_satisfies("0.0.4", "^0.0.3"));
  EXPECT_TRUE(version_satisfies("1.2.9", "~1.2.3"));
  EXPECT_FALSE(version_satisfies("1.3.0", "~1.2.3"));
}

TEST(VersionSatisfies, PreReleaseSortsBeforeRelease) {
  EXPECT_FALSE(version_satisfies("1.0.0-rc1", ">=1.0.0"));
  EXPECT_TRUE(version_satisfies("1.0.0-rc1", "<1.0.0"));
  EXPECT_TRUE(version_satisfies("1.0.0+build.5", "==1.0.0"));
}

TEST(VersionSatisfies, MalformedTextThrowsValueError) {
  EXPECT_THROW(version_satisfies("one.two", "*"), ValueError);
  EXPECT_THROW(version_satisfies("1.2.3", ">=x"), ValueError);
  EXPECT_THROW(version_satisfies("1.2.3", ">=1.*"), ValueError);
  EXPECT_THROW(version_satisfies("1.2.3.4", "*"), ValueError);
  try {
    version_satisfies("1.2.3", ">=1.q");
    FAIL();
  } catch (const ValueError& e) {
    EXPECT_NE(std::string(e.what()).find("'q' is not a number"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace theano
