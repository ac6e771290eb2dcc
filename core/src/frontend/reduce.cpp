// Reductions and the statistics built on them.
#include "theano/tensor/reduce.h"

#include "detail.h"
#include "theano/core/registry.h"
#include "theano/tensor/constructors.h"
#include "theano/tensor/math.h"

namespace theano::tensor {

namespace {

DType default_sum_dtype(DType in) {
  if (is_bool(in) || is_signed_int(in)) return DType::Int64;
  if (is_unsigned_int(in)) return DType::UInt64;
  return in;
}

DType default_acc_dtype(DType in) {
  switch (in) {
    case DType::Float16:
      return DType::Float32;
    case DType::Float32:
      return DType::Float64;
    case DType::Complex64:
      return DType::Complex128;
    default:
      return default_sum_dtype(in);
  }
}

struct Reduced {
  Var out;
  std::vector<std::int64_t> axes;
  int ndim;
};

Reduced careduce(const std::string& scalar_op, const Operand& x, const Axes& axes, DType dtype,
                 DType acc, const std::string& what) {
  Var v = as_tensor(x).var();
  int ndim = detail::tensor_type(v, what)->ndim();
  std::vector<std::int64_t> ax = axes.resolve(ndim, what);
  Props props{{"scalar_op", scalar_op},
              {"axis", PropValue::ints(ax)},
              {"dtype", dtype},
              {"acc_dtype", acc}};
  Var out = detail::apply1(detail::make_op("CAReduce", props), {v}, x.loc());
  return Reduced{out, ax, ndim};
}

TensorVar finish(const Reduced& r, bool keepdims, const std::source_location& loc) {
  return keepdims ? TensorVar(detail::keep_dims(r.out, r.axes, r.ndim, loc)) : TensorVar(r.out);
}

TensorVar sum_like(const std::string& scalar_op, const Operand& x, const Axes& axes, bool keepdims,
                   const ReduceDTypes& dtypes, const std::string& what) {
  DType in = detail::tensor_type(as_tensor(x).var(), what)->dtype();
  DType out = dtypes.dtype.value_or(default_sum_dtype(in));
  DType acc = dtypes.acc_dtype.value_or(promote_types(default_acc_dtype(in), out));
  if (dtypes.acc_dtype && !can_cast_safely(in, acc) && !(is_discrete(in) && !is_discrete(acc))) {
    throw TypeError(what + ": acc_dtype " + std::string(dtype_name(acc)) +
                    " would lose precision of the input dtype " + std::string(dtype_name(in)));
  }
  return finish(careduce(scalar_op, x, axes, out, acc, what), keepdims, x.loc());
}

TensorVar extremum(const std::string& scalar_op, const Operand& x, const Axes& axes, bool keepdims,
                   const std::string& what) {
  DType in = detail::tensor_type(as_tensor(x).var(), what)->dtype();
  if (is_complex(in)) throw TypeError(what + ": complex numbers have no order");
  return finish(careduce(scalar_op, x, axes, in, in, what), keepdims, x.loc());
}

TensorVar arg_reduce(const std::string& op, const Operand& x, const Axes& axes, bool keepdims) {
  Var v = as_tensor(x).var();
  int ndim = detail::tensor_type(v, "T::" + op)->ndim();
  std::vector<std::int64_t> ax = axes.resolve(ndim, "T::" + op);
  std::string name = op == "argmax" ? "Argmax" : "Argmin";
  Var out =
      detail::apply1(detail::make_op(name, Props{{"axis", PropValue::ints(ax)}}), {v}, x.loc());
  return keepdims ? TensorVar(detail::keep_dims(out, ax, ndim, x.loc())) : TensorVar(out);
}

}  // namespace

TensorVar sum(const Operand& x, Axes axes, bool keepdims, ReduceDTypes dtypes) {
  return sum_like("add", x, axes, keepdims, dtypes, "T::sum");
}
TensorVar prod(const Operand& x, Axes axes, bool keepdims, ReduceDTypes dtypes) {
  return sum_like("mul", x, axes, keepdims, dtypes, "T::prod");
}
TensorVar max(const Operand& x, Axes axes, bool keepdims) {
  return extremum("maximum", x, axes, keepdims, "T::max");
}
TensorVar min(const Operand& x, Axes axes, bool keepdims) {
  return extremum("minimum", x, axes, keepdims, "T::min");
}
TensorVar all(const Operand& x, Axes axes, bool keepdims) {
  return finish(careduce("and", x, axes, DType::Bool, DType::Bool, "T::all"), keepdims, x.loc());
}
TensorVar any(const Operand& x, Axes axes, bool keepdims) {
  return finish(careduce("or", x, axes, DType::Bool, DType::Bool, "T::any"), keepdims, x.loc());
}

TensorVar count(const Operand& x, Axes axes) {
  Var v = as_tensor(x).var();
  auto tt = detail::tensor_type(v, "T::count");
  std::vector<std::int64_t> ax = axes.resolve(tt->ndim(), "T::count");
  std::int64_t known = 1;
  std::vector<Operand> factors;
  for (std::int64_t a : ax) {
    const StaticDim& d = tt->shape()[a];
    if (d) {
      known *= *d;
      continue;
    }
    if (!Registry::global().find_op("Shape_i")) {
      throw PluginError("T::count: dimension " + std::to_string(a) + " of " + tt->str() +
                        " has no static size, and its runtime size needs the op 'Shape_i' " +
                        "(provided by plugin theano.ops.tensor), which is not loaded");
    }
    Var dim = detail::apply1(detail::make_op("Shape_i", Props{{"i", a}}), {v}, x.loc());
    factors.emplace_back(dim, x.loc());
  }
  TensorVar n = constant(NDArray::scalar<std::int64_t>(known), {}, x.loc());
  if (factors.empty()) return n;
  factors.emplace_back(n, x.loc());
  return factors.size() == 2 ? mul(factors[0], factors[1]) : mul(factors);
}

TensorVar mean(const Operand& x, Axes axes, bool keepdims) {
  TensorVar v = as_tensor(x);
  DType in = v.dtype();
  ReduceDTypes dt;
  if (is_discrete(in)) dt.dtype = DType::Float64;
  if (in == DType::Float16) dt.dtype = DType::Float32;
  TensorVar s = sum(Operand(v, x.loc()), axes, false, dt);
  TensorVar n = cast(Operand(count(Operand(v, x.loc()), axes), x.loc()), real_dtype(s.dtype()));
  TensorVar m = true_div(Operand(s, x.loc()), Operand(n, x.loc()));
  if (in == DType::Float16) m = cast(Operand(m, x.loc()), DType::Float16);
  if (!keepdims) return m;
  return detail::keep_dims(m, axes.resolve(v.ndim(), "T::mean"), v.ndim(), x.loc());
}

TensorVar var(const Operand& x, Axes axes, bool keepdims, int ddof) {
  TensorVar v = as_tensor(x);
  const auto& loc = x.loc();
  TensorVar m = mean(Operand(v, loc), axes, true);
  TensorVar d = sub(Operand(v, loc), Operand(m, loc));
  TensorVar sq =
      is_complex(d.dtype()) ? sqr(Operand(abs(Operand(d, loc)), loc)) : sqr(Operand(d, loc));
  TensorVar ss = sum(Operand(sq, loc), axes, keepdims);
  TensorVar n = count(Operand(v, loc), axes);
  if (ddof != 0) n = sub(Operand(n, loc), Operand(ddof, loc));
  return true_div(Operand(ss, loc), Operand(cast(Operand(n, loc), ss.dtype()), loc));
}

TensorVar std(const Operand& x, Axes axes, bool keepdims, int ddof) {
  return sqrt(Operand(var(x, std::move(axes), keepdims, ddof), x.loc()));
}

TensorVar argmax(const Operand& x, Axes axes, bool keepdims) {
  return arg_reduce("argmax", x, axes, keepdims);
}
TensorVar argmin(const Operand& x, Axes axes, bool keepdims) {
  return arg_reduce("argmin", x, axes, keepdims);
}

TensorVar norm(const Operand& x, double L, Axes axes, bool keepdims) {
  const auto& loc = x.loc();
  TensorVar a = abs(x);
  if (L == 1) return sum(Operand(a, loc), axes, keepdims);
  if (L == 2) return sqrt(Operand(sum(Operand(sqr(Operand(a, loc)), loc), axes, keepdims), loc));
  TensorVar s = sum(Operand(pow(Operand(a, loc), Operand(L, loc)), loc), axes, keepdims);
  return pow(Operand(s, loc), Operand(1.0 / L, loc));
}

TensorVar ptp(const Operand& x, Axes axes, bool keepdims) {
  return sub(Operand(max(x, axes, keepdims), x.loc()), Operand(min(x, axes, keepdims), x.loc()));
}

}  // namespace theano::tensor
