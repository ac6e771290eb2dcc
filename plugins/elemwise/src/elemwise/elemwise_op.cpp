// Elemwise: building nodes, props, execution and shapes.
#include "elemwise_op.h"

#include <typeinfo>

#include "../dimshuffle/dimshuffle_op.h"
#include "theano/core/registry.h"
#include "theano/optdb/destroy_handler.h"

namespace theano::elemwise {

ElemwiseOp::ElemwiseOp(std::shared_ptr<const ScalarOp> scalar, InplacePattern inplace)
    : scalar_(std::move(scalar)), inplace_(std::move(inplace)) {
  if (!scalar_) throw ValueError("Elemwise: null scalar op");
  scalar_name_ = scalar_->scalar_name();
  for (const auto& [o, i] : inplace_) {
    if (o < 0 || o >= scalar_->nout() || i < 0 || (scalar_->nin() >= 0 && i >= scalar_->nin())) {
      throw ValueError("Elemwise{" + scalar_->display() + "}: bad inplace pattern entry (" +
                       std::to_string(o) + ", " + std::to_string(i) + ")");
    }
  }
}

OpPtr ElemwiseOp::from_props(const Props& props) {
  Props scalar_props;
  InplacePattern inplace;
  for (const auto& [key, value] : props.items()) {
    if (key == "scalar_op") continue;
    if (key == "inplace_pattern") {
      for (const auto& pair : value.as<PropList>()) {
        auto io = pair.as_ints();
        if (io.size() != 2)
          throw ValueError("Elemwise: inplace_pattern entries are (output, input)");
        inplace.emplace_back(static_cast<int>(io[0]), static_cast<int>(io[1]));
      }
      continue;
    }
    scalar_props.set(key, value);
  }
  const std::string& name = props.get_as<std::string>("scalar_op");
  OpPtr op = Registry::global().make_op("scalar." + name, scalar_props);
  auto scalar = std::dynamic_pointer_cast<const ScalarOp>(op);
  if (!scalar) throw TypeError("Elemwise: op scalar." + name + " is not a scalar op");
  return std::make_shared<ElemwiseOp>(std::move(scalar), std::move(inplace));
}

Props ElemwiseOp::props() const {
  Props p{{"scalar_op", scalar_name_}};
  Props scalar_props = scalar_->props();
  for (const auto& [k, v] : scalar_props.items()) p.set(k, v);
  PropList pattern;
  for (const auto& [o, i] : inplace_) pattern.push_back(PropValue::ints({o, i}));
  p.set("inplace_pattern", pattern);
  return p;
}

std::string ElemwiseOp::display() const {
  if (inplace_.empty()) return "Elemwise{" + scalar_->display() + ",no_inplace}";
  std::string s = "Elemwise{" + scalar_->display() + "}[";
  for (std::size_t k = 0; k < inplace_.size(); ++k)
    s += (k ? ", " : "") + std::string("(") + std::to_string(inplace_[k].first) + ", " +
         std::to_string(inplace_[k].second) + ")";
  return s + "]";
}

StaticShape broadcast_static(const std::string& op, const std::vector<StaticShape>& shapes) {
  return broadcast_static([&op] { return op; }, shapes);
}

StaticShape broadcast_static(const std::function<std::string()>& op_name,
                             const std::vector<StaticShape>& shapes) {
  std::size_t nd = shapes.empty() ? 0 : shapes[0].size();
  StaticShape out(nd, StaticDim(1));
  for (std::size_t d = 0; d < nd; ++d) {
    int owner = -1;
    bool all_one = true;
    for (std::size_t i = 0; i < shapes.size(); ++i) {
      const StaticDim& s = shapes[i][d];
      if (s == 1) continue;
      all_one = false;
      if (!s) continue;
      if (owner >= 0 && *out[d] != *s) {
        throw ValueError(op_name() + ": static shapes " + static_shape_str(shapes[owner]) +
                         " (input " + std::to_string(owner) + ") and " +
                         static_shape_str(shapes[i]) + " (input " + std::to_string(i) +
                         ") cannot be broadcast: dimension " + std::to_string(d) + " is " +
                         std::to_string(*out[d]) + " vs " + std::to_string(*s));
      }
      out[d] = s;
      owner = static_cast<int>(i);
    }
    if (!all_one && owner < 0) out[d] = std::nullopt;
  }
  return out;
}

ApplyPtr ElemwiseOp::make_node(std::vector<Var> inputs) const {
  if (scalar_->nin() >= 0 && static_cast<int>(inputs.size()) != scalar_->nin()) {
    throw TypeError(display() + ": expected " + std::to_string(scalar_->nin()) + " inputs, got " +
                    std::to_string(inputs.size()));
  }
  if (inputs.empty()) throw TypeError(display() + ": needs at least one input");
  int ndim = 0;
  std::vector<DType> dtypes;
  std::vector<const TensorType*> types;  // the inputs' types (they own them)
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    auto tt = as_tensor_type(inputs[i]->type());
    if (!tt) throw_input_type_error(*this, static_cast<int>(i), "a tensor", inputs[i]->type());
    types.push_back(tt.get());
    if (tt->device() != types[0]->device()) {
      throw TypeError(display() + ": inputs on different devices: input 0 on " +
                      types[0]->device().str() + ", input " + std::to_string(i) + " on " +
                      tt->device().str());
    }
    ndim = std::max(ndim, tt->ndim());
    dtypes.push_back(tt->dtype());
  }
  std::vector<StaticShape> shapes;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    Var& in = inputs[i];
    if (types[i]->ndim() < ndim) {
      in = pad_left(in, ndim - types[i]->ndim());
      shapes.push_back(as_tensor_type(in->type())->shape());
    } else {
      shapes.push_back(types[i]->shape());
    }
  }
  StaticShape out_shape = broadcast_static([this] { return display(); }, shapes);
  std::vector<DType> out_dtypes = scalar_->output_dtypes(dtypes);
  scalar_->make_loop(scalar_->loop_signature(dtypes));  // refuses unsupported dtypes now
  Device device = as_tensor_type(inputs[0]->type())->device();
  std::vector<TypePtr> out_types;
  for (DType d : out_dtypes) out_types.push_back(TensorType::make(d, out_shape, device));
  for (const auto& [o, i] : inplace_) {
    if (!same_type(inputs[i]->type(), out_types[o])) {
      throw TypeError(display() + ": output " + std::to_string(o) + " (" + out_types[o]->str() +
                      ") cannot overwrite input " + std::to_string(i) + " of type " +
                      inputs[i]->type()->str() + ": the types must be equal");
    }
  }
  return build(std::move(inputs), std::move(out_types));
}

