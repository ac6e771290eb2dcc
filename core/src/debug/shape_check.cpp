// infer_shape against actual shapes (see shape_check.h).
#include "shape_check.h"

#include "reference_eval.h"

namespace theano::debug {

std::optional<ShapeCheck> ShapeCheck::prepare(const Apply& node) {
  ShapeCheck sc;
  auto dim_type = TensorType::make(DType::Int64, 0);
  for (int i = 0; i < node.nin(); ++i) {
    ShapeVars dims;
    if (auto t = as_tensor_type(node.input(i)->type())) {
      for (int d = 0; d < t->ndim(); ++d) {
        Var v =
            Variable::make(dim_type, node.input(i)->str() + ".shape[" + std::to_string(d) + "]");
        // A test value lets infer_shape build its graph under compute_test_value=raise.
        v->tag().test_value = Value(NDArray::scalar<std::int64_t>(t->shape()[d].value_or(1)));
        dims.push_back(std::move(v));
      }
    }
    sc.input_dims_.push_back(std::move(dims));
  }
  try {
    auto out = node.op().infer_shape(node, sc.input_dims_);
    if (!out) return std::nullopt;
    sc.output_dims_ = std::move(*out);
  } catch (const std::exception&) {
    return std::nullopt;
  }
  return sc;
}

namespace {

std::string predicted_str(const std::vector<std::optional<std::int64_t>>& dims) {
  std::string s = "(";
  for (std::size_t d = 0; d < dims.size(); ++d)
    s += (d ? ", " : "") + (dims[d] ? std::to_string(*dims[d]) : std::string("?"));
  return s + (dims.size() == 1 ? ",)" : ")");
}

}  // namespace

std::optional<std::string> ShapeCheck::check(const std::vector<Value>& inputs,
                                             OutputRefs outputs) const {
  if (output_dims_.size() != outputs.size()) {
    return "infer_shape returned " + std::to_string(output_dims_.size()) + " shapes for " +
           std::to_string(outputs.size()) + " outputs";
  }
  ReferenceEvaluator ev;
  for (std::size_t i = 0; i < input_dims_.size(); ++i) {
    const ShapeVars& dims = input_dims_[i];
    if (dims.empty()) continue;
    if (!inputs[i].is_array() || inputs[i].array().ndim() != static_cast<int>(dims.size()))
      return std::nullopt;
    for (std::size_t d = 0; d < dims.size(); ++d)
      ev.bind(dims[d].get(), Value(NDArray::scalar<std::int64_t>(inputs[i].array().shape()[d])));
  }
  for (std::size_t k = 0; k < outputs.size(); ++k) {
    if (!outputs[k].is_array()) continue;
    const Shape& actual = outputs[k].array().shape();
    const ShapeVars& dims = output_dims_[k];
    std::vector<std::optional<std::int64_t>> predicted(dims.size());
    bool agree = dims.size() == actual.size();
    try {
      for (std::size_t d = 0; d < dims.size(); ++d) {
        if (!dims[d]) continue;
        const Value& v = ev.eval(dims[d].get());
        predicted[d] = v.array().item<std::int64_t>();
        if (d < actual.size() && *predicted[d] != actual[d]) agree = false;
      }
    } catch (const std::exception&) {
      return std::nullopt;  // the shape graph cannot be evaluated for these inputs
    }
    if (!agree) {
      return "infer_shape says output " + std::to_string(k) + " has shape " +
             predicted_str(predicted) + ", but the kernel produced shape " + shape_str(actual);
    }
  }
  return std::nullopt;
}

}  // namespace theano::debug
