// Every example case registered with an indexing op builds an op of its
// name and passes every check of the plugin test harness (run_all_checks):
// equal ops with equal hashes from its props, perform with shapes its static
// type accepts, FAST_RUN and DebugMode agreeing with perform, infer_shape,
// verify_grad, R_op and view/destroy honesty.
#include "indexing_helpers.h"
#include "theano/core/registry.h"
#include "theano/testing/checks.h"
#include "theano/testing/gtest.h"

namespace theano::indexing_test {
namespace {

const char* const kOps[] = {"Subtensor",
                            "IncSubtensor",
                            "AdvancedSubtensor1",
                            "AdvancedIncSubtensor1",
                            "AdvancedSubtensor",
                            "AdvancedIncSubtensor",
                            "AdvancedBooleanSubtensor",
                            "AdvancedBooleanIncSubtensor"};

TEST(IndexingExamples, PassEveryHarnessCheck) {
  init();
  for (const char* name : kOps) {
    const OpSchema* schema = Registry::global().find_op(name);
    ASSERT_NE(schema, nullptr) << name;
    EXPECT_EQ(schema->provider, "theano.ops.tensor");
    EXPECT_FALSE(schema->examples.empty()) << name;
    for (const ExampleCase& ex : schema->examples)
      EXPECT_EQ(schema->from_props(ex.props)->name(), name) << ex.label;
    EXPECT_CHECK_PASSES(theano::testing::run_all_checks(*schema));
  }
}

TEST(IndexingExamples, DisplayNamesShowTheIndex) {
  init();
  auto x = T::dmatrix("x");
  auto i = T::lscalar("i");
  EXPECT_EQ(T::index(x, {T::slice(1, -1), T::slice(T::none, T::none, -1)})->owner()->op().display(),
            "Subtensor{1:-1, ::-1}");
  EXPECT_EQ(T::index(x, {T::slice(i), 2})->owner()->op().display(), "Subtensor{$:, 2}");
  EXPECT_EQ(T::inc_subtensor(x, {0}, 1.0)->owner()->op().display(), "IncSubtensor{Inc;0}");
  EXPECT_EQ(T::set_subtensor(x, {{0, 1}}, 1.0)->owner()->op().display(),
            "AdvancedIncSubtensor1{no_inplace,set}");
  EXPECT_EQ(T::index(x, {T::slice(), {0, 1}})->owner()->op().display(),
            "AdvancedSubtensor{:, [array]}");
}

}  // namespace
}  // namespace theano::indexing_test
