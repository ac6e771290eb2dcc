// Every example case registered with a structural op passes every check of
// the plugin test harness (run_all_checks): perform gives values its static
// types accept, FAST_RUN and DebugMode agree with perform, infer_shape,
// verify_grad for the differentiable ones, R_op, props round-trip and
// view/destroy honesty.
#include "structure_helpers.h"
#include "theano/core/registry.h"
#include "theano/testing/checks.h"
#include "theano/testing/gtest.h"

namespace theano::testing {
namespace {

const char* const kOps[] = {"MakeVector", "Reshape",     "SpecifyShape", "Alloc", "AllocEmpty",
                            "ARange",     "Eye",         "Tri",          "Join",  "Split",
                            "Repeat",     "ExtractDiag", "AllocDiag"};

TEST(StructureExamples, PassEveryHarnessCheck) {
  init();
  for (const char* name : kOps) {
    const OpSchema* schema = Registry::global().find_op(name);
    ASSERT_NE(schema, nullptr) << name;
    EXPECT_EQ(schema->provider, "theano.ops.tensor");
    EXPECT_FALSE(schema->examples.empty()) << name;
    EXPECT_CHECK_PASSES(run_all_checks(*schema));
  }
}

}  // namespace
}  // namespace theano::testing
