// Gradients checked against finite differences (verify_grad) for dot in every
// rank combination, tensordot, batched_dot and each BLAS op; R-op of dot
// against the Jacobian-vector product computed by hand.
#include "helpers.h"
#include "theano/core/gradient.h"
#include "theano/core/registry.h"
#include "theano/optdb/graph_ops.h"

namespace theano::testing {
namespace {

using Inputs = std::vector<Var>;

NDArray r(Shape s, double scale = 0.3) {
  return ramp(std::move(s), scale);
}

TEST(BlasGrad, DotEveryRankCombination) {
  init();
  auto dot = [](const Inputs& in) { return T::dot(in[0], in[1]); };
  verify_grad(dot, {r({4}), r({4}, 0.2)});
  verify_grad(dot, {r({3, 4}), r({4}, 0.2)});
  verify_grad(dot, {r({4}), r({4, 2}, 0.2)});
  verify_grad(dot, {r({3, 4}), r({4, 2}, 0.2)});
  verify_grad(dot, {r({2, 3, 4}), r({4, 2}, 0.2)});
  verify_grad(dot, {r({3, 4}), r({2, 4, 3}, 0.2)});
}

TEST(BlasGrad, DotOfTransposedAndFloat32) {
  init();
  verify_grad([](const Inputs& in) { return T::dot(T::TensorVar(in[0]).T(), in[1]); },
              {r({4, 3}), r({4, 2}, 0.2)});
  verify_grad([](const Inputs& in) { return T::dot(in[0], in[1]); },
              {ramp({3, 4}, 0.3, DType::Float32), ramp({4, 2}, 0.2, DType::Float32)});
}

TEST(BlasGrad, TensorDotAndBatchedDot) {
  init();
  verify_grad(
      [](const Inputs& in) {
        return T::tensordot(in[0], in[1], {0, 2}, {1, 0});
      },
      {r({3, 4, 2}), r({2, 3, 5}, 0.2)});
  verify_grad([](const Inputs& in) { return T::tensordot(in[0], in[1], 2); },
              {r({2, 3, 4}), r({3, 4, 2}, 0.2)});
  auto bd = [](const Inputs& in) { return T::batched_dot(in[0], in[1]); };
  verify_grad(bd, {r({2, 3, 4}), r({2, 4, 5}, 0.2)});
  verify_grad(bd, {r({2, 4}), r({2, 4, 5}, 0.2)});
  verify_grad(bd, {r({2, 3, 4}), r({2, 4}, 0.2)});
  verify_grad(bd, {r({2, 4}), r({2, 4}, 0.2)});
}

TEST(BlasGrad, BlasOpsDirectly) {
  init();
  const Registry& reg = Registry::global();
  verify_grad(reg.make_op("Dot22"), {r({3, 4}), r({4, 2}, 0.2)});
  verify_grad(reg.make_op("Dot22Scalar"), {r({3, 4}), r({4, 2}, 0.2), NDArray::scalar(1.5)});
  verify_grad(
      reg.make_op("Gemm", Props{{"inplace", false}}),
      {r({3, 2}, 1.0), NDArray::scalar(0.7), r({3, 4}), r({4, 2}, 0.2), NDArray::scalar(-0.4)});
  verify_grad(reg.make_op("Gemv", Props{{"inplace", false}}),
              {r({3}, 1.0), NDArray::scalar(0.7), r({3, 4}), r({4}, 0.2), NDArray::scalar(1.3)});
  verify_grad(reg.make_op("Ger", Props{{"destructive", false}}),
              {r({3, 2}, 1.0), NDArray::scalar(0.7), r({3}), r({2}, 0.2)});
}

TEST(BlasGrad, GradThroughOptimizedGraphMatchesUnoptimized) {
  // The cost contains a gemm pattern; the optimized function gives the same gradient.
  init();
  auto x = T::dmatrix("x"), w = T::dmatrix("w"), z = T::dmatrix("z");
  T::TensorVar cost = T::sum(T::sqr(0.5 * z + 2.0 * T::dot(x, w)));
  Var g = grad(cost, w);
  NDArray xa = r({3, 4}), wa = r({4, 2}, 0.2), za = r({3, 2}, 1.0);
  NDArray fast = compile({x, w, z}, {g})({xa, wa, za}).at(0).array();
  FunctionOptions none;
  none.mode = Mode::named("FAST_COMPILE");
  NDArray slow = compile({x, w, z}, {g}, none)({xa, wa, za}).at(0).array();
  EXPECT_TRUE(close(fast, slow));
}

TEST(BlasGrad, RopOfDot) {
  init();
  auto x = T::dmatrix("x"), y = T::dvector("y"), ex = T::dmatrix("ex"), ey = T::dvector("ey");
  T::TensorVar out = T::dot(x, y);
  std::vector<Var> jv =
      Rop(std::vector<Var>{out}, std::vector<Var>{x, y}, std::vector<Var>{ex, ey});
  NDArray xa = r({3, 4}), ya = r({4}, 0.2), exa = r({3, 4}, 0.7), eya = r({4}, 0.9);
  NDArray got = compile({x, y, ex, ey}, {jv[0]})({xa, ya, exa, eya}).at(0).array();
  NDArray a = ref_matmul(exa, ya.reshape({4, 1})), b = ref_matmul(xa, eya.reshape({4, 1}));
  for (std::int64_t i = 0; i < 3; ++i) EXPECT_NEAR(got.at({i}), a.at({i, 0}) + b.at({i, 0}), 1e-12);
}

TEST(BlasGrad, InferShapeFromOperandShapes) {
  init();
  auto x = T::dmatrix("x"), y = T::dtensor3("y"), z = T::dmatrix("z"), v = T::dvector("v");
  auto shapes_of = [](const T::TensorVar& t) {
    ShapeVars s;
    for (int d = 0; d < t.ndim(); ++d) s.push_back(optdb::shape_i(t, d));
    return s;
  };
  auto infer = [&](const T::TensorVar& out) {
    const Apply* n = out->owner();
    std::vector<ShapeVars> in;
    for (const Var& i : n->inputs()) in.push_back(shapes_of(i));
    return std::make_pair(n->op().infer_shape(*n, in).value().at(0), in);
  };
  auto [td, td_in] = infer(T::tensordot(x, y, {1}, {1}));
  ASSERT_EQ(td.size(), 3u);
  EXPECT_EQ(td[0], td_in[0][0]);
  EXPECT_EQ(td[1], td_in[1][0]);
  EXPECT_EQ(td[2], td_in[1][2]);
  auto [mv, mv_in] = infer(T::dot(x, v));
  ASSERT_EQ(mv.size(), 1u);
  EXPECT_EQ(mv[0], mv_in[0][0]);
  auto [bd, bd_in] = infer(T::batched_dot(y, T::dtensor3("w")));
  ASSERT_EQ(bd.size(), 3u);
  EXPECT_EQ(bd[0], bd_in[0][0]);
  EXPECT_EQ(bd[2], bd_in[1][2]);
  auto gemm = Registry::global().make_op("Gemm", Props{{"inplace", false}});
  T::TensorVar g = gemm->apply1({z, T::dscalar("a"), x, T::dmatrix("w2"), T::dscalar("b")});
  auto [gs, gs_in] = infer(g);
  EXPECT_EQ(gs, gs_in[0]);
}

}  // namespace
}  // namespace theano::testing
