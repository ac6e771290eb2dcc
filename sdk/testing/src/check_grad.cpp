// check_gradient (theano::check_grad of the op at the case's inputs) and
// check_rop (the op's forward-mode derivative against central finite
// differences of perform along a random direction).
#include <sstream>

#include "harness.h"
#include "theano/core/function.h"

namespace theano::testing {

using namespace detail;

namespace {

/// The case's inputs as arrays, or nullopt when one is not an array.
std::optional<std::vector<NDArray>> arrays_of(const OpCase& c) {
  std::vector<NDArray> arrays;
  for (const Value& v : c.inputs) {
    if (!v.is_array()) return std::nullopt;
    arrays.push_back(v.array().copy());  // the op may (wrongly) write its inputs
  }
  return arrays;
}

/// Loosest float dtype among `dtypes` (float64 when none).
DType loosest_float(const std::vector<DType>& dtypes) {
  DType out = DType::Float64;
  for (DType d : dtypes) {
    if (d == DType::Float16 || (d == DType::Float32 && out == DType::Float64)) out = d;
  }
  return out;
}

double fd_eps(DType d) {
  return d == DType::Float16 ? 1e-1 : d == DType::Float32 ? 1e-3 : 1e-7;
}

double fd_tol(DType d) {
  return d == DType::Float16 ? 5e-2 : d == DType::Float32 ? 1e-2 : 1e-4;
}

std::string number(double x) {
  std::ostringstream out;
  out << x;
  return out.str();
}

/// x + scale * v in float64, cast back to x's dtype.
NDArray shifted(const NDArray& x, const NDArray& v, double scale) {
  std::vector<double> xs = x.to_vector<double>(), vs = v.to_vector<double>();
  for (std::size_t i = 0; i < xs.size(); ++i) xs[i] += scale * vs[i];
  return NDArray::from_vector(xs, x.shape()).astype(x.dtype());
}

}  // namespace

CheckResult check_gradient(const OpCase& c, const CheckOptions& options) {
  CheckResult r = start("grad", c);
  if (!c.differentiable) return skip(r, "case marked not differentiable (check_grad = false)");
  auto point = arrays_of(c);
  if (!point) return skip(r, "an input is not an array");
  bool any_float = false;
  for (const NDArray& a : *point) any_float = any_float || is_float(a.dtype());
  if (!any_float) return skip(r, "no floating-point input to differentiate");
  VerifyGradOptions vo = options.grad;
  if (vo.input_types.empty()) vo.input_types = c.symbolic_types();
  GradCheckReport report;
  try {
    report = check_grad(c.op, *point, vo);
  } catch (const std::exception& e) {
    return fail(r, std::string("the gradient could not be computed: ") + e.what());
  }
  if (report.ok) return r;
  r.max_abs_err = report.abs_err;
  r.max_rel_err = report.rel_err;
  std::ostringstream num, ana;
  num.precision(9);
  ana.precision(9);
  num << report.numeric;
  ana << report.analytic;
  r.expected = num.str();
  r.actual = ana.str();
  return fail(r, "gradient disagrees with finite differences: " + report.message);
}

namespace {

struct RopGraph {
  std::vector<Var> eval_vars;  ///< one per float input
  std::vector<int> float_inputs;
  std::vector<int> float_outputs;
  std::vector<Var> rops;  ///< one per float output
  bool via_fallback = false;
};

/// Builds Rop of the node's float outputs into `g`; throws when Rop fails
/// (g.via_fallback then tells whether the L_op fallback was tried).
void build_rop(const BuiltNode& built, RopGraph& g) {
  std::vector<Var> wrt, fs;
  for (int i = 0; i < built.node->nin(); ++i) {
    auto t = as_tensor_type(built.inputs[i]->type());
    if (!t || !is_float(t->dtype())) continue;
    g.float_inputs.push_back(i);
    wrt.push_back(built.inputs[i]);
    g.eval_vars.push_back(Variable::make(t, "v" + std::to_string(i)));
  }
  for (int k = 0; k < built.node->nout(); ++k) {
    auto t = as_tensor_type(built.node->output(k)->type());
    if (!t || !is_float(t->dtype())) continue;
    g.float_outputs.push_back(k);
    fs.push_back(built.node->output(k));
  }
  if (fs.empty() || wrt.empty()) return;
  RopOptions ro;
  ro.disconnected_outputs = DisconnectedPolicy::Ignore;
  ro.lop_fallback = false;
  try {
    g.rops = Rop(fs, wrt, g.eval_vars, ro);
  } catch (const NotImplementedError&) {
    ro.lop_fallback = true;
    g.via_fallback = true;
    g.rops = Rop(fs, wrt, g.eval_vars, ro);
  }
}

}  // namespace

CheckResult check_rop(const OpCase& c, const CheckOptions& options) {
  CheckResult r = start("rop", c);
  if (!c.differentiable) return skip(r, "case marked not differentiable (check_grad = false)");
  if (!arrays_of(c)) return skip(r, "an input is not an array");
  BuiltNode built;
  RopGraph g;
  try {
    built = build_node(c);
  } catch (const std::exception& e) {
    return skip(r, std::string("make_node fails (see the perform check): ") + e.what());
  }
  try {
    build_rop(built, g);
  } catch (const std::exception& e) {
    if (g.via_fallback) return skip(r, std::string("no R_op, and Lop-of-Lop fails: ") + e.what());
    return fail(r, std::string("R_op threw: ") + e.what());
  }
  if (g.float_inputs.empty() || g.float_outputs.empty())
    return skip(r, "no floating-point input or output");
  std::string how = g.via_fallback ? " (op has no R_op: checked Rop through its L_op)" : "";

  std::vector<DType> dtypes;
  std::vector<Value> args = c.inputs, dirs;
  for (std::size_t j = 0; j < g.float_inputs.size(); ++j) {
    const NDArray& x = c.inputs[g.float_inputs[j]].array();
    dtypes.push_back(x.dtype());
    RandomRange range{0.5, 1.5};
    dirs.push_back(Value(random_array(x.dtype(), x.shape(), options.seed + 101 + j, range)));
    args.push_back(dirs.back());
  }
  for (int k : g.float_outputs)
    dtypes.push_back(as_tensor_type(built.node->output(k)->type())->dtype());
  DType loose = loosest_float(dtypes);
  double eps = options.grad.eps.value_or(fd_eps(loose));
  double tol = fd_tol(loose);

  std::vector<Value> analytic, plus, minus;
  try {
    std::vector<In> ins(built.inputs.begin(), built.inputs.end());
    ins.insert(ins.end(), g.eval_vars.begin(), g.eval_vars.end());
    std::vector<Out> outs(g.rops.begin(), g.rops.end());
    FunctionOptions fo;
    fo.mode = options.grad.mode;
    fo.on_unused_input = "ignore";
    analytic = function(ins, outs, fo)(deep_copies(args));
    std::vector<Value> xp = c.inputs, xm = c.inputs;
    for (std::size_t j = 0; j < g.float_inputs.size(); ++j) {
      int i = g.float_inputs[j];
      xp[i] = Value(shifted(c.inputs[i].array(), dirs[j].array(), eps));
      xm[i] = Value(shifted(c.inputs[i].array(), dirs[j].array(), -eps));
    }
    plus = run_node(*built.node, deep_copies(xp));
    minus = run_node(*built.node, deep_copies(xm));
  } catch (const std::exception& e) {
    return fail(r, "evaluating Rop" + how + " threw: " + e.what());
  }
  for (std::size_t j = 0; j < g.float_outputs.size(); ++j) {
    int k = g.float_outputs[j];
    std::vector<double> p = plus[k].array().to_vector<double>(),
                        m = minus[k].array().to_vector<double>();
    for (std::size_t e = 0; e < p.size(); ++e) p[e] = (p[e] - m[e]) / (2 * eps);
    NDArray numeric = NDArray::from_vector(p, plus[k].array().shape());
    NDArray got = analytic[j].array().astype(DType::Float64);
    ArrayDiff diff = compare_arrays(numeric, got, tol, tol);
    if (!diff.ok) {
      record_diff(r,
                  "R_op of output " + std::to_string(k) + how +
                      " disagrees with finite differences (eps " + number(eps) + ")",
                  diff, numeric, got);
      return r;
    }
  }
  if (g.via_fallback) r.reason = "op has no R_op: checked Rop through its L_op";
  return r;
}

}  // namespace theano::testing
