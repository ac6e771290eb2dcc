// Every example case registered with an extra op passes every check of the
// plugin test harness (run_all_checks): equal ops and hashes from its
// props, perform with outputs its static types accept, FAST_RUN and
// DebugMode agreeing with perform, infer_shape, verify_grad for the
// differentiable ones, R_op and view/destroy honesty.
#include "extra_helpers.h"
#include "theano/core/registry.h"
#include "theano/testing/checks.h"
#include "theano/testing/gtest.h"

namespace theano::extra_testing {
namespace {

const char* const kOps[] = {
    "Sort",   "ArgSort",  "TopK",          "Searchsorted",        "Unique",      "CumOp",
    "DiffOp", "Bincount", "TakeAlongAxis", "ScatterAddAlongAxis", "ReshapeLike", "IfElse"};

TEST(ExtraExamples, PassEveryHarnessCheck) {
  init();
  for (const char* name : kOps) {
    const OpSchema* schema = Registry::global().find_op(name);
    ASSERT_NE(schema, nullptr) << name;
    EXPECT_EQ(schema->provider, "theano.ops.tensor");
    EXPECT_FALSE(schema->examples.empty()) << name;
    EXPECT_CHECK_PASSES(theano::testing::run_all_checks(*schema));
  }
}

TEST(ExtraExamples, PropsPrintAndCompare) {
  init();
  OpPtr a = Registry::global().make_op("Sort", Props{{"axis", 1}});
  OpPtr b = Registry::global().make_op("Sort", Props{{"axis", PropValue()}});
  EXPECT_FALSE(a->equals(*b));
  EXPECT_NE(a->display().find("axis=1"), std::string::npos) << a->display();
  OpPtr c = Registry::global().make_op("CumOp", Props{{"axis", 0}, {"mode", "mul"}});
  EXPECT_NE(c->display().find("mul"), std::string::npos) << c->display();
  EXPECT_THROW(Registry::global().make_op("CumOp", Props{{"axis", 0}, {"mode", "max"}}),
               ValueError);
}

}  // namespace
}  // namespace theano::extra_testing
