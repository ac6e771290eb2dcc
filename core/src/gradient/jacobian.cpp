// theano::jacobian and theano::hessian. Until scan exists, the Jacobian of an
// n-vector is assembled from n Lops with one-hot eval points: row i is
// e_i^T J, and J = sum_i e_i (x) row_i, so n must be known when building.
#include <iostream>

#include "grad_util.h"
#include "theano/core/gradient.h"
#include "theano/tensor.h"

namespace theano {

namespace gradient_detail {
namespace {

namespace T = theano::tensor;

std::int64_t vector_length(const Var& v, std::optional<std::int64_t> length,
                           const std::string& what) {
  auto tt = as_tensor_type(v->type());
  if (length) {
    if (*length < 0) throw ValueError(what + ": negative length " + std::to_string(*length));
    return *length;
  }
  if (tt && tt->ndim() == 1 && tt->shape()[0]) return *tt->shape()[0];
  throw NotImplementedError(what + ": the length of " + describe(v) + " (" + v->type()->str() +
                            ") is not static; give it a static shape or pass `length` (a "
                            "scan-based Jacobian is not available yet)");
}

// A constant of shape (n, 1, ..., 1) (`trailing` ones) with a 1 at row i.
Var one_hot_column(std::int64_t n, std::int64_t i, int trailing, DType dtype) {
  Shape shape{n};
  shape.insert(shape.end(), trailing, 1);
  NDArray a = NDArray::zeros(DType::Float64, shape);
  a.data<double>()[i] = 1.0;
  return T::constant(a.astype(dtype));
}

Var assemble(const std::vector<Var>& rows, int wrt_ndim) {
  const auto n = static_cast<std::int64_t>(rows.size());
  std::vector<T::Operand> terms;
  for (std::int64_t i = 0; i < n; ++i) {
    T::TensorVar row = rows[i];
    terms.emplace_back(T::mul(one_hot_column(n, i, wrt_ndim, row.dtype()), T::shape_padleft(row)));
  }
  if (terms.size() == 1) return terms[0].var();
  return T::add(terms);
}

Var all_disconnected(const Var& w, std::size_t index, std::int64_t n, const GradOptions& options) {
  std::string msg = "jacobian: the expression does not depend on wrt[" + std::to_string(index) +
                    "] " + describe(w);
  if (options.disconnected_inputs == DisconnectedPolicy::Raise) throw DisconnectedInputError(msg);
  if (options.disconnected_inputs == DisconnectedPolicy::Warn)
    std::cerr << "theano: warning: " << msg << "\n";
  if (options.return_disconnected == ReturnDisconnected::None) return nullptr;
  if (options.return_disconnected == ReturnDisconnected::Disconnected) return disconnected();
  int nd = as_tensor_type(w->type()) ? as_tensor_type(w->type())->ndim() : 0;
  return assemble(std::vector<Var>(n, float_zeros_like(w)), nd);
}

}  // namespace
}  // namespace gradient_detail

std::vector<Var> jacobian(const Var& expression, const std::vector<Var>& wrt,
                          const GradOptions& options, std::optional<std::int64_t> length) {
  using namespace gradient_detail;
  auto tt = expression ? as_tensor_type(expression->type()) : nullptr;
  if (!tt)
    throw TypeError("jacobian: the expression must be a tensor, got " + describe(expression));
  if (tt->ndim() == 0) return grad(expression, wrt, options);
  if (tt->ndim() != 1) {
    throw ValueError("jacobian: the expression must be a vector or 0-d, got " + tt->str());
  }
  std::int64_t n = vector_length(expression, length, "jacobian");
  GradOptions row_options = options;
  row_options.disconnected_inputs = DisconnectedPolicy::Ignore;
  row_options.return_disconnected = ReturnDisconnected::Disconnected;
  std::vector<std::vector<Var>> rows(wrt.size());
  DType dtype = grad_dtype(expression);
  for (std::int64_t i = 0; i < n; ++i) {
    NDArray e = NDArray::zeros(DType::Float64, {n});
    e.data<double>()[i] = 1.0;
    Var point = tensor::constant(e.astype(dtype));
    std::vector<Var> g = Lop({expression}, wrt, {point}, row_options);
    for (std::size_t w = 0; w < wrt.size(); ++w) rows[w].push_back(g[w]);
  }
  std::vector<Var> result;
  for (std::size_t w = 0; w < wrt.size(); ++w) {
    bool any = false;
    for (const Var& r : rows[w]) any = any || !is_disconnected(r);
    if (!any) {
      result.push_back(all_disconnected(wrt[w], w, n, options));
      continue;
    }
    for (Var& r : rows[w]) {
      if (is_disconnected(r)) r = float_zeros_like(wrt[w]);
      if (is_null(r)) throw NullTypeGradError("jacobian: " + r->type()->str());
    }
    result.push_back(assemble(rows[w], as_tensor_type(wrt[w]->type())->ndim()));
  }
  return result;
}

Var hessian(const Var& cost, const Var& wrt, const GradOptions& options,
            std::optional<std::int64_t> length) {
  using namespace gradient_detail;
  auto wt = wrt ? as_tensor_type(wrt->type()) : nullptr;
  if (!wt || wt->ndim() != 1) {
    throw TypeError("hessian: wrt must be a vector, got " +
                    (wrt ? wrt->type()->str() : std::string("null")));
  }
  std::int64_t n = vector_length(wrt, length, "hessian");
  Var g = grad(cost, wrt, options);
  if (!g || !as_tensor_type(g->type())) return g;
  return jacobian(g, wrt, options, n);
}

}  // namespace theano
