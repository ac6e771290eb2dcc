// Input checks and constant introspection for the structural ops.
#include "common.h"

#include "ops.h"
#include "theano/core/config.h"
#include "theano/tensor.h"

namespace theano::tensor_ops {

namespace T = theano::tensor;

std::shared_ptr<const TensorType> tensor_input(const Op& op, const std::vector<Var>& inputs,
                                               int i) {
  auto tt = as_tensor_type(inputs.at(i)->type());
  if (!tt) throw_input_type_error(op, i, "a tensor", inputs[i]->type());
  return tt;
}

void require_arity(const Op& op, const std::vector<Var>& inputs, std::size_t n) {
  if (inputs.size() != n) {
    throw TypeError(op.display() + ": expected " + std::to_string(n) + " inputs, got " +
                    std::to_string(inputs.size()));
  }
}

void require_int_scalar(const Op& op, const std::vector<Var>& inputs, int i, const char* what) {
  auto tt = as_tensor_type(inputs.at(i)->type());
  if (!tt || tt->ndim() != 0 || !is_int(tt->dtype()))
    throw_input_type_error(op, i, std::string("a 0-d integer tensor (") + what + ")",
                           inputs[i]->type());
}

std::optional<std::int64_t> require_int_vector(const Op& op, const std::vector<Var>& inputs, int i,
                                               const char* what) {
  auto tt = as_tensor_type(inputs.at(i)->type());
  if (!tt || tt->ndim() != 1 || !is_int(tt->dtype()))
    throw_input_type_error(op, i, std::string("an integer vector (") + what + ")",
                           inputs[i]->type());
  return tt->shape()[0];
}

std::optional<std::int64_t> constant_int(const Var& v) {
  auto* c = dynamic_cast<const Constant*>(v.get());
  if (!c || !c->value().is_array()) return std::nullopt;
  const NDArray& a = c->value().array();
  if (a.ndim() != 0 || !is_int(a.dtype())) return std::nullopt;
  return a.item<std::int64_t>();
}

std::optional<std::vector<std::optional<std::int64_t>>> constant_entries(const Var& v) {
  using Entries = std::vector<std::optional<std::int64_t>>;
  if (auto* c = dynamic_cast<const Constant*>(v.get()); c && c->value().is_array()) {
    const NDArray& a = c->value().array();
    if (a.ndim() != 1) return std::nullopt;
    Entries out;
    for (std::int64_t x : a.to_vector<std::int64_t>()) out.push_back(x);
    return out;
  }
  Apply* n = v->owner();
  if (n && n->op().name() == "Shape") {  // the static dims of the measured tensor
    const StaticShape& s = as_tensor_type(n->input(0)->type())->shape();
    return Entries(s.begin(), s.end());
  }
  if (n && n->op().name() == "MakeVector") {
    Entries out;
    for (const Var& in : n->inputs()) out.push_back(constant_int(in));
    return out;
  }
  auto tt = as_tensor_type(v->type());
  if (tt && tt->ndim() == 1 && tt->shape()[0])
    return Entries(static_cast<std::size_t>(*tt->shape()[0]), std::nullopt);
  return std::nullopt;
}

std::optional<std::vector<std::int64_t>> constant_ints(const Var& v) {
  auto entries = constant_entries(v);
  if (!entries) return std::nullopt;
  std::vector<std::int64_t> out;
  for (const auto& e : *entries) {
    if (!e) return std::nullopt;
    out.push_back(*e);
  }
  return out;
}

Var int64_scalar(std::int64_t value) {
  return Constant::make(TensorType::make(DType::Int64, StaticShape{}),
                        Value(NDArray::scalar<std::int64_t>(value)));
}

Var int64_vector(const std::vector<std::int64_t>& values) {
  auto n = static_cast<std::int64_t>(values.size());
  return Constant::make(TensorType::make(DType::Int64, StaticShape{n}),
                        Value(NDArray::from_vector(values, Shape{n})));
}

std::int64_t scalar_value(const Value& v) {
  return v.array().item<std::int64_t>();
}

std::vector<std::int64_t> vector_values(const Value& v) {
  return v.array().to_vector<std::int64_t>();
}

int normalize_axis(std::int64_t axis, int ndim, const std::string& context) {
  std::int64_t a = axis < 0 ? axis + ndim : axis;
  if (a < 0 || a >= ndim) {
    throw ValueError(context + ": axis " + std::to_string(axis) +
                     " is out of range for a tensor of " + std::to_string(ndim) + " dimensions");
  }
  return static_cast<int>(a);
}

std::optional<std::vector<Var>> symbolic_entries(const Var& v) {
  if (auto c = constant_ints(v); c && dynamic_cast<const Constant*>(v.get())) {
    std::vector<Var> out;
    for (std::int64_t x : *c) out.push_back(int64_scalar(x));
    return out;
  }
  Apply* n = v->owner();
  if (!n || n->op().name() != "MakeVector") return std::nullopt;
  std::vector<Var> out;
  for (const Var& in : n->inputs()) out.push_back(as_int64(in));
  return out;
}

Var as_int64(const Var& s) {
  auto tt = as_tensor_type(s->type());
  if (tt && tt->dtype() == DType::Int64) return s;
  if (auto c = constant_int(s)) return int64_scalar(*c);
  return T::cast(s, DType::Int64).var();
}

Var shape_vector(const Var& x) {
  auto tt = as_tensor_type(x->type());
  std::vector<std::int64_t> known;
  for (const StaticDim& d : tt->shape()) {
    if (!d) return T::shape(x).var();
    known.push_back(*d);
  }
  return int64_vector(known);
}

Var shape_dim(const Var& x, int d) {
  auto tt = as_tensor_type(x->type());
  if (tt->shape().at(d)) return int64_scalar(*tt->shape()[d]);
  return T::shape_i(x, d).var();
}

Var make_int64_vector(const std::vector<Var>& dims) {
  std::vector<std::int64_t> known;
  for (const Var& d : dims) {
    auto c = constant_int(d);
    if (!c) {
      std::vector<Var> cast;
      for (const Var& e : dims) cast.push_back(as_int64(e));
      return std::make_shared<MakeVectorOp>(DType::Int64)->apply1(std::move(cast));
    }
    known.push_back(*c);
  }
  return int64_vector(known);
}

Var zero_grad_like(const Var& x) {
  return T::second(x, T::constant(0.0, floatX())).var();
}

Var disconnected() {
  return Variable::make(DisconnectedType::make());
}

Var cast_like(const Var& g, const Var& like) {
  auto gt = as_tensor_type(g->type());
  auto lt = as_tensor_type(like->type());
  if (!gt || !lt || gt->dtype() == lt->dtype()) return g;
  return T::cast(g, lt->dtype()).var();
}

}  // namespace theano::tensor_ops
