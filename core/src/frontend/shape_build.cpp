// Front end of the creation, joining, tiling, repeating and diagonal ops of
// theano.ops.tensor (the shape functions are in shape.cpp).
#include "detail.h"
#include "shape_internal.h"
#include "theano/core/config.h"
#include "theano/tensor/constructors.h"
#include "theano/tensor/dimshuffle.h"
#include "theano/tensor/dtype_rules.h"
#include "theano/tensor/math.h"
#include "theano/tensor/shape.h"

namespace theano::tensor {

namespace {

using detail::int_scalar;

// Dimension `d` of `v` (negative counts from the end): a C++ integer when
// static, else its Shape_i.
Operand dim_of(const TensorVar& v, int d, const std::source_location& loc) {
  int a = d < 0 ? d + v.ndim() : d;
  const StaticDim& s = v.static_shape().at(a);
  if (s) return Operand(*s, loc);
  return Operand(shape_i(Operand(v, loc), a), loc);
}

// A C++ number given to arange as a 0-d constant (int64 or float64; the op
// reads its arguments as doubles).
Var arange_arg(const Operand& x) {
  if (!x.is_weak()) return x.var();
  const WeakScalar& w = x.weak();
  if (w.kind == WeakScalar::Kind::Complex) {
    throw TypeError("T::arange: complex arguments are not supported, got " + w.str());
  }
  DType d = w.kind == WeakScalar::Kind::Float ? DType::Float64 : DType::Int64;
  return detail::weak_constant(w, d, x.loc());
}

// NumPy's result dtype of the arguments (C++ numbers weak, floats floatX).
DType arange_dtype(const std::vector<const Operand*>& args) {
  std::vector<DType> strong;
  std::vector<WeakScalar> weak;
  for (const Operand* a : args) {
    if (a->is_weak()) {
      weak.push_back(a->weak());
    } else {
      strong.push_back(detail::tensor_type(a->var(), "T::arange")->dtype());
    }
  }
  if (!strong.empty()) return result_dtype(strong, weak);
  for (const WeakScalar& w : weak)
    if (w.kind == WeakScalar::Kind::Float) return floatX();
  return DType::Int64;
}

TensorVar diagonal_mask(const char* name, const Operand& n, const std::optional<Operand>& m,
                        const Operand& k, std::optional<DType> dtype) {
  std::string who = std::string("T::") + name;
  Var rows = int_scalar(n, who);
  Var cols = m ? int_scalar(*m, who) : rows;
  return detail::apply1(detail::make_op(name, Props{{"dtype", dtype.value_or(floatX())}}),
                        {rows, cols, int_scalar(k, who)}, n.loc());
}

TensorVar triangle(const Operand& x, std::int64_t k, bool lower) {
  TensorVar v = as_tensor(x);
  if (v.ndim() < 2) {
    throw ValueError(std::string(lower ? "T::tril" : "T::triu") +
                     ": needs at least 2 dimensions, got " + v.type()->str());
  }
  TensorVar mask = diagonal_mask("Tri", dim_of(v, -2, x.loc()), dim_of(v, -1, x.loc()),
                                 Operand(lower ? k : k - 1, x.loc()), DType::Bool);
  Operand keep(v, x.loc()), zero(0, x.loc());
  return lower ? switch_(Operand(mask, x.loc()), keep, zero)
               : switch_(Operand(mask, x.loc()), zero, keep);
}

}  // namespace

// --- arange, eye, tri ---------------------------------------------------------------

TensorVar arange(const Operand& stop, std::optional<DType> dtype) {
  return arange(Operand(0, stop.loc()), stop, Operand(1, stop.loc()), dtype);
}

TensorVar arange(const Operand& start, const Operand& stop, const Operand& step,
                 std::optional<DType> dtype) {
  if (!dtype) dtype = arange_dtype({&start, &stop, &step});
  return detail::apply1(detail::make_op("ARange", Props{{"dtype", *dtype}}),
                        {arange_arg(start), arange_arg(stop), arange_arg(step)}, start.loc());
}

TensorVar eye(const Operand& n, std::optional<Operand> m, const Operand& k,
              std::optional<DType> dtype) {
  return diagonal_mask("Eye", n, m, k, dtype);
}

TensorVar identity_like(const Operand& x) {
  TensorVar v = as_tensor(x);
  if (v.ndim() != 2)
    throw ValueError("T::identity_like: expected a matrix, got " + v.type()->str());
  return eye(dim_of(v, 0, x.loc()), dim_of(v, 1, x.loc()), Operand(0, x.loc()), v.dtype());
}

TensorVar tri(const Operand& n, std::optional<Operand> m, const Operand& k,
              std::optional<DType> dtype) {
  return diagonal_mask("Tri", n, m, k, dtype);
}

TensorVar tril(const Operand& x, std::int64_t k) {
  return triangle(x, k, true);
}

TensorVar triu(const Operand& x, std::int64_t k) {
  return triangle(x, k, false);
}

// --- join, stack, split -------------------------------------------------------------

TensorVar join(const Operand& axis, const std::vector<Operand>& tensors) {
  if (tensors.empty()) throw ValueError("T::join: no tensors to join");
  std::vector<const Operand*> ptrs;
  for (const Operand& t : tensors) ptrs.push_back(&t);
  std::vector<Var> in{int_scalar(axis, "T::join")};
  for (Var& v : detail::to_vars(ptrs)) in.push_back(std::move(v));
  return detail::apply1(detail::make_op("Join"), std::move(in), tensors[0].loc());
}

TensorVar concatenate(const std::vector<Operand>& tensors, std::int64_t axis) {
  std::source_location loc = tensors.empty() ? std::source_location::current() : tensors[0].loc();
  return join(Operand(axis, loc), tensors);
}

TensorVar stack(const std::vector<Operand>& tensors, std::int64_t axis) {
  if (tensors.empty()) throw ValueError("T::stack: no tensors to stack");
  std::vector<Operand> padded;
  int nd = as_tensor(tensors[0]).ndim();
  std::int64_t a = axis < 0 ? axis + nd + 1 : axis;
  for (const Operand& t : tensors) padded.emplace_back(shape_padaxis(t, a), t.loc());
  return concatenate(padded, a);
}

TensorVar horizontal_stack(const std::vector<Operand>& matrices) {
  return concatenate(matrices, 1);
}

TensorVar vertical_stack(const std::vector<Operand>& matrices) {
  return concatenate(matrices, 0);
}

std::vector<TensorVar> split(const Operand& x, const ShapeArg& sizes, int n_splits,
                             const Operand& axis) {
  auto len = sizes.length();
  if (len && *len != n_splits) {
    throw ValueError("T::split: " + std::to_string(*len) +
                     " sizes given for n_splits=" + std::to_string(n_splits));
  }
  auto outs = detail::apply(
      detail::make_op("Split", Props{{"len_splits", n_splits}}),
      {as_tensor(x).var(), int_scalar(axis, "T::split"), sizes.as_vector(x.loc())}, x.loc());
  return std::vector<TensorVar>(outs.begin(), outs.end());
}

// --- tile, repeat -------------------------------------------------------------------

TensorVar tile(const Operand& x, const std::vector<std::int64_t>& reps) {
  TensorVar v = as_tensor(x);
  int nd = std::max<int>(v.ndim(), static_cast<int>(reps.size()));
  if (v.ndim() < nd) v = shape_padleft(Operand(v, x.loc()), nd - v.ndim());
  std::vector<std::int64_t> r(nd - reps.size(), 1);
  r.insert(r.end(), reps.begin(), reps.end());
  for (int a = 0; a < nd; ++a) {
    if (r[a] < 0) throw ValueError("T::tile: negative repetition " + std::to_string(r[a]));
    if (r[a] == 1) continue;
    if (r[a] == 0) {
      v = repeat(Operand(v, x.loc()), Operand(0, x.loc()), a);
      continue;
    }
    v = concatenate(std::vector<Operand>(static_cast<std::size_t>(r[a]), Operand(v, x.loc())), a);
  }
  return v;
}

TensorVar repeat(const Operand& x, const Operand& repeats, std::optional<std::int64_t> axis) {
  Var r = repeats.is_weak() ? int_scalar(repeats, "T::repeat") : repeats.var();
  Props props{{"axis", axis ? PropValue(*axis) : PropValue()}};
  return detail::apply1(detail::make_op("Repeat", props), {as_tensor(x).var(), r}, x.loc());
}

// --- diagonals ----------------------------------------------------------------------

TensorVar diagonal(const Operand& x, std::int64_t offset, std::int64_t axis1, std::int64_t axis2) {
  Props props{{"offset", offset}, {"axis1", axis1}, {"axis2", axis2}};
  return detail::apply1(detail::make_op("ExtractDiag", props), {as_tensor(x).var()}, x.loc());
}

TensorVar alloc_diag(const Operand& v, std::int64_t offset, std::int64_t axis1,
                     std::int64_t axis2) {
  Props props{{"offset", offset}, {"axis1", axis1}, {"axis2", axis2}};
  return detail::apply1(detail::make_op("AllocDiag", props), {as_tensor(v).var()}, v.loc());
}

TensorVar diag(const Operand& x, std::int64_t k) {
  TensorVar v = as_tensor(x);
  if (v.ndim() == 1) return alloc_diag(Operand(v, x.loc()), k);
  if (v.ndim() == 2) return diagonal(Operand(v, x.loc()), k);
  throw ValueError("T::diag: expected a vector or a matrix, got " + v.type()->str());
}

}  // namespace theano::tensor
