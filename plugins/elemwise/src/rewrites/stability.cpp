// Stabilize rewrites for sums of exponentials. log(sum(exp(x))) overflows
// once x exceeds ~88 (float32) or ~709 (float64), and so does its gradient,
// exp(x) * (g / sum(exp(x))), which becomes inf / inf = nan. Both are
// rewritten to shift x by its maximum along the summed axes first:
//   log(sum(exp(x)))            -> m + log(sum(exp(x - m)))
//   exp(x) * (g / sum(exp(x)))  -> exp(x - m) * (g / sum(exp(x - m)))
// where m is the maximum (0 where it is infinite, so rows of -inf stay
// -inf rather than nan). The shifted nodes are built identically by both
// rewrites, so the merge pass shares them between the value and gradient.
#include <algorithm>

#include "../dimshuffle/dimshuffle_op.h"
#include "../elemwise/elemwise_op.h"
#include "../reduce/careduce_op.h"
#include "match.h"
#include "stability.h"
#include "theano/tensor.h"

namespace theano::elemwise {

namespace T = theano::tensor;

namespace {

// sum(exp(x), axes) without a fused `pre`: the exp node and the axes.
struct SumOfExp {
  const Apply* exp = nullptr;
  std::vector<std::int64_t> axes;
};

// x - m where m is (a broadcast of) a maximum or the guarded maximum this
// file builds: rewriting it again would loop.
bool already_shifted(const Var& x) {
  const Apply* sub = x->owner();
  if (elemwise_name(sub) != "sub") return false;
  const Apply* m = sub->input(1)->owner();
  if (m && dynamic_cast<const DimShuffleOp*>(&m->op())) m = m->input(0)->owner();
  if (!m) return false;
  if (elemwise_name(m) == "switch") return true;
  const auto* red = dynamic_cast<const CAReduceOp*>(&m->op());
  return red && red->spec().op == ReduceOp::Max;
}

std::optional<SumOfExp> sum_of_exp(const Var& v) {
  const Apply* n = v ? v->owner() : nullptr;
  const auto* op = n ? dynamic_cast<const CAReduceOp*>(&n->op()) : nullptr;
  if (!op || op->spec().op != ReduceOp::Add || op->spec().pre) return std::nullopt;
  const Apply* e = n->input(0)->owner();
  if (elemwise_name(e) != "exp") return std::nullopt;
  if (!is_float(as_tensor_type(e->out(0)->type())->dtype())) return std::nullopt;
  if (already_shifted(e->input(0))) return std::nullopt;
  if (op->spec().dtype != as_tensor_type(e->out(0)->type())->dtype()) return std::nullopt;
  return SumOfExp{e, op->spec().axes};
}

// The shift: max(x) over the axes, kept as broadcastable dims, with
// infinite maxima replaced by 0.
T::TensorVar shift_of(const T::TensorVar& x, const std::vector<std::int64_t>& axes) {
  T::TensorVar m = T::max(x, T::Axes(axes), /*keepdims=*/true);
  return T::switch_(T::isinf(m), 0.0, m);
}

T::TensorVar shifted_sum(const T::TensorVar& x, const T::TensorVar& m,
                         const std::vector<std::int64_t>& axes) {
  return T::sum(T::exp(x - m), T::Axes(axes));
}

// Drops the kept axes of `m` (shape of the keepdims max) to match the sum.
T::TensorVar drop_axes(const T::TensorVar& m, const std::vector<std::int64_t>& axes, int ndim) {
  std::vector<std::int64_t> order;
  for (int d = 0; d < ndim; ++d)
    if (std::find(axes.begin(), axes.end(), d) == axes.end()) order.push_back(d);
  return T::dimshuffle(m, order);
}

LocalResult fit(const Var& candidate, const Apply& node) {
  Var r = fit_to(candidate, *node.out(0));
  if (!r) return std::nullopt;
  return std::vector<Var>{r};
}

// v seen through one DimShuffle: the inner variable and the shuffle, if any.
std::pair<Var, const DimShuffleOp*> through_dimshuffle(const Var& v) {
  const Apply* n = v->owner();
  if (n) {
    if (const auto* ds = dynamic_cast<const DimShuffleOp*>(&n->op())) return {n->input(0), ds};
  }
  return {v, nullptr};
}

// second(a, b) is b broadcast to a's shape; inside a product the other
// factors carry the shape, so the factor is b.
Var strip_second(const Var& v) {
  const Apply* n = v->owner();
  if (elemwise_name(n) == "second") return n->input(1);
  return v;
}

}  // namespace

LocalResult local_log_sum_exp(FunctionGraph&, Apply& node) {
  if (elemwise_name(&node) != "log") return std::nullopt;
  auto [inner, ds] = through_dimshuffle(node.input(0));
  std::optional<SumOfExp> s = sum_of_exp(inner);
  if (!s) return std::nullopt;
  T::TensorVar x = s->exp->input(0);
  int ndim = as_tensor_type(x->type())->ndim();
  T::TensorVar m = shift_of(x, s->axes);
  T::TensorVar r = drop_axes(m, s->axes, ndim) + T::log(shifted_sum(x, m, s->axes));
  if (ds) r = T::dimshuffle(r, ds->new_order());
  return fit(r, node);
}

LocalResult local_exp_over_sum_exp(FunctionGraph&, Apply& node) {
  if (elemwise_name(&node) != "mul") return std::nullopt;
  std::vector<Var> factors;
  for (const auto& in : node.inputs()) factors.push_back(strip_second(in));
  for (std::size_t i = 0; i < factors.size(); ++i) {
    const Apply* e = factors[i]->owner();
    if (elemwise_name(e) != "exp") continue;
    for (std::size_t j = 0; j < factors.size(); ++j) {
      if (j == i) continue;
      auto [q, ds] = through_dimshuffle(factors[j]);
      const Apply* div = q->owner();
      if (elemwise_name(div) != "true_div") continue;
      std::optional<SumOfExp> s = sum_of_exp(div->input(1));
      if (!s || s->exp != e) continue;
      T::TensorVar x = e->input(0);
      T::TensorVar m = shift_of(x, s->axes);
      T::TensorVar ratio = T::true_div(div->input(0), shifted_sum(x, m, s->axes));
      std::vector<T::Operand> rebuilt;
      for (std::size_t k = 0; k < factors.size(); ++k) {
        if (k == i)
          rebuilt.emplace_back(T::exp(x - m));
        else if (k == j)
          rebuilt.emplace_back(ds ? T::dimshuffle(ratio, ds->new_order()) : ratio);
        else
          rebuilt.emplace_back(node.input(k));
      }
      return fit(T::mul(rebuilt), node);
    }
  }
  return std::nullopt;
}

}  // namespace theano::elemwise
