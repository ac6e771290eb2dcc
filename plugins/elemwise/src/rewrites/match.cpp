// Rewrite helpers.
#include "match.h"

#include <typeinfo>

#include "../dimshuffle/dimshuffle_op.h"
#include "../elemwise/elemwise_op.h"
#include "theano/core/scalar_value.h"
#include "theano/tensor.h"

namespace theano::elemwise {

namespace T = theano::tensor;

std::string_view elemwise_name(const Apply* node) {
  const ElemwiseOp* op = as_elemwise(node);
  return op && !op->is_inplace() ? op->scalar_op_name() : std::string_view();
}

std::optional<double> constant_value(const Var& v) {
  if (!v) return std::nullopt;
  const auto* c =
      v->kind() == Variable::Kind::Constant ? dynamic_cast<const Constant*>(v.get()) : nullptr;
  if (c) {
    if (!c->value().is_array()) return std::nullopt;
    const NDArray& a = c->value().array();
    if (auto x = single_float(a)) return x;
    if (a.size() == 0 || is_complex(a.dtype())) return std::nullopt;
    std::vector<double> values = a.to_vector<double>();
    for (double x : values)
      if (!(x == values[0])) return std::nullopt;
    return values[0];
  }
  if (v->owner() && typeid(v->owner()->op()) == typeid(DimShuffleOp))  // a final class
    return constant_value(v->owner()->input(0));
  return std::nullopt;
}

Var fit_to(const Var& candidate, const Variable& target) {
  auto want = as_tensor_type(target.type());
  auto have = as_tensor_type(candidate->type());
  if (!want || !have) return nullptr;
  T::TensorVar r = candidate;
  if (have->ndim() < want->ndim()) r = T::shape_padleft(r, want->ndim() - have->ndim());
  if (r.dtype() != want->dtype()) r = T::cast(r, want->dtype());
  if (!same_type(r->type(), target.type())) return nullptr;
  return r.var();
}

bool single_client(const FunctionGraph& fg, const Variable* v) {
  const auto& clients = fg.clients(v);
  return clients.size() == 1 && clients[0].node != nullptr;
}

}  // namespace theano::elemwise
