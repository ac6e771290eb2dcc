// Fusion and the interpreter's operand limit: an Elemwise node runs with at
// most 96 operands (inputs plus outputs), so fusion must never build a wider
// one, and the wide sums a gradient or canonicalization produces (thousands
// of terms) must be split into parts that fit.
#include <algorithm>
#include <cmath>

#include "helpers.h"
#include "theano/core/gradient.h"
#include "theano/core/printing.h"

namespace theano::testing {
namespace {

constexpr int kMaxOperands = 96;

// The widest Elemwise node of a compiled function (inputs plus outputs).
int widest_elemwise(const Function& f) {
  int widest = 0;
  for (const Apply* node : f.fgraph().apply_nodes())
    if (node->op().name() == "Elemwise") widest = std::max(widest, node->nin() + node->nout());
  return widest;
}

TEST(FusionCap, ManyDistinctInputsAreSplitAcrossNodes) {
  init();
  // exp(x0) + exp(x1) + ... + exp(x199): one Composite would read 200 inputs.
  const int n = 200;
  std::vector<In> inputs;
  std::vector<Value> args;
  T::TensorVar total;
  double expected = 0;
  for (int i = 0; i < n; ++i) {
    auto x = T::dvector("x" + std::to_string(i));
    inputs.emplace_back(x);
    double v = 0.001 * i;
    args.push_back(arr<double>({v, -v}));
    expected += std::exp(v);
    total = i == 0 ? T::exp(x) : total + T::exp(x);
  }
  Function f = function(inputs, {total});
  EXPECT_LE(widest_elemwise(f), kMaxOperands) << debugprint(f);
  NDArray r = f(args)[0].array();
  double back = 0;
  for (int i = 0; i < n; ++i) back += std::exp(-0.001 * i);
  EXPECT_TRUE(close(r, arr<double>({expected, back}))) << r.str();
}

TEST(FusionCap, GradientOfAValueReadHundredsOfTimes) {
  init();
  // x is read by 501 nodes: its gradient sums 501 terms in one add.
  auto x = T::dvector("x");
  T::TensorVar v = x;
  for (int i = 0; i < 500; ++i) v = T::tanh(v) + x;
  Var g = grad(T::sum(v), {Var(x)})[0];
  Function f = function({x}, {g});
  EXPECT_LE(widest_elemwise(f), kMaxOperands) << debugprint(f);
  // Forward mode by hand: d v' / dx = (1 - tanh(v)^2) d v / dx + 1.
  std::vector<double> xs{0.1, -0.2, 0.3}, want;
  for (double xv : xs) {
    double value = xv, d = 1;
    for (int i = 0; i < 500; ++i) {
      double t = std::tanh(value);
      d = (1 - t * t) * d + 1;
      value = t + xv;
    }
    want.push_back(d);
  }
  NDArray got = f({arr<double>({xs[0], xs[1], xs[2]})})[0].array();
  EXPECT_TRUE(close(got, arr<double>({want[0], want[1], want[2]}), 1e-9)) << got.str();
}

}  // namespace
}  // namespace theano::testing
