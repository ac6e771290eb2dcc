// CAReduce: props, node building, shapes and execution.
#include "careduce_op.h"

#include <algorithm>

#include "../dimshuffle/dimshuffle_op.h"
#include "../elemwise/elemwise_op.h"
#include "../scalar/composite.h"
#include "reduce_engine.h"

namespace theano::elemwise {

CAReduceOp::CAReduceOp(ReduceSpec spec) : spec_(std::move(spec)) {
  std::sort(spec_.axes.begin(), spec_.axes.end());
  if (std::adjacent_find(spec_.axes.begin(), spec_.axes.end()) != spec_.axes.end())
    throw ValueError("CAReduce: an axis is repeated in " + PropValue::ints(spec_.axes).str());
  for (std::int64_t a : spec_.axes)
    if (a < 0)
      throw ValueError("CAReduce: axes must be normalised (>= 0), got " + std::to_string(a));
  if (!reduce_kernels(spec_.op, spec_.acc_dtype, spec_.acc_dtype)) {
    throw TypeError("CAReduce{" + reduce_op_name(spec_.op) + "}: accumulator dtype " +
                    std::string(dtype_name(spec_.acc_dtype)) +
                    " is not supported by this operation");
  }
}

OpPtr CAReduceOp::from_props(const Props& p) {
  ReduceSpec s;
  s.op = parse_reduce_op(p.get_as<std::string>("scalar_op"));
  s.axes = p.get("axis").as_ints();
  s.dtype = p.get_as<DType>("dtype");
  s.acc_dtype = p.contains("acc_dtype") ? p.get_as<DType>("acc_dtype") : s.dtype;
  if (p.contains("pre")) s.pre = p.get_as<std::shared_ptr<const FunctionGraph>>("pre");
  return std::make_shared<CAReduceOp>(std::move(s));
}

Props CAReduceOp::props() const {
  Props p{{"scalar_op", reduce_op_name(spec_.op)},
          {"axis", PropValue::ints(spec_.axes)},
          {"dtype", spec_.dtype},
          {"acc_dtype", spec_.acc_dtype}};
  if (spec_.pre) p.set("pre", spec_.pre);
  return p;
}

std::string CAReduceOp::display() const {
  static const char* names[] = {"Sum", "Prod", "Max", "Min", "All", "Any", "XorReduce"};
  std::string s =
      std::string(names[static_cast<int>(spec_.op)]) + "{axis=" + PropValue::ints(spec_.axes).str();
  if (spec_.acc_dtype != spec_.dtype) s += ",acc_dtype=" + std::string(dtype_name(spec_.acc_dtype));
  if (spec_.pre) s += ",pre=" + CompositeOp(spec_.pre).display();
  return s + "}";
}

ApplyPtr CAReduceOp::make_node(std::vector<Var> inputs) const {
  std::size_t expected = spec_.pre ? spec_.pre->inputs().size() : 1;
  if (inputs.size() != expected) {
    throw TypeError(display() + ": expected " + std::to_string(expected) + " inputs, got " +
                    std::to_string(inputs.size()));
  }
  int ndim = 0;
  std::vector<DType> dtypes;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    auto tt = as_tensor_type(inputs[i]->type());
    if (!tt) throw_input_type_error(*this, static_cast<int>(i), "a tensor", inputs[i]->type());
    ndim = std::max(ndim, tt->ndim());
    dtypes.push_back(tt->dtype());
  }
  std::vector<StaticShape> shapes;
  for (auto& in : inputs) {
    int nd = as_tensor_type(in->type())->ndim();
    if (nd < ndim) in = pad_left(in, ndim - nd);
    shapes.push_back(as_tensor_type(in->type())->shape());
  }
  StaticShape shape = broadcast_static([this] { return display(); }, shapes);
  DType value = dtypes[0];
  if (spec_.pre) value = CompositeOp(spec_.pre).output_dtypes(dtypes).at(0);
  if (is_complex(value) && (spec_.op == ReduceOp::Max || spec_.op == ReduceOp::Min))
    throw TypeError(display() + ": complex numbers have no order");
  StaticShape out;
  for (int d = 0; d < ndim; ++d) {
    if (std::find(spec_.axes.begin(), spec_.axes.end(), d) == spec_.axes.end())
      out.push_back(shape[d]);
  }
  for (std::int64_t a : spec_.axes) {
    if (a >= ndim) {
      throw ValueError(display() + ": axis " + std::to_string(a) +
                       " is out of range for an input of " + std::to_string(ndim) +
                       " dimensions (" + inputs[0]->type()->str() + ")");
    }
  }
  Device device = as_tensor_type(inputs[0]->type())->device();
  return build(std::move(inputs), {TensorType::make(spec_.dtype, std::move(out), device)});
}

void CAReduceOp::perform(const Apply& node, InputRefs inputs, OutputRefs outputs) const {
  run_reduce(make_reduce_plan(node, spec_), inputs, outputs);
}

std::optional<Thunk> CAReduceOp::make_thunk(const Apply& node) const {
  auto plan = std::make_shared<const ReducePlan>(make_reduce_plan(node, spec_));
  return Thunk([plan](InputRefs in, OutputRefs out) { run_reduce(*plan, in, out); });
}

std::optional<std::vector<ShapeVars>> CAReduceOp::infer_shape(
    const Apply& node, const std::vector<ShapeVars>& input_shapes) const {
  ShapeVars out;
  int ndim = as_tensor_type(node.input(0)->type())->ndim();
  for (int d = 0; d < ndim; ++d) {
    if (std::find(spec_.axes.begin(), spec_.axes.end(), d) != spec_.axes.end()) continue;
    Var dim;
    for (int i = 0; i < node.nin() && !dim; ++i)
      if (as_tensor_type(node.input(i)->type())->shape()[d] != 1) dim = input_shapes[i][d];
    if (!dim) dim = input_shapes[0][d];
    out.push_back(dim);
  }
  return std::vector<ShapeVars>{out};
}

}  // namespace theano::elemwise
