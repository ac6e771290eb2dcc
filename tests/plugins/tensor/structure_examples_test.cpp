// Every example case registered with a structural op: it builds, runs in
// FAST_RUN and DebugMode with a value its static type accepts, and (for the
// differentiable ones) passes verify_grad.
#include "structure_helpers.h"
#include "theano/core/gradient.h"
#include "theano/core/registry.h"

namespace theano::testing {
namespace {

const char* const kOps[] = {"MakeVector", "Reshape",     "SpecifyShape", "Alloc", "AllocEmpty",
                            "ARange",     "Eye",         "Tri",          "Join",  "Split",
                            "Repeat",     "ExtractDiag", "AllocDiag"};

std::vector<TypePtr> input_types(const ExampleCase& ex) {
  if (!ex.input_types.empty()) return ex.input_types;
  std::vector<TypePtr> out;
  for (const Value& v : ex.inputs)
    out.push_back(TensorType::make(v.array().dtype(), v.array().ndim()));
  return out;
}

TEST(StructureExamples, RunAndMatchTheirTypes) {
  init();
  for (const char* name : kOps) {
    const OpSchema* schema = Registry::global().find_op(name);
    ASSERT_NE(schema, nullptr) << name;
    EXPECT_EQ(schema->provider, "theano.ops.tensor");
    EXPECT_FALSE(schema->examples.empty()) << name;
    for (const ExampleCase& ex : schema->examples) {
      SCOPED_TRACE(std::string(name) + ": " + ex.label);
      OpPtr op = schema->from_props(ex.props);
      EXPECT_TRUE(op->equals(*schema->from_props(ex.props)));
      std::vector<Var> ins;
      for (const TypePtr& t : input_types(ex)) ins.push_back(Variable::make(t));
      std::vector<Var> outs = (*op)(ins);
      for (const char* mode : {"FAST_RUN", "DebugMode"}) {
        // DebugMode reruns nodes and compares: uninitialised memory never matches.
        if (std::string(name) == "AllocEmpty" && std::string(mode) == "DebugMode") continue;
        FunctionOptions options;
        options.mode = Mode::named(mode);
        std::vector<Value> got = eval(ins, outs, ex.inputs, options);
        for (std::size_t k = 0; k < outs.size(); ++k)
          EXPECT_TRUE(as_tensor_type(outs[k]->type())->accepts_shape(got[k].array().shape()));
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

}  // namespace
}  // namespace theano::testing
