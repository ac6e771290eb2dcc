// The test ops: make_node, perform, infer_shape, gradients, in-place variants.
#include "ot_ops_impl.h"

#include <cmath>

#include "theano/core/registry.h"

namespace ot {

namespace {

using namespace theano;

std::shared_ptr<const TensorType> float_input(const Op& op, const Var& v, int i) {
  auto t = as_tensor_type(v->type());
  if (!t || !is_float(t->dtype())) throw_input_type_error(op, i, "a float tensor", v->type());
  return t;
}

template <class T>
T eval(const std::string& fn, T a, T b) {
  if (fn == "Add") return a + b;
  if (fn == "Sub") return a - b;
  if (fn == "Mul") return a * b;
  if (fn == "Div") return a / b;
  if (fn == "Neg") return -a;
  if (fn == "Log") return std::log(a);
  if (fn == "Exp") return std::exp(a);
  return std::log1p(a);
}

// A 0-d input when another input is not: how many of the first input's
// elements each step covers (0 = broadcast the single value).
Var reduce_to(const Var& g, const Var& like) {
  auto t = as_tensor_type(like->type());
  auto tg = as_tensor_type(g->type());
  if (t->ndim() == 0 && tg->ndim() > 0) return sum(g);
  return g;
}

}  // namespace

int ElemOp::arity() const {
  return fn_ == "Neg" || fn_ == "Log" || fn_ == "Exp" || fn_ == "Log1p" ? 1 : 2;
}

ApplyPtr ElemOp::make_node(std::vector<Var> inputs) const {
  if (static_cast<int>(inputs.size()) != arity()) {
    throw ValueError(display() + " takes " + std::to_string(arity()) + " inputs, got " +
                     std::to_string(inputs.size()));
  }
  std::shared_ptr<const TensorType> out;
  for (int i = 0; i < arity(); ++i) {
    auto t = float_input(*this, inputs[i], i);
    if (!out || (out->ndim() == 0 && t->ndim() > 0))
      out = t;
    else if (t->ndim() > 0 && (t->ndim() != out->ndim() || t->dtype() != out->dtype()))
      throw_input_type_error(*this, i, out->str(), inputs[i]->type());
  }
  return build(std::move(inputs), {out});
}

void ElemOp::perform(const Apply&, InputRefs in, OutputRefs out) const {
  ++performs;
  std::vector<NDArray> args;
  Shape shape;
  for (std::size_t i = 0; i < in.size(); ++i) {
    args.push_back(in[i].array().ascontiguous());
    if (args.back().ndim() > 0) {
      if (!shape.empty() && shape != args.back().shape())
        throw ValueError(display() + ": shape mismatch " + shape_str(shape) + " vs " +
                         shape_str(args.back().shape()));
      shape = args.back().shape();
    }
  }
  DType dtype = args[0].dtype();
  for (const auto& a : args)
    if (a.ndim() > 0) dtype = a.dtype();
  NDArray z;
  if (inplace_ >= 0 && in[inplace_].array().is_c_contiguous() &&
      in[inplace_].array().shape() == shape)
    z = in[inplace_].array();
  else
    z = NDArray::empty(dtype, shape);
  visit_dtype(dtype, [&](auto tag) {
    using T = typename decltype(tag)::type;
    if constexpr (std::is_floating_point_v<T>) {
      const T* a = args[0].data<T>();
      const T* b = args.size() > 1 ? args[1].data<T>() : a;
      std::int64_t sa = args[0].ndim() > 0 ? 1 : 0;
      std::int64_t sb = args.size() > 1 && args[1].ndim() > 0 ? 1 : 0;
      T* o = z.data<T>();
      for (std::int64_t k = 0; k < z.size(); ++k) o[k] = eval<T>(fn_, a[k * sa], b[k * sb]);
    } else {
      throw TypeError(display() + ": unsupported dtype");
    }
  });
  out[0] = Value(z);
}

std::optional<std::vector<ShapeVars>> ElemOp::infer_shape(
    const Apply& node, const std::vector<ShapeVars>& shapes) const {
  for (int i = 0; i < node.nin(); ++i)
    if (!shapes[i].empty()) return std::vector<ShapeVars>{shapes[i]};
  return std::vector<ShapeVars>{ShapeVars{}};
}

std::vector<Var> ElemOp::L_op(const Apply& node, const std::vector<Var>& grads) const {
  const Var& g = grads[0];
  const Var& a = node.input(0);
  if (fn_ == "Neg") return {neg(g)};
  if (fn_ == "Log") return {div(g, a)};
  if (fn_ == "Exp") return {mul(g, node.output(0))};
  if (fn_ == "Log1p") return {div(g, add(constant(1), a))};
  const Var& b = node.input(1);
  std::vector<Var> r;
  if (fn_ == "Add")
    r = {g, g};
  else if (fn_ == "Sub")
    r = {g, neg(g)};
  else if (fn_ == "Mul")
    r = {mul(g, b), mul(g, a)};
  else
    r = {div(g, b), neg(div(mul(g, a), mul(b, b)))};
  return {reduce_to(r[0], a), reduce_to(r[1], b)};
}

std::vector<std::pair<int, int>> ElemOp::inplace_candidates(const Apply& node) const {
  std::vector<std::pair<int, int>> out;
  if (inplace_ >= 0) return out;
  for (int i = 0; i < node.nin(); ++i)
    if (same_type(node.input(i)->type(), node.out(0)->type())) out.emplace_back(0, i);
  return out;
}

OpPtr ElemOp::with_inplace(const Apply&, int output, int input) const {
  if (output != 0) return nullptr;
  return op(fn_, input);
}

ApplyPtr SumOp::make_node(std::vector<Var> inputs) const {
  if (inputs.size() != 1) throw ValueError("OTSum takes 1 input");
  auto t = float_input(*this, inputs[0], 0);
  return build(std::move(inputs), {TensorType::make(t->dtype(), StaticShape{})});
}

void SumOp::perform(const Apply&, InputRefs in, OutputRefs out) const {
  ++performs;
  NDArray a = in[0].array().astype(DType::Float64).ascontiguous();
  double s = 0;
  for (double x : a.to_vector<double>()) s += x;
  out[0] = Value(NDArray::scalar<double>(s).astype(in[0].array().dtype()));
}

std::optional<std::vector<ShapeVars>> SumOp::infer_shape(const Apply&,
                                                         const std::vector<ShapeVars>&) const {
  return std::vector<ShapeVars>{ShapeVars{}};
}

std::vector<Var> SumOp::L_op(const Apply& node, const std::vector<Var>& grads) const {
  return {fill(grads[0], node.input(0))};
}

ApplyPtr FillOp::make_node(std::vector<Var> inputs) const {
  if (inputs.size() != 2) throw ValueError("OTFill takes 2 inputs");
  float_input(*this, inputs[0], 0);
  auto like = float_input(*this, inputs[1], 1);
  return build(std::move(inputs), {like});
}

void FillOp::perform(const Apply&, InputRefs in, OutputRefs out) const {
  ++performs;
  const NDArray& like = in[1].array();
  out[0] = Value(NDArray::full(like.dtype(), like.shape(), in[0].array().item<double>()));
}

std::optional<std::vector<ShapeVars>> FillOp::infer_shape(
    const Apply&, const std::vector<ShapeVars>& shapes) const {
  return std::vector<ShapeVars>{shapes[1]};
}

std::vector<Var> FillOp::L_op(const Apply&, const std::vector<Var>& grads) const {
  return {sum(grads[0]), grad_undefined(1, "OTFill ignores the values of its second input")};
}

}  // namespace ot
