// verify_grad: compares an op's symbolic gradient with finite differences.
// The outputs are projected on random arrays r_k (in [0.5, 1.5)), so one
// scalar C = sum_k sum(out_k * r_k) summarises them; its symbolic gradient is
// Lop(outputs, inputs, r), its numeric gradient comes from central
// differences of C, accumulated in float64 outside the graph so that only the
// op's own rounding enters the difference. The worst element (largest error
// relative to the tolerances) is reported.
#include <algorithm>
#include <cmath>
#include <random>
#include <sstream>

#include "theano/core/function.h"
#include "theano/core/gradient.h"

namespace theano {

namespace gradient_detail {
namespace {

double default_eps(DType d) {
  if (d == DType::Float16) return 1e-1;
  if (d == DType::Float32) return 1e-3;
  return 1e-7;
}

double default_tol(DType d) {
  if (d == DType::Float16) return 5e-2;
  if (d == DType::Float32) return 1e-2;
  return 1e-4;
}

std::vector<double> as_doubles(const Value& v) {
  return v.array().to_vector<double>();
}

std::string index_str(std::int64_t flat, const Shape& shape) {
  std::vector<std::int64_t> idx(shape.size());
  for (std::size_t d = shape.size(); d-- > 0;) {
    idx[d] = shape[d] ? flat % shape[d] : 0;
    flat = shape[d] ? flat / shape[d] : 0;
  }
  std::string s = "(";
  for (std::size_t d = 0; d < idx.size(); ++d) s += (d ? ", " : "") + std::to_string(idx[d]);
  return s + (idx.size() == 1 ? ",)" : ")");
}

class GradChecker {
 public:
  GradChecker(const GradFunction& fn, const std::vector<NDArray>& point,
              const VerifyGradOptions& options)
      : point_(point), options_(options) {
    for (std::size_t i = 0; i < point_.size(); ++i) {
      if (is_float(point_[i].dtype())) float_inputs_.push_back(static_cast<int>(i));
    }
    if (float_inputs_.empty()) {
      throw ValueError("verify_grad: no floating-point input to differentiate");
    }
    build(fn);
  }

  GradCheckReport run() {
    std::mt19937_64 rng(options_.seed);
    std::vector<Value> args(point_.begin(), point_.end());
    std::vector<Value> outs = out_fn_->operator()(args);
    for (int t = 0; t < options_.n_tests; ++t) {
      draw_projections(outs, rng);
      std::vector<Value> grad_args = args;
      grad_args.insert(grad_args.end(), projections_.begin(), projections_.end());
      std::vector<Value> analytic = grad_fn_->operator()(grad_args);
      for (std::size_t j = 0; j < float_inputs_.size(); ++j) {
        compare(t, float_inputs_[j], as_doubles(analytic[j]));
      }
    }
    finish_report();
    return report_;
  }

 private:
  // The loosest step and tolerances among the float dtypes involved: a
  // float32 output limits the precision of a float64 input's differences.
  void choose_tolerances(const std::vector<Var>& outputs) {
    double eps = 0, tol = 0;
    auto consider = [&](DType d) {
      eps = std::max(eps, default_eps(d));
      tol = std::max(tol, default_tol(d));
    };
    for (int i : float_inputs_) consider(point_[i].dtype());
    for (const Var& out : outputs) consider(as_tensor_type(out->type())->dtype());
    report_.eps = options_.eps.value_or(eps);
    report_.abs_tol = options_.abs_tol.value_or(tol);
    report_.rel_tol = options_.rel_tol.value_or(tol);
  }

  TypePtr input_type(std::size_t i) const {
    if (i < options_.input_types.size() && options_.input_types[i]) return options_.input_types[i];
    StaticShape shape;
    for (std::int64_t d : point_[i].shape()) shape.push_back(d == 1 ? StaticDim(1) : std::nullopt);
    return TensorType::make(point_[i].dtype(), shape);
  }

  void build(const GradFunction& fn) {
    std::vector<Var> inputs, wrt;
    for (std::size_t i = 0; i < point_.size(); ++i) {
      inputs.push_back(Variable::make(input_type(i), "x" + std::to_string(i)));
    }
    for (int i : float_inputs_) wrt.push_back(inputs[i]);
    std::vector<Var> outputs, projections;
    for (const Var& out : fn(inputs)) {
      auto tt = out ? as_tensor_type(out->type()) : nullptr;
      if (!tt || !is_float(tt->dtype())) continue;
      outputs.push_back(out);
      projections.push_back(Variable::make(tt, "projection" + std::to_string(projections.size())));
    }
    if (outputs.empty()) throw ValueError("verify_grad: the function has no floating-point output");
    choose_tolerances(outputs);
    GradOptions grad_options;
    grad_options.disconnected_inputs = DisconnectedPolicy::Ignore;
    std::vector<Var> grads = Lop(outputs, wrt, projections, grad_options);
    FunctionOptions fopts;
    fopts.mode = options_.mode;
    fopts.on_unused_input = "ignore";
    fopts.name = "verify_grad outputs";
    out_fn_ = function(std::vector<In>(inputs.begin(), inputs.end()),
                       std::vector<Out>(outputs.begin(), outputs.end()), fopts);
    std::vector<In> grad_inputs(inputs.begin(), inputs.end());
    grad_inputs.insert(grad_inputs.end(), projections.begin(), projections.end());
    fopts.name = "verify_grad gradients";
    grad_fn_ = function(grad_inputs, std::vector<Out>(grads.begin(), grads.end()), fopts);
  }

