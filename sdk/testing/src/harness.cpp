// The helpers every check shares (see harness.h) and OpCase.
#include "harness.h"

#include <cmath>
#include <sstream>

namespace theano::testing {

OpCase OpCase::from_example(const OpSchema& schema, const ExampleCase& example) {
  return OpCase{schema.from_props(example.props), example.inputs, example.input_types,
                example.label, example.check_grad};
}

std::vector<TypePtr> OpCase::symbolic_types() const {
  if (!input_types.empty()) return input_types;
  std::vector<TypePtr> types;
  for (const Value& v : inputs) {
    types.push_back(v.is_array() ? TypePtr(TensorType::make(v.array().dtype(), v.array().ndim()))
                                 : TypePtr(GenericType::make()));
  }
  return types;
}

namespace detail {

BuiltNode build_node(const OpCase& c) {
  BuiltNode built;
  std::vector<TypePtr> types = c.symbolic_types();
  for (std::size_t i = 0; i < types.size(); ++i) {
    built.inputs.push_back(Variable::make(types[i], "in" + std::to_string(i)));
  }
  built.node = c.op->make_node(built.inputs);
  return built;
}

std::vector<Value> run_node(const Apply& node, const std::vector<Value>& inputs,
                            const Thunk& thunk) {
  std::vector<Value> outputs(static_cast<std::size_t>(node.nout()));
  std::vector<const Value*> in_cells;
  for (const Value& v : inputs) in_cells.push_back(&v);
  std::vector<Value*> out_cells;
  for (Value& v : outputs) out_cells.push_back(&v);
  InputRefs in(in_cells.data(), in_cells.size());
  OutputRefs out(out_cells.data(), out_cells.size());
  if (thunk) {
    thunk(in, out);
  } else {
    node.op().perform(node, in, out);
  }
  return outputs;
}

std::vector<Value> deep_copies(const std::vector<Value>& values) {
  std::vector<Value> out;
  for (const Value& v : values) out.push_back(v.deep_copy());
  return out;
}

CheckResult start(const std::string& check, const OpCase& c) {
  CheckResult r;
  r.check = check;
  r.op = c.op ? c.op->display() : "<null op>";
  r.case_label = c.label;
  return r;
}

CheckResult& fail(CheckResult& r, const std::string& reason) {
  r.outcome = Outcome::Fail;
  r.reason = where(r) + ": " + reason;
  return r;
}

CheckResult& skip(CheckResult& r, const std::string& reason) {
  r.outcome = Outcome::Skip;
  r.reason = reason;
  return r;
}

std::string where(const CheckResult& r) {
  return r.op + (r.case_label.empty() ? "" : " [" + r.case_label + "]");
}

std::string values_summary(const std::vector<Value>& values) {
  std::string out;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i) out += ", ";
    const Value& v = values[i];
    out += v.is_array()
               ? std::string(dtype_name(v.array().dtype())) + " " + shape_str(v.array().shape())
               : v.summary();
  }
  return out;
}

double default_abs_tol(DType dtype) {
  if (dtype == DType::Float16) return 1e-2;
  if (dtype == DType::Float32 || dtype == DType::Complex64) return 1e-4;
  if (is_discrete(dtype)) return 0;
  return 1e-7;
}

double default_rel_tol(DType dtype) {
  if (dtype == DType::Float16) return 1e-2;
  if (dtype == DType::Float32 || dtype == DType::Complex64) return 1e-3;
  if (is_discrete(dtype)) return 0;
  return 1e-5;
}

std::string render(const NDArray& a) {
  return a.size() <= 24 ? a.str() : a.summary();
}

namespace {

/// Element-wise comparison of same-sized double vectors; fills diff.
void compare_values(const std::vector<double>& e, const std::vector<double>& a, double abs_tol,
                    double rel_tol, const Shape& shape, ArrayDiff& diff) {
  std::int64_t worst = -1;
  double worst_excess = 0;
  for (std::size_t i = 0; i < e.size(); ++i) {
    if (std::isnan(e[i]) && std::isnan(a[i])) continue;
    if (e[i] == a[i]) continue;
    double abs_err = std::fabs(a[i] - e[i]);
    if (std::isnan(abs_err)) abs_err = INFINITY;
    double rel_err = abs_err / std::max(std::fabs(e[i]), 1e-300);
    diff.max_abs = std::max(diff.max_abs, abs_err);
    diff.max_rel = std::max(diff.max_rel, rel_err);
    double excess = abs_err - (abs_tol + rel_tol * std::fabs(e[i]));
    if (excess > 0 && (worst < 0 || excess > worst_excess)) {
      worst = static_cast<std::int64_t>(i);
      worst_excess = excess;
    }
  }
  if (worst < 0) return;
  diff.ok = false;
  std::ostringstream msg;
  msg.precision(9);
  msg << "element " << worst << " (flat, of shape " << shape_str(shape) << "): expected "
      << e[worst] << ", got " << a[worst] << "; max abs error " << diff.max_abs
      << ", max rel error " << diff.max_rel << " (tolerance abs " << abs_tol << ", rel " << rel_tol
      << ")";
  diff.message = msg.str();
}

}  // namespace

ArrayDiff compare_arrays(const NDArray& expected, const NDArray& actual,
                         std::optional<double> abs_tol, std::optional<double> rel_tol) {
  ArrayDiff diff;
  if (expected.dtype() != actual.dtype()) {
    diff.ok = false;
    diff.message = "expected dtype " + std::string(dtype_name(expected.dtype())) + ", got " +
                   std::string(dtype_name(actual.dtype()));
    return diff;
  }
  if (expected.shape() != actual.shape()) {
    diff.ok = false;
    diff.message =
        "expected shape " + shape_str(expected.shape()) + ", got " + shape_str(actual.shape());
    return diff;
  }
  DType d = expected.dtype();
  double at = abs_tol.value_or(default_abs_tol(d)), rt = rel_tol.value_or(default_rel_tol(d));
  if (is_complex(d)) {
    NDArray e = expected.astype(DType::Complex128), a = actual.astype(DType::Complex128);
    std::vector<double> ev, av;
    for (const auto& z : e.to_vector<std::complex<double>>())
      ev.insert(ev.end(), {z.real(), z.imag()});
    for (const auto& z : a.to_vector<std::complex<double>>())
      av.insert(av.end(), {z.real(), z.imag()});
    Shape doubled = expected.shape();
    doubled.push_back(2);
    compare_values(ev, av, at, rt, doubled, diff);
    return diff;
  }
  compare_values(expected.to_vector<double>(), actual.to_vector<double>(), at, rt, expected.shape(),
                 diff);
  return diff;
}

void record_diff(CheckResult& r, const std::string& what, const ArrayDiff& diff,
                 const NDArray& expected, const NDArray& actual) {
  r.max_abs_err = diff.max_abs;
  r.max_rel_err = diff.max_rel;
  r.expected = render(expected);
  r.actual = render(actual);
  fail(r, what + ": " + diff.message);
}

}  // namespace detail
}  // namespace theano::testing
