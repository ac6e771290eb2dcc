// Every example case registered with an nnet op passes every check of the
// plugin test harness (theano::testing::run_all_checks: perform with outputs
// of the declared types, FAST_RUN and DebugMode against perform,
// infer_shape, verify_grad where marked differentiable, R_op, props
// round-trip, view/destroy honesty), and its outputs are finite.
#include "helpers.h"
#include "theano/core/registry.h"
#include "theano/testing/checks.h"
#include "theano/testing/gtest.h"

namespace theano::nnettest {
namespace {

const char* const kOps[] = {"Softmax",
                            "LogSoftmax",
                            "SoftmaxWithBias",
                            "SoftmaxGrad",
                            "CrossentropyCategorical1Hot",
                            "CrossentropyCategorical1HotGrad",
                            "CrossentropySoftmaxArgmax1HotWithBias",
                            "CrossentropySoftmax1HotWithBiasDx"};

TEST(NnetExamples, PassEveryHarnessCheck) {
  init();
  for (const char* name : kOps) {
    const OpSchema* schema = Registry::global().find_op(name);
    ASSERT_NE(schema, nullptr) << name;
    EXPECT_EQ(schema->provider, "theano.ops.nnet");
    EXPECT_FALSE(schema->examples.empty()) << name;
    // perform, FAST_RUN and DebugMode against perform, infer_shape, verify_grad
    // where differentiable, R_op, props round-trip, view/destroy honesty.
    EXPECT_CHECK_PASSES(theano::testing::run_all_checks(*schema));
    for (const ExampleCase& ex : schema->examples) {
      SCOPED_TRACE(std::string(name) + ": " + ex.label);
      theano::testing::OpCase c = theano::testing::OpCase::from_example(*schema, ex);
      std::vector<Var> ins;
      for (const TypePtr& t : c.symbolic_types()) ins.push_back(Variable::make(t));
      std::vector<Var> outs = (*c.op)(ins);
      for (const Value& v : compile(ins, outs)(ex.inputs)) EXPECT_TRUE(all_finite(v.array()));
    }
  }
}

TEST(NnetExamples, ActivationScalarOpsAreRegistered) {
  init();
  for (const char* name :
       {"scalar.sigmoid", "scalar.softplus", "scalar.softsign", "scalar.ultra_fast_sigmoid"}) {
    const OpSchema* schema = Registry::global().find_op(name);
    ASSERT_NE(schema, nullptr) << name;
    EXPECT_EQ(schema->provider, "theano.ops.nnet");
  }
}

}  // namespace
}  // namespace theano::nnettest