  void draw_projections(const std::vector<Value>& outs, std::mt19937_64& rng) {
    std::uniform_real_distribution<double> uniform(0.5, 1.5);
    projections_.clear();
    projection_values_.clear();
    for (const Value& out : outs) {
      const NDArray& o = out.array();
      std::vector<double> r(static_cast<std::size_t>(o.size()));
      for (double& x : r) x = uniform(rng);
      NDArray proj = NDArray::from_vector(r, o.shape()).astype(o.dtype());
      projection_values_.push_back(proj.to_vector<double>());  // as rounded to the output dtype
      projections_.emplace_back(proj);
    }
  }

  // C = sum_k sum(out_k * r_k) in float64 at `args`.
  double projected_cost(const std::vector<Value>& args) const {
    std::vector<Value> outs = out_fn_->operator()(args);
    double c = 0;
    for (std::size_t k = 0; k < outs.size(); ++k) {
      std::vector<double> o = as_doubles(outs[k]);
      if (o.size() != projection_values_[k].size()) {
        throw ValueError("verify_grad: output " + std::to_string(k) +
                         " changed size under a perturbation");
      }
      for (std::size_t e = 0; e < o.size(); ++e) c += o[e] * projection_values_[k][e];
    }
    return c;
  }

  // Central difference of C along element `e` of input `i`, dividing by the
  // step actually taken once the perturbed values are rounded to the dtype.
  double numeric(int i, std::int64_t e, const std::vector<double>& x) const {
    std::vector<Value> args(point_.begin(), point_.end());
    auto perturbed = [&](double delta, double& stored) {
      std::vector<double> y = x;
      y[e] += delta;
      NDArray a = NDArray::from_vector(y, point_[i].shape()).astype(point_[i].dtype());
      stored = a.to_vector<double>()[e];
      args[i] = Value(a);
      return projected_cost(args);
    };
    double up = 0, down = 0;
    double c_up = perturbed(report_.eps, up);
    double c_down = perturbed(-report_.eps, down);
    if (up == down) {
      throw ValueError("verify_grad: eps " + std::to_string(report_.eps) + " vanishes at input " +
                       std::to_string(i) + " element " + std::to_string(e) + " (value " +
                       std::to_string(x[e]) + ") in " + std::string(dtype_name(point_[i].dtype())));
    }
    return (c_up - c_down) / (up - down);
  }

  void compare(int test, int i, const std::vector<double>& analytic) {
    std::vector<double> x = point_[i].to_vector<double>();
    for (std::int64_t e = 0; e < static_cast<std::int64_t>(x.size()); ++e) {
      double a = analytic[e], n = numeric(i, e, x);
      double abs_err = std::abs(a - n);
      double rel_err = abs_err / std::max(std::abs(a) + std::abs(n), 1e-8);
      double scaled = std::min(abs_err / report_.abs_tol, rel_err / report_.rel_tol);
      if (!std::isfinite(a) || !std::isfinite(n)) scaled = INFINITY;
      if (report_.input >= 0 && !(scaled > worst_)) continue;
      worst_ = scaled;
      report_.test = test;
      report_.input = i;
      report_.element = e;
      report_.input_shape = point_[i].shape();
      report_.analytic = a;
      report_.numeric = n;
      report_.abs_err = abs_err;
      report_.rel_err = rel_err;
    }
  }

  void finish_report() {
    GradCheckReport& r = report_;
    r.ok = worst_ <= 1.0;
    std::ostringstream m;
    m.precision(6);
    m << "verify_grad: " << (r.ok ? "worst element" : "gradient mismatch") << " at input "
      << r.input << " (" << dtype_name(point_[r.input].dtype()) << " " << shape_str(r.input_shape)
      << ") element " << r.element << " " << index_str(r.element, r.input_shape) << ": analytic "
      << r.analytic << ", numeric " << r.numeric << ", abs error " << r.abs_err << " (tolerance "
      << r.abs_tol << "), rel error " << r.rel_err << " (tolerance " << r.rel_tol << "); eps "
      << r.eps << ", random projection " << r.test + 1 << " of " << options_.n_tests;
    r.message = m.str();
  }

  const std::vector<NDArray>& point_;
  const VerifyGradOptions& options_;
  std::vector<int> float_inputs_;
  std::optional<Function> out_fn_, grad_fn_;
  std::vector<Value> projections_;
  std::vector<std::vector<double>> projection_values_;
  GradCheckReport report_;
  double worst_ = 0;
};

}  // namespace
}  // namespace gradient_detail

GradCheckReport check_grad_fn(const GradFunction& fn, const std::vector<NDArray>& point,
                              const VerifyGradOptions& options) {
  if (options.n_tests < 1) throw ValueError("verify_grad: n_tests must be at least 1");
  return gradient_detail::GradChecker(fn, point, options).run();
}

GradCheckReport check_grad(const OpPtr& op, const std::vector<NDArray>& point,
                           const VerifyGradOptions& options) {
  if (!op) throw ValueError("verify_grad: null op");
  return check_grad_fn([op](const std::vector<Var>& in) { return (*op)(in); }, point, options);
}

void verify_grad_fn(const GradFunction& fn, const std::vector<NDArray>& point,
                    const VerifyGradOptions& options) {
  GradCheckReport report = check_grad_fn(fn, point, options);
  if (!report.ok) throw GradientCheckError(report.message, report);
}

void verify_grad(const OpPtr& op, const std::vector<NDArray>& point,
                 const VerifyGradOptions& options) {
  GradCheckReport report = check_grad(op, point, options);
  if (!report.ok) throw GradientCheckError(report.message, report);
}

}  // namespace theano
