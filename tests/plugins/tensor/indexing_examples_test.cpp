// Every example case registered with an indexing op: it builds from its
// props (equal ops from equal props), runs in FAST_RUN and DebugMode (which
// checks view / destroy maps and infer_shape) with shapes its static type
// accepts, and passes verify_grad.
#include "indexing_helpers.h"
#include "theano/core/registry.h"

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

std::vector<TypePtr> input_types(const ExampleCase& ex) {
  if (!ex.input_types.empty()) return ex.input_types;
  std::vector<TypePtr> out;
  for (const Value& v : ex.inputs)
    out.push_back(TensorType::make(v.array().dtype(), v.array().ndim()));
  return out;
}

TEST(IndexingExamples, RunCheckAndDifferentiate) {
  init();
  for (const char* name : kOps) {
    const OpSchema* schema = Registry::global().find_op(name);
    ASSERT_NE(schema, nullptr) << name;
    EXPECT_EQ(schema->provider, "theano.ops.tensor");
    EXPECT_FALSE(schema->examples.empty()) << name;
    for (const ExampleCase& ex : schema->examples) {
      SCOPED_TRACE(std::string(name) + ": " + ex.label);
      OpPtr op = schema->from_props(ex.props);
      EXPECT_EQ(op->name(), name);
      EXPECT_TRUE(op->equals(*schema->from_props(op->props())));
      EXPECT_EQ(op->hash(), schema->from_props(op->props())->hash());
      std::vector<Var> ins;
      for (const TypePtr& t : input_types(ex)) ins.push_back(Variable::make(t));
      std::vector<Var> outs = (*op)(ins);
      std::vector<Value> reference;
      for (const char* mode : {"FAST_RUN", "DebugMode"}) {
        FunctionOptions options;
        options.mode = Mode::named(mode);
        std::vector<Value> got = eval(ins, outs, ex.inputs, options);
        EXPECT_TRUE(as_tensor_type(outs[0]->type())->accepts_shape(got[0].array().shape()));
        if (reference.empty()) {
          reference = got;
        } else {
          EXPECT_TRUE(close(got[0].array(), reference[0].array()));
        }
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
