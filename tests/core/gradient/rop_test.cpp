// Forward mode: Rop through ops with R_op rules (Elemwise) and through ops
// without (the test ops, by Lop of Lop), checked against the analytic
// derivative and against the whole-graph Lop-of-Lop on random inputs.
#include <random>

#include "helpers.h"

namespace theano::gradtest {
namespace {

NDArray random_vector(std::mt19937_64& rng, int n, double lo = -1, double hi = 1) {
  std::uniform_real_distribution<double> u(lo, hi);
  std::vector<double> v(n);
  for (double& e : v) e = u(rng);
  return NDArray::from_vector(v);
}

TEST(Rop, ElemwiseMatchesAnalyticAndLopOfLop) {
  init();
  T::TensorVar x = T::dvector("x"), w = T::dvector("w"), v = T::dvector("v");
  T::TensorVar f = T::exp(x) * w + x * x - T::sin(x) / 3.0;
  Var r = Rop(f, x, v);
  // Theano's identity: Rop(f, x, v) = Lop(Lop(f, x, u), u, v) whatever u is.
  Var u = Variable::make(f->type(), "u");
  Var reference = Lop(Lop(f, x, u), u, v);
  std::mt19937_64 rng(7);
  for (int trial = 0; trial < 3; ++trial) {
    NDArray xs = random_vector(rng, 5), ws = random_vector(rng, 5), vs = random_vector(rng, 5);
    auto xv = xs.to_vector<double>(), wv = ws.to_vector<double>(), vv = vs.to_vector<double>();
    std::vector<double> want(5);
    for (int i = 0; i < 5; ++i) {
      want[i] = (std::exp(xv[i]) * wv[i] + 2 * xv[i] - std::cos(xv[i]) / 3.0) * vv[i];
    }
    auto got = eval({x, w, v, u}, {r, reference}, {xs, ws, vs, random_vector(rng, 5, -9, 9)});
    EXPECT_TRUE(close(got[0].array(), NDArray::from_vector(want), 1e-12, 1e-12));
    EXPECT_TRUE(close(got[1].array(), got[0].array(), 1e-12, 1e-12));
  }
}

TEST(Rop, OpsWithoutROpUseTheirLOp) {
  init();
  Var x = testops::dvector("x"), w = testops::dvector("w"), v = testops::dvector("v");
  Var f = testops::mul(testops::add(x, w), x);  // (x + w) x: d/dx = 2x + w
  Var r = Rop(f, x, v);
  std::mt19937_64 rng(11);
  NDArray xs = random_vector(rng, 4), ws = random_vector(rng, 4), vs = random_vector(rng, 4);
  auto xv = xs.to_vector<double>(), wv = ws.to_vector<double>(), vv = vs.to_vector<double>();
  std::vector<double> want(4);
  for (int i = 0; i < 4; ++i) want[i] = (2 * xv[i] + wv[i]) * vv[i];
  EXPECT_TRUE(close(eval1({x, w, v}, r, {xs, ws, vs}), NDArray::from_vector(want)));
  RopOptions strict;
  strict.lop_fallback = false;
  EXPECT_THROW(Rop(f, x, v, strict), NotImplementedError);
}

TEST(Rop, AgreesWithLopOfLopOnMixedGraphs) {
  init();
  T::TensorVar x = T::dvector("x"), w = T::dvector("w"), v = T::dvector("v"), vw = T::dvector("vw");
  Var f = testops::mul(T::tanh(x * w), testops::add(x, T::exp(w)));
  std::vector<Var> r = Rop({f}, {x, w}, {v, vw});
  Var u = Variable::make(f->type(), "u");
  std::vector<Var> g = Lop({f}, {x, w}, {u});
  Var reference = Lop({g[0], g[1]}, {u}, {v, vw})[0];
  std::mt19937_64 rng(3);
  for (int trial = 0; trial < 3; ++trial) {
    std::vector<Value> args{random_vector(rng, 6), random_vector(rng, 6), random_vector(rng, 6),
                            random_vector(rng, 6), random_vector(rng, 6, -5, 5)};
    auto got = eval({x, w, v, vw, u}, {r[0], reference}, args);
    EXPECT_TRUE(close(got[0].array(), got[1].array(), 1e-12, 1e-12));
  }
}

TEST(Rop, DisconnectedOutputs) {
  init();
  Var x = testops::dvector("x"), w = testops::dvector("w"), v = testops::dvector("v");
  Var f = testops::mul(w, w);
  EXPECT_THROW(Rop(f, x, v), DisconnectedInputError);
  RopOptions options;
  options.disconnected_outputs = DisconnectedPolicy::Ignore;
  EXPECT_TRUE(close(eval1({w}, Rop(f, x, v, options), {dvec({1, 2})}), dvec({0, 0})));
  options.return_disconnected = ReturnDisconnected::None;
  EXPECT_EQ(Rop(f, x, v, options), nullptr);
  // An output that is itself a wrt gets its eval point.
  EXPECT_TRUE(close(eval1({v}, Rop(x, x, v), {dvec({4, 5})}), dvec({4, 5})));
}

}  // namespace
}  // namespace theano::gradtest
