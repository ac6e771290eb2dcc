// Registry behaviour without shared libraries: rollback, duplicates with both
// owners, validation blame, frozen state, make_op errors, kernel order.
#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <set>

#include "plugin_fixture.h"
#include "test_ops.h"
#include "theano/core/errors.h"
#include "theano/core/linker.h"
#include "theano/core/phases.h"
#include "theano/core/registry.h"

namespace theano::test {
namespace {

void add_identity(Registry& registry, const std::string& plugin, const std::string& op) {
  registry.register_plugin(plugin, [&](Registrar& r) { r.add_op(identity_schema(op, "doc")); });
}

std::string error_of(const std::function<void()>& fn) {
  try {
    fn();
  } catch (const PluginError& e) {
    return e.what();
  }
  return "<no PluginError>";
}

TEST(Registry, ThrowingRegistrationIsRolledBackWhole) {
  Registry registry;
  std::string message = error_of([&] {
    registry.register_plugin("acme.half", [](Registrar& r) {
      r.add_op(identity_schema("HalfOp", "doc"));
      r.add_device({"acme", nullptr, [] { return 0; }});
      throw ValueError("table of contents is broken");
    });
  });
  EXPECT_TRUE(contains_all(message, {"acme.half", "table of contents is broken", "nothing"}));
  EXPECT_EQ(registry.find_op("HalfOp"), nullptr);
  EXPECT_EQ(registry.find_device("acme"), nullptr);
  EXPECT_TRUE(registry.op_counts().empty());
}

TEST(Registry, DuplicatesNameBothOwnersForEveryKindOfEntry) {
  Registry registry;
  registry.register_plugin("first", [](Registrar& r) {
    r.add_op(identity_schema("Op1", "doc"));
    r.add_type({"sparse", "doc", nullptr});
    r.add_linker({"fancy", [](const LinkerOptions&) { return std::unique_ptr<Linker>(); }});
    r.add_service("stream", std::make_shared<int>(1));
    r.add_config_option({"first.flag", "1", "doc"});
  });
  std::string message = error_of([&] {
    registry.register_plugin("second", [](Registrar& r) {
      r.add_op(identity_schema("Op1", "doc"));
      r.add_type({"sparse", "doc", nullptr});
      r.add_linker({"fancy", [](const LinkerOptions&) { return std::unique_ptr<Linker>(); }});
      r.add_service("stream", std::make_shared<int>(2));
      r.add_config_option({"first.flag", "1", "doc"});
    });
  });
  for (std::string kind : {"op 'Op1'", "type 'sparse'", "linker 'fancy'", "service 'stream'",
                           "config option 'first.flag'"}) {
    EXPECT_TRUE(contains_all(message, {kind + " registered by plugin 'second' is already "
                                              "registered by plugin 'first'"}));
  }
  EXPECT_EQ(*registry.service<int>("stream"), 1);
}

TEST(Registry, DuplicateWithinOnePluginIsRejected) {
  Registry registry;
  std::string message = error_of([&] {
    registry.register_plugin("twice", [](Registrar& r) {
      r.add_op(identity_schema("Same", "doc"));
      r.add_op(identity_schema("Same", "doc"));
    });
  });
  EXPECT_TRUE(contains_all(message, {"op 'Same' is registered twice by plugin 'twice'"}));
  EXPECT_EQ(registry.find_op("Same"), nullptr);
}

TEST(Registry, ValidationBlamesThePluginAndRemovesItsEntries) {
  Registry registry;
  add_identity(registry, "good", "GoodOp");
  registry.register_plugin("orphan", [](Registrar& r) {
    r.add_op(identity_schema("OrphanOp", "doc"));
    r.add_kernel(declining_kernel("Softmax", "softmax_fast", 1));
  });
  registry.register_plugin("lost", [](Registrar& r) {
    r.add_rewrite({"lost_rewrite", {"fast_run"}, "stabilise", nullptr});
  });
  // Depends on OrphanOp: removed in the second round.
  registry.register_plugin("follower", [](Registrar& r) {
    r.add_kernel(declining_kernel("OrphanOp", "orphan_kernel", 1));
  });
  std::vector<RegistryProblem> problems = registry.validate(standard_phases());
  std::set<std::string> blamed;
  for (const RegistryProblem& p : problems) blamed.insert(p.plugin);
  EXPECT_EQ(blamed, (std::set<std::string>{"orphan", "lost", "follower"}));
  EXPECT_TRUE(contains_all(problems[0].message,
                           {"orphan", "softmax_fast", "'Softmax'", "theano.ops.nnet"}));
  EXPECT_EQ(registry.find_op("OrphanOp"), nullptr);
  EXPECT_NE(registry.find_op("GoodOp"), nullptr);
  EXPECT_TRUE(registry.rewrites().empty());
  EXPECT_FALSE(registry.frozen());
}

TEST(Registry, ValidateAndFreezeReturnsMessagesAndFreezes) {
  Registry registry;
  registry.register_plugin("lost", [](Registrar& r) {
    r.add_rewrite({"lost_rewrite", {}, "nowhere", nullptr});
  });
  std::vector<std::string> messages = registry.validate_and_freeze(standard_phases());
  ASSERT_FALSE(messages.empty());
  EXPECT_TRUE(contains_all(messages[0], {"lost", "lost_rewrite", "'nowhere'", "merge1", "merge3"}));
  EXPECT_TRUE(registry.frozen());
  std::string message = error_of([&] { add_identity(registry, "late", "LateOp"); });
  EXPECT_TRUE(contains_all(message, {"frozen"}));
}

TEST(Registry, MakeOpOfAMissingOpNamesTheExpectedPlugin) {
  Registry registry;
  registry.freeze();
  EXPECT_TRUE(contains_all(error_of([&] { registry.make_op("Gemm"); }),
                           {"op 'Gemm' is not registered", "theano.ops.blas"}));
  EXPECT_TRUE(
      contains_all(error_of([&] { registry.make_op("Elemwise"); }), {"theano.ops.elemwise"}));
  EXPECT_TRUE(contains_all(error_of([&] { registry.make_op("Scan"); }), {"theano.ops.scan"}));
  EXPECT_TRUE(contains_all(error_of([&] { registry.make_op("Reshape"); }), {"theano.ops.tensor"}));
  EXPECT_TRUE(contains_all(error_of([&] { registry.make_op("Frobnicate"); }),
                           {"'Frobnicate'", "no known plugin"}));
}

TEST(Registry, ExpectedProviderTable) {
  EXPECT_EQ(expected_provider("DimShuffle"), "theano.ops.elemwise");
  EXPECT_EQ(expected_provider("CAReduce"), "theano.ops.elemwise");
  EXPECT_EQ(expected_provider("Subtensor"), "theano.ops.tensor");
  EXPECT_EQ(expected_provider("Dot22"), "theano.ops.blas");
  EXPECT_EQ(expected_provider("SoftmaxWithBias"), "theano.ops.nnet");
  EXPECT_EQ(expected_provider("GpuElemwise"), "theano.backends.cuda");
  EXPECT_EQ(expected_provider("NotAnOp"), "");
}

TEST(Registry, KernelOrderBeforeAndAfterFreeze) {
  Registry registry;
  registry.register_plugin("ops", [](Registrar& r) {
    r.add_op(identity_schema("K", "doc"));
    r.add_kernel(declining_kernel("K", "low", -1));
    r.add_kernel(declining_kernel("K", "high", 7));
  });
  registry.register_plugin("more",
                           [](Registrar& r) { r.add_kernel(declining_kernel("K", "mid", 3)); });
  auto names = [&] {
    std::vector<std::string> out;
    for (const KernelSpec* k : registry.kernels("K", "cpu")) out.push_back(k->name);
    return out;
  };
  EXPECT_EQ(names(), (std::vector<std::string>{"high", "mid", "low"}));
  registry.freeze();
  EXPECT_EQ(names(), (std::vector<std::string>{"high", "mid", "low"}));
}

TEST(Registry, RegistrarSeesEarlierPluginsAndItsName) {
  Registry registry;
  add_identity(registry, "base", "BaseOp");
  std::string seen_name;
  bool saw_base = false;
  registry.register_plugin("reader", [&](Registrar& r) {
    seen_name = r.plugin_name();
    saw_base = r.registry().find_op("BaseOp") != nullptr;
  });
  EXPECT_EQ(seen_name, "reader");
  EXPECT_TRUE(saw_base);
}

TEST(Registry, RemovePluginAndOpCounts) {
  Registry registry;
  add_identity(registry, "a", "A1");
  add_identity(registry, "a2", "A2");
  registry.register_plugin("b", [](Registrar& r) {
    r.add_op(identity_schema("B1", "doc"));
    r.add_op(identity_schema("B2", "doc"));
  });
  EXPECT_EQ(registry.op_counts(), (std::map<std::string, int>{{"a", 1}, {"a2", 1}, {"b", 2}}));
  registry.remove_plugin("b");
  EXPECT_EQ(registry.find_op("B1"), nullptr);
  EXPECT_EQ(registry.ops().size(), 2u);
  EXPECT_EQ(registry.ops()[0]->name, "A1");
}

}  // namespace
}  // namespace theano::test
