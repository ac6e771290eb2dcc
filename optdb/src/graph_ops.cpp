// Shape, Shape_i, DeepCopyOp and ViewOp.
#include "theano/optdb/graph_ops.h"

namespace theano::optdb {

namespace {

std::shared_ptr<const TensorType> tensor_input(const Op& op, const std::vector<Var>& inputs) {
  if (inputs.size() != 1) {
    throw TypeError(op.display() + ": expected 1 input, got " + std::to_string(inputs.size()));
  }
  auto tt = as_tensor_type(inputs[0]->type());
  if (!tt) throw_input_type_error(op, 0, "a tensor", inputs[0]->type());
  return tt;
}

class ShapeOp final : public Op {
 public:
  std::string name() const override { return "Shape"; }
  ApplyPtr make_node(std::vector<Var> inputs) const override {
    auto tt = tensor_input(*this, inputs);
    auto out = TensorType::make(DType::Int64, StaticShape{tt->ndim()}, Device::cpu());
    return build(std::move(inputs), {out});
  }
  void perform(const Apply&, InputRefs in, OutputRefs out) const override {
    const Shape& s = in[0].array().shape();
    out[0] =
        Value(NDArray::from_vector(std::vector<std::int64_t>(s), Shape{std::int64_t(s.size())}));
  }
  std::optional<std::vector<ShapeVars>> infer_shape(
      const Apply&, const std::vector<ShapeVars>& in) const override {
    return std::vector<ShapeVars>{{int64_constant(static_cast<std::int64_t>(in.at(0).size()))}};
  }
  std::vector<std::vector<bool>> connection_pattern(const Apply&) const override {
    return {{false}};
  }
  std::vector<Var> L_op(const Apply&, const std::vector<Var>&) const override {
    return {Variable::make(DisconnectedType::make())};
  }
};

class ShapeIOp final : public Op {
 public:
  explicit ShapeIOp(int axis) : axis_(axis) {}
  std::string name() const override { return "Shape_i"; }
  Props props() const override { return Props{{"i", axis_}}; }
  ApplyPtr make_node(std::vector<Var> inputs) const override {
    auto tt = tensor_input(*this, inputs);
    if (axis_ < 0 || axis_ >= tt->ndim()) {
      throw ValueError(display() + ": axis " + std::to_string(axis_) + " is out of range for " +
                       tt->str());
    }
    return build(std::move(inputs), {shape_scalar_type()});
  }
  void perform(const Apply&, InputRefs in, OutputRefs out) const override {
    out[0] = Value(NDArray::scalar<std::int64_t>(in[0].array().dim(axis_)));
  }
  std::optional<std::vector<ShapeVars>> infer_shape(const Apply&,
                                                    const std::vector<ShapeVars>&) const override {
    return std::vector<ShapeVars>{{}};
  }
  std::vector<std::vector<bool>> connection_pattern(const Apply&) const override {
    return {{false}};
  }
  std::vector<Var> L_op(const Apply&, const std::vector<Var>&) const override {
    return {Variable::make(DisconnectedType::make())};
  }

 private:
  int axis_;
};

// ViewOp (alias) and DeepCopyOp (copy): identity on values of any type.
class IdentityOp final : public Op {
 public:
  explicit IdentityOp(bool copy) : copy_(copy) {}
  std::string name() const override { return copy_ ? "DeepCopyOp" : "ViewOp"; }
  ApplyPtr make_node(std::vector<Var> inputs) const override {
    if (inputs.size() != 1) {
      throw TypeError(name() + ": expected 1 input, got " + std::to_string(inputs.size()));
    }
    TypePtr t = inputs[0]->type();
    return build(std::move(inputs), {t});
  }
  void perform(const Apply&, InputRefs in, OutputRefs out) const override {
    out[0] = copy_ ? in[0].deep_copy() : in[0];
  }
  IOMap view_map() const override { return copy_ ? IOMap{} : IOMap{{0, {0}}}; }
  std::optional<std::vector<ShapeVars>> infer_shape(
      const Apply&, const std::vector<ShapeVars>& in) const override {
    return std::vector<ShapeVars>{in.at(0)};
  }
  std::vector<Var> L_op(const Apply&, const std::vector<Var>& grads) const override {
    return {grads.at(0)};
  }

 private:
  bool copy_;
};

}  // namespace

TypePtr shape_scalar_type() {
  static const TypePtr t = TensorType::make(DType::Int64, StaticShape{}, Device::cpu());
  return t;
}

Var int64_constant(std::int64_t value) {
  return Constant::make(shape_scalar_type(), Value(NDArray::scalar<std::int64_t>(value)));
}

OpPtr shape_op() {
  static const OpPtr op = std::make_shared<ShapeOp>();
  return op;
}

OpPtr shape_i_op(int axis) {
  return std::make_shared<ShapeIOp>(axis);
}

OpPtr deep_copy_op() {
  static const OpPtr op = std::make_shared<IdentityOp>(true);
  return op;
}

OpPtr view_op() {
  static const OpPtr op = std::make_shared<IdentityOp>(false);
  return op;
}

Var shape(const Var& x) {
  return shape_op()->make_node({x})->output(0);
}

Var shape_i(const Var& x, int axis) {
  return shape_i_op(axis)->make_node({x})->output(0);
}

}  // namespace theano::optdb
