// check_infer_shape: the op's symbolic output shapes, built from fresh int64
// variables standing for the input dimensions (as DebugMode does) and
// evaluated in a small compiled function with the actual dimensions and
// input values bound, against the shapes perform produces.
#include "harness.h"
#include "theano/core/function.h"

namespace theano::testing {

using namespace detail;

namespace {

struct ShapeGraph {
  std::vector<Var> dim_inputs;     ///< every input dimension, in order
  std::vector<Value> dim_values;   ///< their actual sizes
  std::vector<ShapeVars> outputs;  ///< infer_shape's result
};

/// Dimension variables for each tensor input of `built`, with test values
/// (so infer_shape may build its graph under compute_test_value).
std::vector<ShapeVars> dim_variables(const BuiltNode& built, const OpCase& c, ShapeGraph& g) {
  std::vector<ShapeVars> dims_of_inputs;
  auto dim_type = TensorType::make(DType::Int64, 0);
  for (int i = 0; i < built.node->nin(); ++i) {
    ShapeVars dims;
    auto t = as_tensor_type(built.inputs[i]->type());
    for (int d = 0; t && d < t->ndim(); ++d) {
      std::int64_t size = c.inputs[i].array().shape()[d];
      Var v =
          Variable::make(dim_type, "in" + std::to_string(i) + ".shape[" + std::to_string(d) + "]");
      v->tag().test_value = Value(NDArray::scalar<std::int64_t>(size));
      g.dim_inputs.push_back(v);
      g.dim_values.push_back(Value(NDArray::scalar<std::int64_t>(size)));
      dims.push_back(std::move(v));
    }
    dims_of_inputs.push_back(std::move(dims));
  }
  return dims_of_inputs;
}

std::string dims_str(const std::vector<std::optional<std::int64_t>>& dims) {
  std::string s = "(";
  for (std::size_t d = 0; d < dims.size(); ++d)
    s += (d ? ", " : "") + (dims[d] ? std::to_string(*dims[d]) : std::string("?"));
  return s + (dims.size() == 1 ? ",)" : ")");
}

}  // namespace

CheckResult check_infer_shape(const OpCase& c, const CheckOptions& options) {
  CheckResult r = start("infer_shape", c);
  BuiltNode built;
  std::vector<Value> outputs;
  try {
    built = build_node(c);
    outputs = run_node(*built.node, deep_copies(c.inputs));
  } catch (const std::exception& e) {
    return skip(r, std::string("perform does not run (see the perform check): ") + e.what());
  }
  for (const Value& v : c.inputs) {
    if (!v.is_array()) return skip(r, "an input is not an array");
  }
  ShapeGraph g;
  try {
    auto inferred = c.op->infer_shape(*built.node, dim_variables(built, c, g));
    if (!inferred) return skip(r, "the op does not implement infer_shape");
    g.outputs = std::move(*inferred);
  } catch (const std::exception& e) {
    return fail(r, std::string("infer_shape threw: ") + e.what());
  }
  if (g.outputs.size() != outputs.size()) {
    return fail(r, "infer_shape returned " + std::to_string(g.outputs.size()) + " shapes for " +
                       std::to_string(outputs.size()) + " outputs");
  }
  std::vector<Out> wanted;
  for (const ShapeVars& dims : g.outputs)
    for (const Var& d : dims)
      if (d) wanted.emplace_back(d);
  std::vector<Value> values;
  try {
    std::vector<In> ins(built.inputs.begin(), built.inputs.end());
    ins.insert(ins.end(), g.dim_inputs.begin(), g.dim_inputs.end());
    std::vector<Value> args = c.inputs;
    args.insert(args.end(), g.dim_values.begin(), g.dim_values.end());
    FunctionOptions fo;
    fo.mode = options.grad.mode;
    fo.on_unused_input = "ignore";
    if (!wanted.empty()) values = function(ins, wanted, fo)(deep_copies(args));
  } catch (const std::exception& e) {
    return fail(r,
                std::string("the shape graph infer_shape built cannot be evaluated: ") + e.what());
  }
  std::size_t next = 0;
  for (std::size_t k = 0; k < outputs.size(); ++k) {
    std::vector<std::optional<std::int64_t>> predicted;
    for (const Var& d : g.outputs[k]) {
      predicted.push_back(d ? std::optional(values[next++].array().item<std::int64_t>())
                            : std::nullopt);
    }
    if (!outputs[k].is_array()) continue;
    const Shape& actual = outputs[k].array().shape();
    bool agree = predicted.size() == actual.size();
    for (std::size_t d = 0; agree && d < predicted.size(); ++d)
      agree = !predicted[d] || *predicted[d] == actual[d];
    if (!agree) {
      r.expected = shape_str(actual);
      r.actual = dims_str(predicted);
      return fail(r, "infer_shape says output " + std::to_string(k) + " has shape " + r.actual +
                         " but perform produced " + r.expected + " (inputs " +
                         values_summary(c.inputs) + ")");
    }
  }
  return r;
}

}  // namespace theano::testing
