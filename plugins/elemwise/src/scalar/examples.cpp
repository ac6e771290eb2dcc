// Where each scalar op is evaluated for its example cases: inside its
// domain (arccosh above 1, erfcinv in (0, 2)), integers for the bitwise
// ops, a 0/1 condition for switch, ordered bounds for clip; two points per
// op, and a three-element vector per input for the Elemwise gradient check.
#include "examples.h"

#include <cmath>
#include <map>

#include "theano/core/fgraph.h"
#include "theano/plugin_api/scalar_examples.h"

namespace theano::elemwise {

namespace {

struct Range {
  double lo, hi;
};

bool is_bitwise(const std::string& name) {
  return name == "and" || name == "or" || name == "xor" || name == "invert";
}

// The interval input `i` of op `name` is drawn from.
Range input_range(const std::string& name, std::size_t i) {
  if (name == "arccosh") return {1.2, 3.0};
  if (name == "erfcinv") return {0.2, 1.8};
  if (name == "switch" && i == 0) return {0.0, 1.0};
  if (name == "clip") return i == 0 ? Range{0.0, 1.0} : i == 1 ? Range{0.2, 0.3} : Range{0.7, 0.8};
  if (is_bitwise(name)) return {1.0, 13.0};
  return {0.2, 0.9};
}

std::size_t arity(const ScalarOp& op) {
  if (op.nin() >= 0) return static_cast<std::size_t>(op.nin());
  return 2;  // variadic: two inputs
}

// Input i at fraction f of its range; inputs are staggered so binary ops
// see distinct values (no ties for maximum/minimum, no 0/0).
double at(const std::string& name, std::size_t i, double f) {
  Range r = input_range(name, i);
  if (name == "switch" && i == 0) return f < 0.5 ? 1.0 : 0.0;
  double shifted = std::fmod(f + 0.23 * static_cast<double>(i), 1.0);
  double v = r.lo + shifted * (r.hi - r.lo);
  return is_bitwise(name) ? std::round(v) : v;
}

}  // namespace

std::vector<ExampleCase> scalar_op_examples(const ScalarOp& op) {
  const std::string name = op.scalar_name();
  std::vector<std::vector<double>> points;
  for (double f : {0.25, 0.75}) {
    std::vector<double> p;
    for (std::size_t i = 0; i < arity(op); ++i) p.push_back(at(name, i, f));
    points.push_back(std::move(p));
  }
  if (name == "cast")
    return scalar_examples(points, DType::Float64, Props{{"dtype", DType::Float32}});
  return scalar_examples(points, is_bitwise(name) ? DType::Int32 : DType::Float64, op.props());
}

std::vector<ExampleCase> elemwise_gradient_examples(
    const std::vector<std::shared_ptr<const ScalarOp>>& ops) {
  std::vector<ExampleCase> cases;
  for (const auto& op : ops) {
    const std::string name = op->scalar_name();
    // tri_gamma's derivative (polygamma of order 2) is not implemented: its
    // gradient is undefined on purpose, which verify_grad would report.
    if (is_bitwise(name) || name == "switch" || name == "cast" || name == "tri_gamma") continue;
    std::vector<std::vector<double>> inputs(arity(*op));
    for (std::size_t i = 0; i < inputs.size(); ++i)
      for (double f : {0.1, 0.5, 0.9}) inputs[i].push_back(at(name, i, f));
    cases.push_back(elemwise_case(name, inputs));
  }
  return cases;
}

Props example_composite_props(const ScalarOp& mul, const ScalarOp& exp, const ScalarOp& add) {
  Var x = Variable::make(ScalarType::make(DType::Float64));
  Var y = Variable::make(ScalarType::make(DType::Float64));
  Var out = add.apply1({mul.apply1({x, exp.apply1({y})}), x});
  auto graph = std::make_shared<const FunctionGraph>(std::vector<Var>{x, y}, std::vector<Var>{out});
  return Props{{"fgraph", PropValue(std::shared_ptr<const FunctionGraph>(graph))}};
}

std::vector<ExampleCase> composite_examples(const Props& composite_props) {
  return scalar_examples({{0.3, -0.5}, {1.5, 0.25}}, DType::Float64, composite_props);
}

}  // namespace theano::elemwise
