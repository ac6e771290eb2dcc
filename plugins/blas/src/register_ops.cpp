// Registration of the BLAS ops with example cases for the plugin test
// harness, of the rewrites into the specialize phase, and of blas.threads.
#include <functional>

#include "kernels/threads.h"
#include "ops/blas_ops.h"
#include "registration.h"
#include "rewrites/rewrites.h"
#include "theano/optdb/rewriter.h"

namespace theano::blas {

namespace {

NDArray mat(std::initializer_list<double> v, std::int64_t rows, std::int64_t cols) {
  return NDArray::from_values<double>(v, {rows, cols});
}
NDArray vec(std::initializer_list<double> v) {
  return NDArray::from_values<double>(v);
}
NDArray num(double v) {
  return NDArray::scalar(v);
}

template <class O>
std::function<OpPtr(const Props&)> fixed() {
  auto op = std::make_shared<O>();
  return [op](const Props&) -> OpPtr { return op; };
}

template <class O>
std::function<OpPtr(const Props&)> flagged(const char* prop) {
  return [prop](const Props& p) -> OpPtr {
    return std::make_shared<O>(p.contains(prop) && p.get_as<bool>(prop));
  };
}

const NDArray kA = mat({1, 2, 3, 4, 5, 6}, 2, 3);
const NDArray kB = mat({0.5, -1, 2, 0, 1, 3}, 3, 2);

}  // namespace

void register_ops(Registrar& r) {
  r.add_op(OpSchema{"Dot",
                    "numpy.dot for operands of 1 or 2 dimensions",
                    fixed<DotOp>(),
                    {ExampleCase{"matrix matrix", {}, {kA, kB}},
                     ExampleCase{"matrix vector", {}, {kA, vec({1, -2, 0.5})}},
                     ExampleCase{"vector matrix", {}, {vec({1, 2}), kA}},
                     ExampleCase{"vector vector", {}, {vec({1, 2, 3}), vec({-1, 0.5, 2})}}}});
  r.add_op(OpSchema{"Dot22",
                    "x @ y for float or complex matrices",
                    fixed<Dot22Op>(),
                    {{"product", {}, {kA, kB}}}});
  r.add_op(OpSchema{"Dot22Scalar",
                    "a * (x @ y) for float or complex matrices and a 0-d a",
                    fixed<Dot22ScalarOp>(),
                    {{"scaled product", {}, {kA, kB, num(-1.5)}}}});
  r.add_op(OpSchema{"Gemm",
                    "b*z + a*(x @ y); prop inplace overwrites z",
                    flagged<GemmOp>("inplace"),
                    {{"gemm",
                      Props{{"inplace", false}},
                      {mat({1, 1, 1, 1}, 2, 2), num(0.5), kA, kB, num(2.0)}}}});
  r.add_op(OpSchema{"Gemv",
                    "beta*y + alpha*(A @ x); prop inplace overwrites y",
                    flagged<GemvOp>("inplace"),
                    {{"gemv",
                      Props{{"inplace", false}},
                      {vec({1, -1}), num(2.0), kA, vec({1, 0, -1}), num(0.5)}}}});
  r.add_op(OpSchema{
      "Ger",
      "A + alpha*outer(x, y); prop destructive overwrites A",
      flagged<GerOp>("destructive"),
      {{"ger", Props{{"destructive", false}}, {kA, num(0.5), vec({1, 2}), vec({3, -1, 0.5})}}}});
  r.add_op(OpSchema{
      "BatchedDot",
      "out[i] = dot(x[i], y[i]) for operands of 2 or 3 dimensions",
      fixed<BatchedDotOp>(),
      {{"3d 3d", {}, {kA.reshape({1, 2, 3}), kB.reshape({1, 3, 2})}},
       {"2d 3d",
        {},
        {kA, NDArray::from_values<double>({1, 2, 3, 4, 5, 6, 7, 8, 9, 1, 2, 3}, {2, 3, 2})}}}});
  r.add_op(OpSchema{"TensorDot",
                    "numpy.tensordot with props axes_a, axes_b",
                    &TensorDotOp::from_props,
                    {{"contract one axis",
                      Props{{"axes_a", PropValue::ints({1})}, {"axes_b", PropValue::ints({0})}},
                      {kA, kB}}}});
}

void register_rewrites(Registrar& r) {
  auto local = [&r](const std::string& name, optdb::FunctionLocalRewriter::Fn fn,
                    std::vector<std::string> tracks) {
    r.add_rewrite(RewriteSpec{
        name,
        {"fast_run", "blas", "specialize"},
        "specialize",
        std::make_shared<optdb::FunctionLocalRewriter>(name, std::move(tracks), std::move(fn))});
  };
  local("local_dot_to_dot22", local_dot_to_dot22, {"Dot"});
  local("local_gemm", local_gemm, {"Elemwise"});
  local("local_dot22_to_dot22scalar", local_dot22_to_dot22scalar, {"Elemwise"});
}

void register_config(Registrar& r) {
  r.add_config_option(ConfigOptionSpec{
      kThreadsFlag,
      "0",
      "threads OpenBLAS may use; 0: one thread for products under 2^21 multiply-adds, every core "
      "from 2^28, and in between every core only while the 1-minute load average is under the "
      "core count + 0.5 (fastest on this shared machine: see docs/performance.md)",
      {},
      [](const std::string& text) {
        try {
          if (std::stoll(text) < 0) throw ConfigError("must be >= 0");
        } catch (const std::logic_error&) {
          throw ConfigError("expected a non-negative integer, got '" + text + "'");
        }
      }});
}

}  // namespace theano::blas
