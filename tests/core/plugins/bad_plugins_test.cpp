// Bad plugins: each is refused with a message naming its file and what is
// wrong (both values where there are two), while the good plugins beside
// it still load and nothing of the refused one stays in the registry.
#include "plugin_fixture.h"
#include "theano/core/errors.h"
#include "theano/plugin_api/fingerprint.h"

namespace theano::test {
namespace {

using Status = PluginRecord::Status;

class BadPluginTest : public PluginFolderTest {
 protected:
  /// Loads the good pair plus `bad` plugins; returns the path of the first bad one.
  std::string load_beside_good(const std::vector<std::string>& bad) {
    add("good_base");
    add("good_dependent");
    std::string first;
    for (const std::string& stem : bad) {
      std::string path = add(stem).string();
      if (first.empty()) first = path;
    }
    load();
    return first;
  }
  void expect_good_loaded() {
    EXPECT_TRUE(loaded("test.good_base")) << record("test.good_base").reason;
    EXPECT_TRUE(loaded("test.good_dependent")) << record("test.good_dependent").reason;
    EXPECT_NE(registry_.find_op("GoodIdentity"), nullptr);
    EXPECT_NE(registry_.find_op("GoodDependentOp"), nullptr);
  }
  void expect_refused(const std::string& name, const std::vector<std::string>& parts) {
    const PluginRecord& r = record(name);
    EXPECT_EQ(r.status, Status::Refused) << name;
    EXPECT_TRUE(contains_all(r.reason, parts));
  }
};

TEST_F(BadPluginTest, FileThatIsNotASharedLibrary) {
  add("good_base");
  std::string garbage = add_garbage("libgarbage.so").string();
  load();
  expect_refused("libgarbage.so", {garbage, "not a loadable shared library"});
  EXPECT_TRUE(loaded("test.good_base"));
}

TEST_F(BadPluginTest, SharedLibraryWithoutEntryPoint) {
  std::string file = load_beside_good({"no_entry"});
  expect_refused("libno_entry.so", {file, "theano_plugin_entry", "not a Theano++ plugin"});
  expect_good_loaded();
}

TEST_F(BadPluginTest, AbiMajorMismatchNamesBothVersions) {
  std::string file = load_beside_good({"abi_major"});
  expect_refused("test.abi_major",
                 {file, "ABI major", "plugin built for ABI 2.0", "host provides ABI 1.0"});
  EXPECT_EQ(record("test.abi_major").abi, "2.0");
  EXPECT_EQ(registry_.find_op("AbiMajorOp"), nullptr);
  expect_good_loaded();
}

TEST_F(BadPluginTest, AbiMinorNewerThanHost) {
  std::string file = load_beside_good({"abi_minor"});
  expect_refused("test.abi_minor", {file, "ABI 1.9", "newer than the host's ABI 1.0"});
  expect_good_loaded();
}

TEST_F(BadPluginTest, DescriptorSmallerThanTheAbiRequires) {
  std::string file = load_beside_good({"small_struct"});
  expect_refused("libsmall_struct.so", {file, "struct_size is 8 bytes", "at least 56"});
  expect_good_loaded();
}

TEST_F(BadPluginTest, IncompatibleFingerprintNamesTheKeyAndBothValues) {
  std::string file = load_beside_good({"fingerprint"});
  expect_refused("test.fingerprint",
                 {file, "fingerprint", "compiler differs", "othercc-99", THEANO_FP_COMPILER});
  expect_good_loaded();
}

TEST_F(BadPluginTest, MissingDependencyShowsTheWholeChain) {
  std::string file = load_beside_good({"missing_dep", "chain_top"});
  expect_refused("test.missing_dep", {file, "missing dependency 'test.does_not_exist'", ">=1"});
  const PluginRecord& top = record("test.chain_top");
  EXPECT_EQ(top.status, Status::Refused);
  EXPECT_TRUE(contains_all(
      top.reason, {"libchain_top.so", "test.chain_top -> test.missing_dep -> test.does_not_exist",
                   "not found"}));
  EXPECT_EQ(registry_.find_op("ChainTopOp"), nullptr);
  expect_good_loaded();
}

TEST_F(BadPluginTest, DependencyVersionOutOfRangeNamesBothValues) {
  std::string file = load_beside_good({"version_dep"});
  expect_refused("test.version_dep", {file, "test.good_base", "1.2.0", ">=2.0, <3"});
  expect_good_loaded();
}

TEST_F(BadPluginTest, DependencyCycleIsNamed) {
  std::string file = load_beside_good({"cycle_a", "cycle_b"});
  expect_refused("test.cycle_a", {file, "dependency cycle"});
  expect_refused("test.cycle_b", {"libcycle_b.so", "dependency cycle"});
  const std::string& reason = record("test.cycle_a").reason;
  EXPECT_TRUE(reason.find("test.cycle_a -> test.cycle_b -> test.cycle_a") != std::string::npos ||
              reason.find("test.cycle_b -> test.cycle_a -> test.cycle_b") != std::string::npos)
      << reason;
  expect_good_loaded();
}

TEST_F(BadPluginTest, DuplicateOpNamesBothOwners) {
  std::string file = load_beside_good({"duplicate_op"});
  expect_refused("test.duplicate_op", {file, "op 'GoodIdentity'", "test.duplicate_op",
                                       "already registered by plugin 'test.good_base'"});
  // Rolled back whole: its other op is not there either.
  EXPECT_EQ(registry_.find_op("DuplicateOwnOp"), nullptr);
  EXPECT_EQ(registry_.find_op("GoodIdentity")->provider, "test.good_base");
  expect_good_loaded();
}

TEST_F(BadPluginTest, ThrowingRegisterFunctionLeavesNothing) {
  std::string file = load_beside_good({"throwing"});
  expect_refused("test.throwing",
                 {file, "deliberate failure half-way", "nothing it registered was kept"});
  EXPECT_EQ(registry_.find_op("ThrowingOp"), nullptr);
  EXPECT_TRUE(registry_.kernels("ThrowingOp", "cpu").empty());
  EXPECT_EQ(registry_.find_service("throwing.service"), nullptr);
  for (const ConfigOptionSpec& o : registry_.config_options()) EXPECT_NE(o.name, "throwing.flag");
  expect_good_loaded();
}

TEST_F(BadPluginTest, KernelForUnknownOpRefusesThePluginAndItsDependents) {
  std::string file = load_beside_good({"unknown_op_kernel", "validation_dependent"});
  expect_refused("test.unknown_op_kernel",
                 {file, "kernel 'gemm_without_blas'", "op 'Gemm'", "theano.ops.blas"});
  EXPECT_EQ(registry_.find_op("UnknownKernelOwnOp"), nullptr);
  expect_refused(
      "test.validation_dependent",
      {"libvalidation_dependent.so", "test.validation_dependent -> test.unknown_op_kernel"});
  EXPECT_EQ(registry_.find_op("ValidationDependentOp"), nullptr);
  expect_good_loaded();
}

TEST_F(BadPluginTest, RewriteInUnknownPhaseRefusesThePlugin) {
  std::string file = load_beside_good({"unknown_phase"});
  expect_refused("test.unknown_phase",
                 {file, "misplaced_rewrite", "unknown phase 'canonicalise'", "canonicalize"});
  EXPECT_EQ(registry_.find_op("UnknownPhaseOwnOp"), nullptr);
  EXPECT_EQ(registry_.rewrites().size(), 1u);  // good_dependent's only
  expect_good_loaded();
}

TEST_F(BadPluginTest, EveryBadPluginAtOnceStillLoadsTheGoodOnes) {
  add_garbage("libgarbage.so");
  load_beside_good({"no_entry", "abi_major", "abi_minor", "small_struct", "fingerprint",
                    "missing_dep", "chain_top", "version_dep", "cycle_a", "cycle_b", "duplicate_op",
                    "throwing", "unknown_op_kernel", "validation_dependent", "unknown_phase"});
  expect_good_loaded();
  int refused = 0;
  for (const PluginRecord& r : host_.records()) refused += r.status == Status::Refused;
  EXPECT_EQ(refused, 16);
  EXPECT_EQ(registry_.ops().size(), 3u);
}

}  // namespace
}  // namespace theano::test
