// Building ops by name and applying them for the front end.
#include <iostream>

#include "detail.h"
#include "theano/core/config.h"
#include "theano/core/init.h"
#include "theano/core/registry.h"
#include "theano/tensor/dtype_rules.h"

namespace theano::tensor::detail {

OpPtr make_op(const std::string& name, const Props& props) {
  if (!initialized()) initialize();
  return Registry::global().make_op(name, props);
}

namespace {

bool has_float64(const std::vector<Var>& vars) {
  for (const auto& v : vars) {
    if (auto tt = as_tensor_type(v->type()); tt && tt->dtype() == DType::Float64) return true;
  }
  return false;
}

void check_float64(const Op& op, const std::vector<Var>& inputs, const std::vector<Var>& outputs,
                   const std::source_location& loc) {
  if (!has_float64(outputs) || has_float64(inputs)) return;
  std::string policy = Config::global().get("warn_float64");
  if (policy == "ignore") return;
  std::string msg = op.display() + " built at " + SourceLoc::from(loc).str() +
                    " produces float64 from inputs that are not float64";
  if (policy == "raise") throw TypeError(msg + " (warn_float64=raise)");
  std::cerr << "theano: warning: " << msg << "\n";
}

}  // namespace

std::vector<Var> apply(const OpPtr& op, std::vector<Var> inputs, const std::source_location& loc) {
  std::vector<Var> ins = inputs;
  std::vector<Var> outs = (*op)(std::move(inputs), loc);
  check_float64(*op, ins, outs, loc);
  return outs;
}

std::shared_ptr<const TensorType> tensor_type(const Var& v, const std::string& what) {
  if (!v) throw ValueError(what + ": null variable");
  auto tt = as_tensor_type(v->type());
  if (!tt)
    throw TypeError(what + ": expected a tensor, got " + v->str() + " of type " + v->type()->str());
  return tt;
}

Var weak_constant(const WeakScalar& w, DType dtype, const std::source_location& loc) {
  NDArray value = visit_dtype(dtype, [&](auto tag) -> NDArray {
    using T = typename decltype(tag)::type;
    switch (w.kind) {
      case WeakScalar::Kind::Bool:
        return NDArray::full(dtype, {}, w.b ? 1.0 : 0.0);
      case WeakScalar::Kind::Int:
        if constexpr (std::is_integral_v<T>)
          return NDArray::scalar<T>(static_cast<T>(w.i));
        else
          return NDArray::full(dtype, {}, static_cast<double>(w.i));
      case WeakScalar::Kind::UInt:
        if constexpr (std::is_integral_v<T>)
          return NDArray::scalar<T>(static_cast<T>(w.u));
        else
          return NDArray::full(dtype, {}, static_cast<double>(w.u));
      case WeakScalar::Kind::Float:
        return NDArray::full(dtype, {}, w.f);
      case WeakScalar::Kind::Complex:
        if constexpr (std::is_same_v<T, std::complex<float>> ||
                      std::is_same_v<T, std::complex<double>>)
          return NDArray::scalar<T>(T(w.c));
        else
          return NDArray::full(dtype, {}, w.c.real());
    }
    return NDArray::full(dtype, {}, 0.0);
  });
  return Constant::make(TensorType::make(dtype, StaticShape{}), Value(value), {},
                        SourceLoc::from(loc));
}

std::vector<Var> to_vars(const std::vector<const Operand*>& args) {
  std::vector<DType> strong;
  for (const Operand* a : args) {
    if (!a->is_weak()) strong.push_back(tensor_type(a->var(), "tensor expression")->dtype());
  }
  std::optional<DType> common;
  for (DType d : strong) common = common ? promote_types(*common, d) : d;
  std::vector<Var> out;
  for (const Operand* a : args) {
    if (!a->is_weak()) {
      out.push_back(a->var());
    } else {
      out.push_back(weak_constant(a->weak(), weak_dtype(a->weak(), common), a->loc()));
    }
  }
  return out;
}

Var pad_to(const Var& v, int ndim, const std::source_location& loc) {
  int nd = tensor_type(v, "broadcasting")->ndim();
  if (nd >= ndim) return v;
  std::vector<std::int64_t> order(ndim - nd, -1);
  for (int d = 0; d < nd; ++d) order.push_back(d);
  return apply1(make_op("DimShuffle", Props{{"new_order", PropValue::ints(order)}}), {v}, loc);
}

Var keep_dims(const Var& reduced, const std::vector<std::int64_t>& axes, int input_ndim,
              const std::source_location& loc) {
  std::vector<std::int64_t> order;
  std::int64_t next = 0;
  for (int d = 0; d < input_ndim; ++d) {
    bool gone = std::find(axes.begin(), axes.end(), d) != axes.end();
    order.push_back(gone ? -1 : next++);
  }
  return apply1(make_op("DimShuffle", Props{{"new_order", PropValue::ints(order)}}), {reduced},
                loc);
}

}  // namespace theano::tensor::detail