void ElemwiseOp::perform(const Apply& node, InputRefs inputs, OutputRefs outputs) const {
  run_plan(make_plan(node, *scalar_, inplace_), inputs, outputs);
}

void ElemwiseOp::precheck(const Apply& node, InputRefs inputs) const {
  checked_shape(make_plan(node, *scalar_, inplace_), inputs);
}

std::optional<Thunk> ElemwiseOp::make_thunk(const Apply& node) const {
  auto plan = std::make_shared<const ElemwisePlan>(make_plan(node, *scalar_, inplace_));
  return Thunk([plan](InputRefs in, OutputRefs out) { run_plan(*plan, in, out); });
}

std::optional<std::vector<ShapeVars>> ElemwiseOp::infer_shape(
    const Apply& node, const std::vector<ShapeVars>& input_shapes) const {
  auto out_type = as_tensor_type(node.out(0)->type());
  ShapeVars shape;
  for (int d = 0; d < out_type->ndim(); ++d) {
    Var dim;
    for (int i = 0; i < node.nin() && !dim; ++i) {
      if (as_tensor_type(node.input(i)->type())->shape()[d] != 1) dim = input_shapes[i][d];
    }
    if (!dim)
      dim = Constant::make(TensorType::make(DType::Int64, StaticShape{}),
                           NDArray::scalar<std::int64_t>(1));
    shape.push_back(dim);
  }
  return std::vector<ShapeVars>(node.nout(), shape);
}

std::vector<std::vector<bool>> ElemwiseOp::connection_pattern(const Apply& node) const {
  auto pattern = Op::connection_pattern(node);
  if (scalar_->scalar_name() == "second") pattern[0].assign(node.nout(), false);
  return pattern;
}

IOMap ElemwiseOp::destroy_map() const {
  IOMap m;
  for (const auto& [o, i] : inplace_) m.push_back({o, {i}});
  return m;
}

std::vector<std::pair<int, int>> ElemwiseOp::inplace_candidates(const Apply& node) const {
  std::vector<std::pair<int, int>> out;
  auto destroyed = [&](int i) {
    for (const auto& [o, d] : inplace_) {
      if (d == i) return true;
    }
    return false;
  };
  auto output_taken = [&](int k) {
    for (const auto& [o, d] : inplace_) {
      if (o == k) return true;
    }
    return false;
  };
  for (int k = 0; k < node.nout(); ++k) {
    if (output_taken(k)) continue;
    for (int i = 0; i < node.nin(); ++i) {
      if (destroyed(i) || !same_type(node.input(i)->type(), node.out(k)->type())) continue;
      Variable* root = optdb::DestroyHandler::view_root(node.input(i).get());
      bool shared = false;
      for (int j = 0; j < node.nin() && !shared; ++j)
        shared = j != i && optdb::DestroyHandler::view_root(node.input(j).get()) == root;
      if (!shared) out.emplace_back(k, i);
    }
  }
  return out;
}

OpPtr ElemwiseOp::with_inplace(const Apply&, int output, int input) const {
  InplacePattern pattern = inplace_;
  pattern.emplace_back(output, input);
  return std::make_shared<ElemwiseOp>(scalar_, std::move(pattern));
}

const ElemwiseOp* as_elemwise(const Apply* node) {
  // ElemwiseOp is final: comparing the dynamic type is exact, and cheaper
  // than dynamic_cast's walk over its bases (rewrites ask for every node).
  if (!node || typeid(node->op()) != typeid(ElemwiseOp)) return nullptr;
  return static_cast<const ElemwiseOp*>(&node->op());
}

}  // namespace theano::elemwise
