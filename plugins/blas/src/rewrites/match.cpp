// Rewrite helpers (see match.h).
#include "match.h"

#include "../kernels/kernels.h"
#include "theano/core/elemwise_info.h"
#include "theano/tensor.h"

namespace theano::blas {

namespace T = theano::tensor;

std::string_view elemwise_name(const Apply* node) {
  return plain_elemwise_name(node);
}

Var scalar_constant(double value, DType dtype) {
  return T::constant(value, dtype).var();
}

Var scalar_factor(const Var& v, DType dtype) {
  auto tt = as_tensor_type(v->type());
  if (!tt) return nullptr;
  Var s;
  if (tt->ndim() == 0) {
    s = v;
  } else if (const auto* c = dynamic_cast<const Constant*>(v.get())) {
    const NDArray& a = c->value().array();
    if (a.size() < 1 || is_complex(a.dtype())) return nullptr;
    std::vector<double> values = a.to_vector<double>();
    for (double x : values)
      if (!(x == values[0])) return nullptr;
    for (auto d : tt->shape())
      if (d != 1) return nullptr;  // a full constant is not a factor of a product
    s = T::constant(NDArray::scalar(values[0]).astype(a.dtype())).var();
  } else if (v->owner() && v->owner()->op().name() == "DimShuffle") {
    auto in = as_tensor_type(v->owner()->input(0)->type());
    if (!in || in->ndim() != 0) return nullptr;
    s = v->owner()->input(0);
  } else {
    return nullptr;
  }
  if (as_tensor_type(s->type())->dtype() != dtype) {
    DType from = as_tensor_type(s->type())->dtype();
    if (!can_cast_safely(from, dtype) && !dynamic_cast<const Constant*>(s.get())) return nullptr;
    s = T::cast(s, dtype).var();
  }
  return s;
}

bool single_client(const FunctionGraph& fg, const Variable* v) {
  const auto& clients = fg.clients(v);
  return clients.size() == 1 && clients[0].node != nullptr;
}

std::optional<DotTerm> as_dot(const Var& v) {
  const Apply* n = v->owner();
  if (!n) return std::nullopt;
  auto tt = as_tensor_type(v->type());
  if (!tt || !has_blas(tt->dtype())) return std::nullopt;
  const std::string op = n->op().name();
  auto ndim = [](const Var& u) { return as_tensor_type(u->type())->ndim(); };
  if (op == "Dot" || op == "Dot22")
    return DotTerm{n->input(0), n->input(1), nullptr, ndim(n->input(0)), ndim(n->input(1))};
  if (op == "Dot22Scalar") return DotTerm{n->input(0), n->input(1), n->input(2), 2, 2};
  return std::nullopt;
}

Var times(const Var& a, const Var& b) {
  if (!a) return b;
  if (!b) return a;
  return (T::TensorVar(a) * T::TensorVar(b)).var();
}

Var negated(const Var& a, DType dtype) {
  if (!a) return scalar_constant(-1.0, dtype);
  return (-T::TensorVar(a)).var();
}

}  // namespace theano::blas
