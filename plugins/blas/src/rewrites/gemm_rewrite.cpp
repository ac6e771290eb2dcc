// Gemm insertion, as Theano's gemm optimizer: an elementwise sum of terms,
// each possibly scaled by scalars or negated, where some terms are dot
// products, becomes one chain of Gemm (matrices), Gemv (vectors) or Ger
// (outer products with an unscaled accumulator), plus the leftover terms.
#include "../kernels/kernels.h"
#include "match.h"
#include "rewrites.h"
#include "theano/core/registry.h"
#include "theano/tensor.h"

namespace theano::blas {

namespace T = theano::tensor;

namespace {

struct Term {
  Var value;
  Var scale;  // 0-d or null (1)
};

// Strips negations and scalar factors off a term.
Term peel(Term t, DType dt) {
  for (;;) {
    const Apply* n = t.value->owner();
    std::string_view name = elemwise_name(n);
    if (name == "neg") {
      t = Term{n->input(0), negated(t.scale, dt)};
    } else if (name == "mul") {
      Var rest, scale = t.scale;
      for (const Var& f : n->inputs()) {
        Var s = scalar_factor(f, dt);
        if (s) {
          scale = times(scale, s);
        } else if (rest) {
          return t;  // two non-scalar factors
        } else {
          rest = f;
        }
      }
      if (!rest) return t;
      t = Term{rest, scale};
    } else {
      return t;
    }
  }
}

std::vector<Term> terms_of(const Apply& node, DType dt) {
  std::string_view name = elemwise_name(&node);
  std::vector<Term> terms;
  for (int i = 0; i < node.nin(); ++i) {
    Var scale = name == "sub" && i == 1 ? scalar_constant(-1.0, dt) : nullptr;
    terms.push_back(peel(Term{node.input(i), scale}, dt));
  }
  return terms;
}

// Whether a dot product may sit behind `v`'s negations and products,
// building nothing: most sums hold none, and the full match (peel) builds
// scale nodes for every term. Conservative: a chain deeper than `depth`
// counts as a maybe.
bool may_hold_dot(const Var& v, int depth = 8) {
  const Apply* n = v->owner();
  if (!n) return false;
  if (as_dot(v)) return true;
  std::string_view name = elemwise_name(n);
  if (name != "neg" && name != "mul") return false;
  if (depth == 0) return true;
  for (const Var& in : n->inputs())
    if (may_hold_dot(in, depth - 1)) return true;
  return false;
}

// The dot product a term computes, when it can be absorbed into a chain
// producing `out` (same dtype, the rank combination the chain needs).
std::optional<DotTerm> absorbable(const FunctionGraph& fg, const Term& t, const TensorType& out) {
  auto d = as_dot(t.value);
  if (!d || as_tensor_type(t.value->type())->dtype() != out.dtype()) return std::nullopt;
  if (!single_client(fg, t.value.get())) return std::nullopt;
  int rank = d->x_ndim + d->y_ndim - 2;
  if (rank != out.ndim() || rank == 0) return std::nullopt;
  d->alpha = times(d->alpha, t.scale);
  return d;
}

// A term that can serve as the chain's accumulator: same dtype, rank and
// full (non-broadcast) shape as the output.
bool accumulator(const Term& t, const TensorType& out) {
  auto tt = as_tensor_type(t.value->type());
  if (!tt || tt->dtype() != out.dtype() || tt->ndim() != out.ndim()) return false;
  for (int d = 0; d < tt->ndim(); ++d)
    if (tt->shape()[d] == 1 && out.shape()[d] != 1) return false;
  return true;
}

Var or_one(const Var& s, DType dt) {
  return s ? s : scalar_constant(1.0, dt);
}

// The input of DimShuffle `v` when it turns a vector into a column
// (pattern {0, x}) or a row ({x, 0}), else null.
Var vector_of(const Var& v, bool column) {
  const Apply* n = v->owner();
  if (!n || n->op().name() != "DimShuffle") return nullptr;
  std::vector<std::int64_t> order = n->op().props().get("new_order").as_ints();
  std::vector<std::int64_t> want =
      column ? std::vector<std::int64_t>{0, -1} : std::vector<std::int64_t>{-1, 0};
  return order == want ? n->input(0) : nullptr;
}

OpPtr op(const std::string& name, bool flag, const char* prop) {
  return Registry::global().make_op(name, Props{{prop, flag}});
}

// acc' = beta * acc + alpha * dot(x, y) with the op the ranks call for.
Var chain_step(const Var& acc, const DotTerm& d, const Var& beta, DType dt) {
  Var alpha = or_one(d.alpha, dt);
  if (d.x_ndim == 2 && d.y_ndim == 2) {
    Var u = vector_of(d.x, true), v = vector_of(d.y, false);
    if (u && v && !beta) return op("Ger", false, "destructive")->apply1({acc, alpha, u, v});
    return op("Gemm", false, "inplace")->apply1({acc, alpha, d.x, d.y, or_one(beta, dt)});
  }
  const Var& mat = d.x_ndim == 2 ? d.x : d.y;
  const Var& vec = d.x_ndim == 2 ? d.y : d.x;
  Var a = d.x_ndim == 2 ? mat : T::transpose(mat).var();
  return op("Gemv", false, "inplace")->apply1({acc, alpha, a, vec, or_one(beta, dt)});
}

}  // namespace

Replacement local_gemm(FunctionGraph& fg, Apply& node) {
  std::string_view name = elemwise_name(&node);
  if (name != "add" && name != "sub") return std::nullopt;
  auto out = as_tensor_type(node.out(0)->type());
  if (!out || !has_blas(out->dtype()) || out->ndim() < 1 || out->ndim() > 2) return std::nullopt;
  const DType dt = out->dtype();
  bool any_dot = false;
  for (const Var& in : node.inputs()) any_dot = any_dot || may_hold_dot(in);
  if (!any_dot) return std::nullopt;
  std::vector<Term> others;
  std::vector<DotTerm> dots;
  for (const Term& t : terms_of(node, dt)) {
    if (auto d = absorbable(fg, t, *out))
      dots.push_back(*d);
    else
      others.push_back(t);
  }
  if (dots.empty()) return std::nullopt;
  Var acc, beta;
  for (auto it = others.begin(); it != others.end(); ++it) {
    if (accumulator(*it, *out)) {
      acc = it->value;
      beta = it->scale;
      others.erase(it);
      break;
    }
  }
  if (!acc) {
    if (dots.size() < 2) return std::nullopt;
    // The first product becomes the accumulator, computed on its own.
    const DotTerm& first = dots.front();
    acc = first.x_ndim == 2 && first.y_ndim == 2
              ? Registry::global().make_op("Dot22")->apply1({first.x, first.y})
              : T::dot(first.x, first.y).var();
    beta = first.alpha;
    dots.erase(dots.begin());
  }
  Var result = acc;
  for (const DotTerm& d : dots) {
    result = chain_step(result, d, beta, dt);
    beta = nullptr;
  }
  T::TensorVar sum = result;
  for (const Term& t : others)
    sum = sum + (t.scale ? T::TensorVar(times(t.scale, t.value)) : T::TensorVar(t.value));
  if (!same_type(sum->type(), node.out(0)->type())) return std::nullopt;
  return std::vector<Var>{sum.var()};
}

}  // namespace theano::blas
