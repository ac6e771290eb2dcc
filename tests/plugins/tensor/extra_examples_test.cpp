// Every example case registered with an extra op: it builds, runs in
// FAST_RUN and DebugMode (which checks infer_shape, aliasing and
// re-execution) with outputs its static type accepts, and the
// differentiable ones pass verify_grad.
#include "extra_helpers.h"
#include "theano/core/registry.h"

namespace theano::extra_testing {
namespace {

const char* const kOps[] = {
    "Sort",   "ArgSort",  "TopK",          "Searchsorted",        "Unique",      "CumOp",
    "DiffOp", "Bincount", "TakeAlongAxis", "ScatterAddAlongAxis", "ReshapeLike", "IfElse"};

std::vector<TypePtr> input_types(const ExampleCase& ex) {
  if (!ex.input_types.empty()) return ex.input_types;
  std::vector<TypePtr> out;
  for (const Value& v : ex.inputs)
    out.push_back(TensorType::make(v.array().dtype(), v.array().ndim()));
  return out;
}

void run_example(const char* name, const OpSchema& schema, const ExampleCase& ex) {
  SCOPED_TRACE(std::string(name) + ": " + ex.label);
  OpPtr op = schema.from_props(ex.props);
  EXPECT_TRUE(op->equals(*schema.from_props(ex.props)));
  EXPECT_EQ(op->hash(), schema.from_props(ex.props)->hash());
  std::vector<Var> ins;
  for (const TypePtr& t : input_types(ex)) ins.push_back(Variable::make(t));
  std::vector<Var> outs = (*op)(ins);
  for (const char* mode : {"FAST_RUN", "DebugMode"}) {
    FunctionOptions options;
    options.mode = Mode::named(mode);
    std::vector<Value> got = eval(ins, outs, ex.inputs, options);
    for (std::size_t k = 0; k < outs.size(); ++k)
      EXPECT_TRUE(as_tensor_type(outs[k]->type())->accepts_shape(got[k].array().shape())) << mode;
  }
  if (ex.check_grad) {
    std::vector<NDArray> point;
    for (const Value& v : ex.inputs) point.push_back(v.array());
    VerifyGradOptions options;
    options.input_types = input_types(ex);
    EXPECT_NO_THROW(verify_grad(op, point, options));
  }
}

TEST(ExtraExamples, RunAndMatchTheirTypes) {
  init();
  for (const char* name : kOps) {
    const OpSchema* schema = Registry::global().find_op(name);
    ASSERT_NE(schema, nullptr) << name;
    EXPECT_EQ(schema->provider, "theano.ops.tensor");
    EXPECT_FALSE(schema->examples.empty()) << name;
    for (const ExampleCase& ex : schema->examples) run_example(name, *schema, ex);
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
