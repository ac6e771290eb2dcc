// Numerical stability after the stabilize rewrites: log(sum(exp(x))) and its
// gradient stay finite for logits of magnitude 1000, where the naive graph
// overflows (exp(1000) = inf, inf / inf = nan).
#include <cmath>
#include <regex>

#include "helpers.h"
#include "theano/core/gradient.h"
#include "theano/core/printing.h"

namespace theano::testing {
namespace {

TEST(Stability, LogSumExpAndItsGradientAtLargeLogits) {
  init();
  auto x = T::dmatrix("x");
  T::TensorVar lse = T::log(T::sum(T::exp(x), 1));
  std::vector<Var> g = grad(T::sum(lse), std::vector<Var>{x});
  Function f = function({x}, {lse, g[0]});
  // No exp of a raw input is left: every exp reads x minus its maximum.
  const std::regex raw_exp(R"(exp\(i\d+\)|Elemwise\{exp)");
  for (const Apply* n : f.fgraph().apply_nodes())
    EXPECT_FALSE(std::regex_search(n->op().display(), raw_exp)) << n->op().display();
  EXPECT_LT(f.fgraph().apply_nodes().size(), 16u) << debugprint(f.fgraph().outputs());
  NDArray xv = arr<double>({1000, 0, -1000, 1000, 1000, -1000}, {2, 3});
  auto r = f({xv});
  // Row 0: 1000 + log(1 + e^-1000 + ...) = 1000; row 1: 1000 + log 2.
  EXPECT_TRUE(close(r[0].array(), arr<double>({1000, 1000 + std::log(2.0)}), 1e-12));
  // The gradient is the softmax of each row.
  EXPECT_TRUE(close(r[1].array(), arr<double>({1, 0, 0, 0.5, 0.5, 0}, {2, 3}), 1e-12));
}

}  // namespace
}  // namespace theano::testing
