// Every example case registered with an nnet op: it builds, runs in FAST_RUN
// and in DebugMode (which cross-checks perform, infer_shape and aliasing)
// with outputs of the declared static shapes, and, where marked
// differentiable, passes verify_grad.
#include "helpers.h"
#include "theano/core/gradient.h"
#include "theano/core/registry.h"

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

std::vector<TypePtr> input_types(const ExampleCase& ex) {
  if (!ex.input_types.empty()) return ex.input_types;
  std::vector<TypePtr> out;
  for (const Value& v : ex.inputs)
    out.push_back(TensorType::make(v.array().dtype(), v.array().ndim()));
  return out;
}

TEST(NnetExamples, RunInFastRunAndDebugMode) {
  init();
  for (const char* name : kOps) {
    const OpSchema* schema = Registry::global().find_op(name);
    ASSERT_NE(schema, nullptr) << name;
    EXPECT_EQ(schema->provider, "theano.ops.nnet");
    EXPECT_FALSE(schema->examples.empty()) << name;
    for (const ExampleCase& ex : schema->examples) {
      SCOPED_TRACE(std::string(name) + ": " + ex.label);
      OpPtr op = schema->from_props(ex.props);
      EXPECT_TRUE(op->equals(*schema->from_props(ex.props)));
      std::vector<Var> ins;
      for (const TypePtr& t : input_types(ex)) ins.push_back(Variable::make(t));
      std::vector<Var> outs = (*op)(ins);
      std::vector<Value> reference;
      for (const char* mode : {"FAST_RUN", "DebugMode"}) {
        FunctionOptions options;
        options.mode = Mode::named(mode);
        std::vector<Value> got = compile(ins, outs, options)(ex.inputs);
        for (std::size_t k = 0; k < outs.size(); ++k) {
          EXPECT_TRUE(as_tensor_type(outs[k]->type())->accepts_shape(got[k].array().shape()));
          EXPECT_TRUE(all_finite(got[k].array()));
          if (!reference.empty()) {
            EXPECT_TRUE(close(got[k].array(), reference[k].array()));
          }
        }
        reference = got;
      }
      if (ex.check_grad) {
        std::vector<NDArray> point;
        for (const Value& v : ex.inputs) point.push_back(v.array());
        VerifyGradOptions options;
        options.input_types = input_types(ex);
        EXPECT_NO_THROW(verify_grad(op, point, options));
      }
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
