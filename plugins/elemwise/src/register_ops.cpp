// Registration of the scalar ops, Elemwise and DimShuffle, with example
// cases for the plugin test harness, and of the plugin's config flag.
#include "dimshuffle/dimshuffle_op.h"
#include "elemwise/elemwise_op.h"
#include "registration.h"
#include "scalar/basic_op.h"
#include "scalar/composite.h"
#include "scalar/examples.h"
#include "scalar/special_ops.h"

namespace theano::elemwise {

namespace {

OpSchema scalar_schema(std::shared_ptr<const ScalarOp> op, std::string doc) {
  std::string name = op->name();
  std::vector<ExampleCase> examples = scalar_op_examples(*op);
  return OpSchema{name, std::move(doc), [op](const Props&) -> OpPtr { return op; },
                  std::move(examples)};
}

// The basic scalar ops, built once: registered as scalar.<name> and used
// for the Elemwise gradient cases and the example Composite.
const std::vector<std::shared_ptr<const ScalarOp>>& basic_scalar_ops() {
  static const auto ops = [] {
    std::vector<std::shared_ptr<const ScalarOp>> out;
    for (auto family : {arithmetic_specs, comparison_specs, transcendental_specs, special_specs})
      for (ScalarSpec& spec : family())
        out.push_back(std::make_shared<BasicScalarOp>(std::move(spec)));
    return out;
  }();
  return ops;
}

const ScalarOp& basic_scalar_op(const std::string& name) {
  for (const auto& op : basic_scalar_ops())
    if (op->scalar_name() == name) return *op;
  throw PluginError("elemwise: no basic scalar op '" + name + "'");
}

// Whether the op has a gradient rule (piecewise-constant ops have none).
bool has_gradient(const ScalarOp& op) {
  const auto* basic = dynamic_cast<const BasicScalarOp*>(&op);
  return basic && basic->spec().grad;
}

NDArray vec(std::initializer_list<float> v) {
  return NDArray::from_values<float>(v);
}

std::vector<ExampleCase> elemwise_examples() {
  std::vector<ExampleCase> cases{
      ExampleCase{"add vectors", Props{{"scalar_op", "add"}}, {vec({1, 2, 3}), vec({0.5f, -1, 2})}},
      ExampleCase{"exp", Props{{"scalar_op", "exp"}}, {vec({-1, 0, 0.5f})}},
      ExampleCase{"mul matrix by row",
                  Props{{"scalar_op", "mul"}},
                  {NDArray::from_values<float>({1, 2, 3, 4, 5, 6}, {2, 3}),
                   NDArray::from_values<float>({2, -1, 0.5f}, {1, 3})},
                  {TensorType::make(DType::Float32, 2), TensorType::make(DType::Float32, {1, 3})}},
      ExampleCase{"lt", Props{{"scalar_op", "lt"}}, {vec({1, 2}), vec({2, 1})}, {}, false},
  };
  std::vector<std::shared_ptr<const ScalarOp>> differentiable;
  for (const auto& op : basic_scalar_ops())
    if (has_gradient(*op)) differentiable.push_back(op);
  for (ExampleCase& ex : elemwise_gradient_examples(differentiable)) cases.push_back(std::move(ex));
  return cases;
}

}  // namespace

void register_scalar_ops(Registrar& r) {
  for (const auto& op : basic_scalar_ops()) {
    const auto* basic = dynamic_cast<const BasicScalarOp*>(op.get());
    r.add_op(scalar_schema(op, basic ? basic->spec().doc : std::string()));
  }
  r.add_op(scalar_schema(std::make_shared<SecondOp>(), "b broadcast to the shape of a (fill)"));
  r.add_op(OpSchema{
      "scalar.cast", "conversion to the dtype prop (NumPy astype)",
      [](const Props& p) -> OpPtr { return std::make_shared<CastOp>(p.get_as<DType>("dtype")); },
      scalar_op_examples(CastOp(DType::Float32))});
  Props composite = example_composite_props(basic_scalar_op("mul"), basic_scalar_op("exp"),
                                            basic_scalar_op("add"));
  r.add_op(OpSchema{"scalar.Composite", "a graph of scalar ops run as one (prop fgraph)",
                    [](const Props& p) -> OpPtr {
                      return std::make_shared<CompositeOp>(
                          p.get_as<std::shared_ptr<const FunctionGraph>>("fgraph"));
                    },
                    composite_examples(composite)});
}

void register_tensor_ops(Registrar& r) {
  r.add_op(OpSchema{"Elemwise", "a scalar op applied elementwise with broadcasting",
                    &ElemwiseOp::from_props, elemwise_examples()});
  r.add_op(OpSchema{
      "DimShuffle",
      "zero-copy view permuting, inserting or dropping axes",
      &DimShuffleOp::from_props,
      {ExampleCase{"transpose",
                   Props{{"new_order", PropValue::ints({1, 0})}},
                   {NDArray::from_values<float>({1, 2, 3, 4, 5, 6}, {2, 3})}},
       ExampleCase{"add axis", Props{{"new_order", PropValue::ints({-1, 0})}}, {vec({1, 2, 3})}}}});
}

void register_config(Registrar& r) {
  r.add_config_option(ConfigOptionSpec{
      kParallelFlag,
      "32768",
      "elementwise loops and reductions over at least this many elements use all cores (TBB)",
      {},
      [](const std::string& text) {
        try {
          if (std::stoll(text) < 0) throw ConfigError("must be >= 0");
        } catch (const std::logic_error&) {
          throw ConfigError("expected a non-negative integer, got '" + text + "'");
        }
      }});
}

}  // namespace theano::elemwise
