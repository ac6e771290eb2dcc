// Front end of the extra ops: sorting, cumulative ops, counting and ifelse
// (see theano/tensor/extra.h). Axes are normalised here so that equal
// requests build equal ops.
#include "theano/tensor/extra.h"

#include "detail.h"
#include "theano/tensor/constructors.h"

namespace theano::tensor {

namespace {

PropValue axis_value(const Var& x, OptAxis axis, const std::string& what) {
  if (!axis) return PropValue();
  int ndim = detail::tensor_type(x, what)->ndim();
  if (*axis < -ndim || *axis >= ndim) {
    throw ValueError(what + ": axis " + std::to_string(*axis) +
                     " is out of bounds for a tensor of " + std::to_string(ndim) + " dimensions");
  }
  return PropValue(*axis < 0 ? *axis + ndim : *axis);
}

std::vector<Var> topk_outputs(const Operand& x, const Operand& k, OptAxis axis, bool values,
                              bool indices, DType idx_dtype, const std::string& what) {
  Var v = as_tensor(x).var();
  Var kv = as_tensor(k).var();
  Props props{{"axis", axis_value(v, axis, what)},
              {"return_values", values},
              {"return_indices", indices},
              {"idx_dtype", idx_dtype}};
  return detail::apply(detail::make_op("TopK", props), {v, kv}, x.loc());
}

TensorVar cumulative(const Operand& x, OptAxis axis, const char* mode, const std::string& what) {
  Var v = as_tensor(x).var();
  Props props{{"axis", axis_value(v, axis, what)}, {"mode", mode}, {"reverse", false}};
  return detail::apply1(detail::make_op("CumOp", props), {v}, x.loc());
}

}  // namespace

TensorVar sort(const Operand& x, OptAxis axis) {
  Var v = as_tensor(x).var();
  Props props{{"axis", axis_value(v, axis, "T::sort")}};
  return detail::apply1(detail::make_op("Sort", props), {v}, x.loc());
}

TensorVar argsort(const Operand& x, OptAxis axis) {
  Var v = as_tensor(x).var();
  Props props{{"axis", axis_value(v, axis, "T::argsort")}};
  return detail::apply1(detail::make_op("ArgSort", props), {v}, x.loc());
}

TensorVar topk(const Operand& x, const Operand& k, OptAxis axis) {
  return topk_outputs(x, k, axis, true, false, DType::Int64, "T::topk").at(0);
}

TensorVar argtopk(const Operand& x, const Operand& k, OptAxis axis, DType idx_dtype) {
  return topk_outputs(x, k, axis, false, true, idx_dtype, "T::argtopk").at(0);
}

std::pair<TensorVar, TensorVar> topk_and_argtopk(const Operand& x, const Operand& k, OptAxis axis,
                                                 DType idx_dtype) {
  auto out = topk_outputs(x, k, axis, true, true, idx_dtype, "T::topk_and_argtopk");
  return {out.at(0), out.at(1)};
}

TensorVar searchsorted(const Operand& sorted, const Operand& v, const std::string& side) {
  auto op = detail::make_op("Searchsorted", Props{{"side", side}});
  return detail::apply1(op, {as_tensor(sorted).var(), as_tensor(v).var()}, v.loc());
}

TensorVar searchsorted(const Operand& sorted, const Operand& v, const Operand& sorter,
                       const std::string& side) {
  auto op = detail::make_op("Searchsorted", Props{{"side", side}});
  return detail::apply1(op, {as_tensor(sorted).var(), as_tensor(v).var(), as_tensor(sorter).var()},
                        v.loc());
}

TensorVar cumsum(const Operand& x, OptAxis axis) {
  return cumulative(x, axis, "add", "T::cumsum");
}

TensorVar cumprod(const Operand& x, OptAxis axis) {
  return cumulative(x, axis, "mul", "T::cumprod");
}

TensorVar diff(const Operand& x, int n, std::int64_t axis) {
  Var v = as_tensor(x).var();
  if (n < 0) throw ValueError("T::diff: order n must be non-negative, got " + std::to_string(n));
  Props props{{"n", n}, {"axis", axis_value(v, axis, "T::diff")}, {"adjoint", false}};
  return detail::apply1(detail::make_op("DiffOp", props), {v}, x.loc());
}

TensorVar bincount(const Operand& x, std::int64_t minlength) {
  auto op = detail::make_op("Bincount", Props{{"minlength", minlength}});
  return detail::apply1(op, {as_tensor(x).var()}, x.loc());
}

TensorVar bincount(const Operand& x, const Operand& weights, std::int64_t minlength) {
  auto op = detail::make_op("Bincount", Props{{"minlength", minlength}});
  return detail::apply1(op, {as_tensor(x).var(), as_tensor(weights).var()}, x.loc());
}

UniqueResult unique(const Operand& x, bool return_index, bool return_inverse, bool return_counts) {
  Props props{{"return_index", return_index},
              {"return_inverse", return_inverse},
              {"return_counts", return_counts}};
  auto out = detail::apply(detail::make_op("Unique", props), {as_tensor(x).var()}, x.loc());
  UniqueResult r;
  std::size_t i = 0;
  r.values = out.at(i++);
  if (return_index) r.index = out.at(i++);
  if (return_inverse) r.inverse = out.at(i++);
  if (return_counts) r.counts = out.at(i++);
  return r;
}

TensorVar ifelse(const Operand& cond, const Operand& then_value, const Operand& else_value,
                 const std::string& name) {
  std::vector<Var> branches = detail::to_vars({&then_value, &else_value});
  Props props{{"n_outs", 1}};
  if (!name.empty()) props.set("name", name);
  Var c = as_tensor(cond).var();
  return detail::apply1(detail::make_op("IfElse", props), {c, branches[0], branches[1]},
                        cond.loc());
}

std::vector<TensorVar> ifelse(const Operand& cond, const std::vector<TensorVar>& then_values,
                              const std::vector<TensorVar>& else_values, const std::string& name) {
  if (then_values.size() != else_values.size() || then_values.empty()) {
    throw ValueError("T::ifelse: " + std::to_string(then_values.size()) + " then values and " +
                     std::to_string(else_values.size()) +
                     " else values; expected the same nonzero number");
  }
  Props props{{"n_outs", static_cast<std::int64_t>(then_values.size())}};
  if (!name.empty()) props.set("name", name);
  std::vector<Var> inputs{as_tensor(cond).var()};
  for (const auto& t : then_values) inputs.push_back(t.var());
  for (const auto& e : else_values) inputs.push_back(e.var());
  auto out = detail::apply(detail::make_op("IfElse", props), std::move(inputs), cond.loc());
  return std::vector<TensorVar>(out.begin(), out.end());
}

}  // namespace theano::tensor
