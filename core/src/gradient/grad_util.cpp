// Helpers of the gradient driver (see grad_util.h).
#include "grad_util.h"

#include <algorithm>

#include "theano/core/config.h"
#include "theano/tensor.h"

namespace theano::gradient_detail {

namespace T = theano::tensor;

bool is_disconnected(const Var& g) {
  return g && g->type()->kind() == "disconnected";
}

bool is_null(const Var& g) {
  return g && g->type()->kind() == "null";
}

Var disconnected() {
  return Variable::make(DisconnectedType::make());
}

bool is_discrete_tensor(const Var& v) {
  auto tt = v ? as_tensor_type(v->type()) : nullptr;
  return tt && is_discrete(tt->dtype());
}

DType grad_dtype(const Var& x) {
  auto tt = as_tensor_type(x->type());
  if (tt && (is_float(tt->dtype()) || is_complex(tt->dtype()))) return tt->dtype();
  return floatX();
}

Var float_zeros_like(const Var& x) {
  auto tt = as_tensor_type(x->type());
  if (!tt) return disconnected();
  T::TensorVar zero = T::constant(0.0, grad_dtype(x));
  if (tt->ndim() == 0) return zero;
  return T::second(T::TensorVar(x), zero);
}

Var seed_ones(const Var& cost) {
  return T::constant(1.0, grad_dtype(cost));
}

Var cast_to_dtype_of(const Var& g, const Var& like) {
  auto gt = as_tensor_type(g->type());
  auto lt = as_tensor_type(like->type());
  if (!gt || !lt || gt->dtype() == lt->dtype()) return g;
  if (!is_float(lt->dtype()) && !is_complex(lt->dtype())) return g;
  return T::cast(T::TensorVar(g), lt->dtype());
}

Var sum_terms(const std::vector<Var>& terms) {
  // One add reads at most kMaxAddTerms terms: a value read by hundreds of
  // nodes gets a shallow tree of adds, which every mode can run (an
  // unfused elementwise node takes a bounded number of operands).
  constexpr std::size_t kMaxAddTerms = 32;
  if (terms.size() == 1) return terms[0];
  std::vector<Var> level = terms;
  while (level.size() > kMaxAddTerms) {
    std::vector<Var> next;
    for (std::size_t i = 0; i < level.size(); i += kMaxAddTerms) {
      std::vector<Var> group(
          level.begin() + static_cast<std::ptrdiff_t>(i),
          level.begin() + static_cast<std::ptrdiff_t>(std::min(level.size(), i + kMaxAddTerms)));
      next.push_back(sum_terms(group));
    }
    level = std::move(next);
  }
  if (level.size() == 1) return level[0];
  std::vector<T::Operand> operands;
  operands.reserve(level.size());
  for (const Var& t : level) operands.emplace_back(t);
  return T::add(operands);
}

void check_grad_ndim(const Var& x, const Var& g, const std::string& context) {
  auto xt = as_tensor_type(x->type());
  auto gt = as_tensor_type(g->type());
  if (!xt || !gt || xt->ndim() == gt->ndim()) return;
  throw ValueError(context + ": the gradient of " + describe(x) + " (" + xt->str() + ") has " +
                   std::to_string(gt->ndim()) + " dimensions (" + gt->str() + "), expected " +
                   std::to_string(xt->ndim()));
}

std::string describe(const Var& v) {
  if (!v) return "<null>";
  if (!v->name().empty()) return "'" + v->name() + "'";
  return v->str();
}

}  // namespace theano::gradient_detail
