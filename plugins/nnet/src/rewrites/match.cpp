// Node recognition helpers of the nnet rewrites.
#include "match.h"

#include "theano/core/elemwise_info.h"
#include "theano/core/scalar_value.h"
#include "theano/tensor.h"

namespace theano::nnet {

namespace T = theano::tensor;

std::string_view elemwise_name(const Apply* node) {
  return plain_elemwise_name(node);
}

const Apply* owner_is(const Var& v, const std::string& op_name) {
  const Apply* n = v ? v->owner() : nullptr;
  return n && n->op().name() == op_name ? n : nullptr;
}

const Apply* elemwise_owner(const Var& v, std::string_view scalar) {
  const Apply* n = v ? v->owner() : nullptr;
  return elemwise_name(n) == scalar ? n : nullptr;
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
  if (const Apply* d = owner_is(v, "DimShuffle")) return constant_value(d->input(0));
  return std::nullopt;
}

bool same_expr(const Var& a, const Var& b, int depth) {
  if (a == b) return true;
  if (!a || !b) return false;
  auto ca = constant_value(a), cb = constant_value(b);
  if (ca && cb) return *ca == *cb && same_type(a->type(), b->type());
  const Apply* na = a->owner();
  const Apply* nb = b->owner();
  if (depth == 0 || !na || !nb || a->index() != b->index()) return false;
  if (!na->op().equals(nb->op()) || na->nin() != nb->nin()) return false;
  for (int i = 0; i < na->nin(); ++i)
    if (!same_expr(na->input(i), nb->input(i), depth - 1)) return false;
  return true;
}

std::optional<std::vector<Var>> replace_with(const Var& candidate, const Variable& target) {
  auto want = as_tensor_type(target.type());
  T::TensorVar r = candidate;
  if (want && r.dtype() != want->dtype()) r = T::cast(r, want->dtype());
  if (!same_type(r->type(), target.type())) return std::nullopt;
  return std::vector<Var>{r.var()};
}

}  // namespace theano::nnet
