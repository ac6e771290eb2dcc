// Front end of the structural ops: shapes, reshaping, allocation and
// creation, joining and splitting, tiling, repeating and diagonals. The
// ops come from the theano.ops.tensor plugin (Shape and Shape_i from the core).
#include "theano/tensor/shape.h"

#include "detail.h"
#include "shape_internal.h"
#include "theano/core/config.h"
#include "theano/tensor/constructors.h"
#include "theano/tensor/dimshuffle.h"
#include "theano/tensor/math.h"

namespace theano::tensor {

namespace {

const std::source_location here = std::source_location::current();

Var int64_constant_vector(const std::vector<std::int64_t>& values,
                          const std::source_location& loc) {
  auto n = static_cast<std::int64_t>(values.size());
  return constant(NDArray::from_vector(values, Shape{n}), {}, loc).var();
}

OpPtr dtype_op(const char* name, DType dtype) {
  return detail::make_op(name, Props{{"dtype", dtype}});
}

}  // namespace

namespace detail {

Var int_scalar(const Operand& x, const std::string& who) {
  if (x.is_weak()) {
    const WeakScalar& w = x.weak();
    if (w.kind != WeakScalar::Kind::Int && w.kind != WeakScalar::Kind::UInt) {
      throw TypeError(who + ": expected an integer, got " + w.str());
    }
    return detail::weak_constant(w, DType::Int64, x.loc());
  }
  auto tt = detail::tensor_type(x.var(), who);
  if (tt->ndim() != 0 || !is_int(tt->dtype())) {
    throw TypeError(who + ": expected a 0-d integer tensor, got " + tt->str());
  }
  return x.var();
}

Var int64_of(const Operand& x, const std::string& who) {
  Var v = int_scalar(x, who);
  if (detail::tensor_type(v, who)->dtype() == DType::Int64) return v;
  return cast(Operand(v, x.loc()), DType::Int64).var();
}

}  // namespace detail

using detail::int64_of;
using detail::int_scalar;

// --- ShapeArg -----------------------------------------------------------------------

ShapeArg::ShapeArg(const std::vector<std::int64_t>& dims) {
  for (std::int64_t d : dims) dims_.emplace_back(d);
}

std::optional<int> ShapeArg::length() const {
  if (!vector_) return static_cast<int>(dims_.size());
  auto tt = detail::tensor_type(vector_, "shape argument");
  if (tt->ndim() == 1 && tt->shape()[0]) return static_cast<int>(*tt->shape()[0]);
  return std::nullopt;
}

Var ShapeArg::as_vector(const std::source_location& loc) const {
  if (vector_) {
    auto tt = detail::tensor_type(vector_, "shape argument");
    if (tt->ndim() != 1 || !is_int(tt->dtype())) {
      throw TypeError("shape argument: expected an integer vector, got " + tt->str());
    }
    return vector_;
  }
  std::vector<std::int64_t> known;
  for (const Operand& d : dims_) {
    if (!d.is_weak()) return make_vector(dims_, DType::Int64).var();
    Var c = int_scalar(d, "shape argument");
    known.push_back(static_cast<const Constant&>(*c).value().array().item<std::int64_t>());
  }
  return int64_constant_vector(known, loc);
}

std::vector<Var> ShapeArg::as_scalars(const std::source_location& loc) const {
  std::vector<Var> out;
  if (!vector_) {
    for (const Operand& d : dims_) out.push_back(int64_of(d, "shape argument"));
    return out;
  }
  auto n = length();
  if (!n) throw ValueError("shape argument: a symbolic vector of unknown length");
  Var v = as_vector(loc);
  if (auto* c = dynamic_cast<const Constant*>(v.get())) {
    for (std::int64_t x : c->value().array().to_vector<std::int64_t>())
      out.push_back(constant(NDArray::scalar<std::int64_t>(x), {}, loc).var());
    return out;
  }
  if (v->owner() && v->owner()->op().name() == "MakeVector") return v->owner()->inputs();
  throw ValueError("shape argument: give the dimensions as a list here, not a symbolic vector");
}

// --- shapes -------------------------------------------------------------------------

TensorVar shape(const Operand& x) {
  return detail::apply1(detail::make_op("Shape"), {as_tensor(x).var()}, x.loc());
}

TensorVar shape_i(const Operand& x, int i) {
  Var v = as_tensor(x).var();
  int nd = detail::tensor_type(v, "T::shape_i")->ndim();
  int a = i < 0 ? i + nd : i;
  if (a < 0 || a >= nd) {
    throw ValueError("T::shape_i: axis " + std::to_string(i) + " is out of range for a tensor of " +
                     std::to_string(nd) + " dimensions");
  }
  return detail::apply1(detail::make_op("Shape_i", Props{{"i", a}}), {v}, x.loc());
}

TensorVar make_vector(const std::vector<Operand>& elements, std::optional<DType> dtype) {
  std::vector<const Operand*> ptrs;
  for (const Operand& e : elements) ptrs.push_back(&e);
  std::vector<Var> vars = detail::to_vars(ptrs);
  if (!dtype) {
    dtype = vars.empty() ? DType::Int64 : detail::tensor_type(vars[0], "T::make_vector")->dtype();
    for (const Var& v : vars)
      dtype = promote_types(*dtype, detail::tensor_type(v, "T::make_vector")->dtype());
  }
  std::source_location loc = elements.empty() ? here : elements[0].loc();
  return detail::apply1(dtype_op("MakeVector", *dtype), std::move(vars), loc);
}

TensorVar reshape(const Operand& x, const ShapeArg& shape, std::optional<int> ndim) {
  Var v = as_tensor(x).var();
  auto n = shape.length();
  if (!n && !ndim) {
    throw ValueError("T::reshape: the new shape is a symbolic vector of unknown length: give ndim");
  }
  int nd = n ? *n : *ndim;
  if (n && ndim && *n != *ndim) {
    throw ValueError("T::reshape: ndim=" + std::to_string(*ndim) + " but the shape has " +
                     std::to_string(*n) + " entries");
  }
  return detail::apply1(detail::make_op("Reshape", Props{{"ndim", nd}}),
                        {v, shape.as_vector(x.loc())}, x.loc());
}

TensorVar flatten(const Operand& x, int ndim) {
  TensorVar v = as_tensor(x);
  int nd = v.ndim();
  if (ndim < 1 || ndim > std::max(nd, 1)) {
    throw ValueError("T::flatten: ndim=" + std::to_string(ndim) + " for a tensor of " +
                     std::to_string(nd) + " dimensions (expected 1.." +
                     std::to_string(std::max(nd, 1)) + ")");
  }
  std::vector<Operand> dims;
  for (int d = 0; d < ndim - 1; ++d) {
    const StaticDim& s = v.static_shape()[d];
    if (s)
      dims.emplace_back(*s, x.loc());
    else
      dims.emplace_back(shape_i(Operand(v, x.loc()), d), x.loc());
  }
  dims.emplace_back(-1, x.loc());
  return reshape(Operand(v, x.loc()), ShapeArg(dims));
}

TensorVar specify_shape(const Operand& x, const ShapeArg& shape) {
  return detail::apply1(detail::make_op("SpecifyShape"),
                        {as_tensor(x).var(), shape.as_vector(x.loc())}, x.loc());
}

// --- creation -----------------------------------------------------------------------

TensorVar alloc(const Operand& value, const ShapeArg& shape) {
  std::vector<Var> in{as_tensor(value).var()};
  for (Var& d : shape.as_scalars(value.loc())) in.push_back(std::move(d));
  return detail::apply1(detail::make_op("Alloc"), std::move(in), value.loc());
}

TensorVar alloc_empty(const ShapeArg& shape, std::optional<DType> dtype) {
  return detail::apply1(dtype_op("AllocEmpty", dtype.value_or(floatX())), shape.as_scalars(here),
                        here);
}

TensorVar zeros(const ShapeArg& shape, std::optional<DType> dtype) {
  return alloc(constant(0.0, dtype.value_or(floatX())), shape);
}

TensorVar ones(const ShapeArg& shape, std::optional<DType> dtype) {
  return alloc(constant(1.0, dtype.value_or(floatX())), shape);
}

TensorVar zeros_like(const Operand& model, std::optional<DType> dtype) {
  TensorVar m = as_tensor(model);
  return second(Operand(m, model.loc()),
                Operand(constant(0.0, dtype.value_or(m.dtype())), model.loc()));
}

TensorVar ones_like(const Operand& model, std::optional<DType> dtype) {
  TensorVar m = as_tensor(model);
  return second(Operand(m, model.loc()),
                Operand(constant(1.0, dtype.value_or(m.dtype())), model.loc()));
}

}  // namespace theano::tensor
