// The cross-entropy written with NumPy indexing, -log(softmax(x))[arange(n), y]
// (also through log_softmax, and with the negation inside the index), fused
// into CrossentropySoftmaxArgmax1HotWithBias; and its gradient, the softmax
// gradient of a one-hot AdvancedIncSubtensor, fused into
// CrossentropySoftmax1HotWithBiasDx (Theano's
// local_advanced_indexing_crossentropy_onehot and its _grad twin).
#include <optional>

#include "match.h"
#include "rewrites.h"
#include "theano/tensor.h"

namespace theano::nnet {

namespace T = theano::tensor;

namespace {

/// True for an idx_list of exactly two integer-array entries ([rows, labels]).
bool two_array_index(const Apply& node) {
  Props p = node.op().props();
  if (!p.contains("idx_list")) return false;
  const PropValue& idx = p.get("idx_list");
  if (!idx.is<PropList>() || idx.as<PropList>().size() != 2) return false;
  for (const PropValue& e : idx.as<PropList>()) {
    if (!e.is<PropList>() || e.as<PropList>().size() != 1) return false;
    const PropValue& kind = e.as<PropList>().front();
    if (!kind.is<std::string>() || kind.as<std::string>() != "array") return false;
  }
  return true;
}

/// True when `v` is the length of dim 0 of one of `candidates`.
bool is_dim0_of(const Var& v, const std::vector<Var>& candidates) {
  const Apply* n = v ? v->owner() : nullptr;
  if (n && n->op().name() == "Elemwise" && n->nin() == 1) {  // a cast of the length
    Props p = n->op().props();
    if (p.contains("scalar_op") && p.get_as<std::string>("scalar_op").rfind("convert", 0) == 0)
      return is_dim0_of(n->input(0), candidates);
  }
  if (const Apply* s = owner_is(v, "Shape_i");
      s && s->op().props().get_as<std::int64_t>("i") == 0) {
    for (const Var& c : candidates)
      if (c && same_expr(s->input(0), c)) return true;
    return false;
  }
  // A statically known row count equal to the constant stop.
  auto stop = constant_value(v);
  for (const Var& c : candidates) {
    auto t = c ? as_tensor_type(c->type()) : nullptr;
    if (stop && t && t->ndim() >= 1 && t->shape()[0] && double(*t->shape()[0]) == *stop)
      return true;
  }
  return false;
}

/// True when `rows` is arange(0, n, 1) with n the row count of y or of one of `matrices`.
bool rows_are_arange(const Var& rows, const Var& y, std::vector<Var> matrices) {
  const Apply* a = owner_is(rows, "ARange");
  if (!a || a->nin() != 3) return false;
  if (constant_value(a->input(0)) != 0.0 || constant_value(a->input(2)) != 1.0) return false;
  matrices.push_back(y);
  return is_dim0_of(a->input(1), matrices);
}

/// The logits x (and bias b, maybe null) when `v` is log(Softmax(x)),
/// LogSoftmax(x), log(SoftmaxWithBias(x, b)) along the last axis of a matrix.
std::optional<std::pair<Var, Var>> log_softmax_args(const Var& v) {
  if (T::TensorVar(v).ndim() != 2) return std::nullopt;
  auto last_axis = [](const Apply& n) {
    Props p = n.op().props();
    if (!p.contains("axis")) return true;
    auto a = p.get_as<std::int64_t>("axis");
    return a == -1 || a == 1;
  };
  if (const Apply* ls = owner_is(v, "LogSoftmax"); ls && last_axis(*ls))
    return std::make_pair(ls->input(0), Var());
  const Apply* lg = elemwise_owner(v, "log");
  if (!lg) return std::nullopt;
  if (const Apply* sm = owner_is(lg->input(0), "Softmax"); sm && last_axis(*sm))
    return std::make_pair(sm->input(0), Var());
  if (const Apply* sb = owner_is(lg->input(0), "SoftmaxWithBias"))
    return std::make_pair(sb->input(0), sb->input(1));
  return std::nullopt;
}

bool is_label_vector(const Var& y) {
  auto t = as_tensor_type(y->type());
  return t && t->ndim() == 1 && is_int(t->dtype());
}

/// True when `v` is all zeros: a zero constant, zeros_like or alloc of zero.
bool is_zeros(const Var& v) {
  if (constant_value(v) == 0.0) return true;
  if (const Apply* s = elemwise_owner(v, "second")) return constant_value(s->input(1)) == 0.0;
  if (const Apply* a = owner_is(v, "Alloc")) return constant_value(a->input(0)) == 0.0;
  return false;
}

/// (x, b) when `v` is x + b[None, :] for a matrix x and a vector b of v's dtype.
std::optional<std::pair<Var, Var>> split_row_bias(const Var& v) {
  const Apply* add = elemwise_owner(v, "add");
  if (!add || add->nin() != 2 || T::TensorVar(v).ndim() != 2) return std::nullopt;
  DType dtype = T::TensorVar(v).dtype();
  for (int k = 0; k < 2; ++k) {
    const Apply* d = owner_is(add->input(k), "DimShuffle");
    if (!d || d->op().props().get("new_order").as_ints() != std::vector<std::int64_t>{-1, 0})
      continue;
    T::TensorVar other = add->input(1 - k), b = d->input(0);
    if (b.ndim() == 1 && other.ndim() == 2 && other.dtype() == dtype && b.dtype() == dtype)
      return std::make_pair(other.var(), b.var());
  }
  return std::nullopt;
}

/// The fused op on logits `x` (+ `b`), the bias taken out of x when x is
/// a matrix plus a broadcast row, so the forward and gradient rewrites build
/// the same node (merged into one).
T::nnet::XentSoftmaxArgmax fused(const Var& x, const Var& b, const Var& y) {
  if (b) return T::nnet::crossentropy_softmax_argmax_1hot_with_bias(x, b, y);
  if (auto parts = split_row_bias(x))
    return T::nnet::crossentropy_softmax_argmax_1hot_with_bias(parts->first, parts->second, y);
  T::TensorVar xv = x;
  return T::nnet::crossentropy_softmax_argmax_1hot_with_bias(x, T::constant(0.0, xv.dtype()), y);
}

}  // namespace

Result local_advanced_indexing_crossentropy_onehot(FunctionGraph&, Apply& node) {
  if (node.nin() != 3 || !two_array_index(node)) return std::nullopt;
  Var indexed = node.input(0), rows = node.input(1), y = node.input(2);
  if (!is_label_vector(y)) return std::nullopt;
  bool negated = false;
  if (const Apply* neg = elemwise_owner(indexed, "neg")) {
    indexed = neg->input(0);
    negated = true;
  }
  auto args = log_softmax_args(indexed);
  if (!args || !rows_are_arange(rows, y, {indexed, args->first})) return std::nullopt;
  T::TensorVar nll = fused(args->first, args->second, y).nll;
  return replace_with(negated ? nll : -nll, *node.out(0));
}

Result local_advanced_indexing_crossentropy_onehot_grad(FunctionGraph&, Apply& node) {
  T::TensorVar sm = node.input(1);
  if (sm.ndim() != 2) return std::nullopt;
  Props props = node.op().props();
  if (props.contains("axis")) {
    auto a = props.get_as<std::int64_t>("axis");
    if (a != -1 && a != 1) return std::nullopt;
  }
  if (const Apply* plain = owner_is(sm, "Softmax")) {
    auto a = plain->op().props().get_as<std::int64_t>("axis");
    if (a != -1 && a != 1) return std::nullopt;
  } else if (!owner_is(sm, "SoftmaxWithBias")) {
    return std::nullopt;
  }
  // dy = onehot_inc / sm, the gradient of log(sm) at the indexed entries.
  const Apply* div = elemwise_owner(node.input(0), "true_div");
  if (!div || !same_expr(div->input(1), sm)) return std::nullopt;
  // A negation inside the index puts one between the increment and the division.
  Var onehot_inc = div->input(0);
  bool negated = false;
  if (const Apply* neg = elemwise_owner(onehot_inc, "neg")) {
    onehot_inc = neg->input(0);
    negated = true;
  }
  const Apply* inc = owner_is(onehot_inc, "AdvancedIncSubtensor");
  if (!inc || inc->nin() != 4 || !two_array_index(*inc)) return std::nullopt;
  if (inc->op().props().get_as<bool>("set_instead_of_inc")) return std::nullopt;
  T::TensorVar g = inc->input(1);
  Var y = inc->input(3);
  if (g.ndim() != 1 || !is_zeros(inc->input(0)) || !is_label_vector(y)) return std::nullopt;
  if (!rows_are_arange(inc->input(2), y, {inc->input(0), sm})) return std::nullopt;
  // (g onehot - g sm) = -g (sm - onehot) row by row; sm from the fused op
  // that the forward rewrite builds too.
  const Apply* sm_node = sm->owner();
  Var bias = sm_node->nin() == 2 ? sm_node->input(1) : Var();
  T::TensorVar fused_sm = fused(sm_node->input(0), bias, y).sm;
  return replace_with(
      T::nnet::crossentropy_softmax_1hot_with_bias_dx(negated ? g : -g, fused_sm, y), *node.out(0));
}

}  // namespace theano::nnet
