// The gradient-helper ops: identity forward, their special backward pass,
// their R_op, and their registration (ops and removal rewrites).
#include "helpers.h"
#include "theano/core/registry.h"

namespace theano::gradtest {
namespace {

using testops::mul;

TEST(GradHelpers, ForwardIsTheIdentity) {
  init();
  Var x = testops::dvector("x");
  for (Var y : {zero_grad(x), disconnected_grad(x), undefined_grad(x), grad_clip(x, -1, 1),
                grad_scale(x, 3), consider_constant(x)}) {
    EXPECT_TRUE(same_type(y->type(), x->type()));
    EXPECT_TRUE(close(eval1({x}, y, {dvec({1, -2, 3})}), dvec({1, -2, 3})))
        << y->owner()->op().display();
  }
}

TEST(GradHelpers, ZeroGradAndConsiderConstantBlockTheirPath) {
  init();
  Var x = testops::dscalar("x");
  // d/dx [h(x) * x] = h'(x) x + h(x) = h(x) when h' is zero.
  EXPECT_TRUE(close(eval1({x}, grad(mul(zero_grad(x), x), x), {dscal(3.0)}), dscal(3.0)));
  EXPECT_TRUE(close(eval1({x}, grad(mul(consider_constant(x), x), x), {dscal(3.0)}), dscal(3.0)));
  // Through zero_grad alone the gradient is connected, and zero.
  EXPECT_TRUE(
      close(eval1({x}, grad(mul(zero_grad(x), zero_grad(x)), x), {dscal(3.0)}), dscal(0.0)));
}

TEST(GradHelpers, DisconnectedGradDisconnects) {
  init();
  Var x = testops::dscalar("x"), y = testops::dscalar("y");
  EXPECT_THROW(grad(mul(disconnected_grad(x), y), x), DisconnectedInputError);
  EXPECT_TRUE(close(eval1({x}, grad(mul(disconnected_grad(x), x), x), {dscal(3.0)}), dscal(3.0)));
}

TEST(GradHelpers, UndefinedGradFailsOnlyWhenNeeded) {
  init();
  Var x = testops::dscalar("x"), y = testops::dscalar("y");
  Var cost = mul(undefined_grad(x), y);
  EXPECT_TRUE(close(eval1({x, y}, grad(cost, y), {dscal(3.0), dscal(4.0)}), dscal(3.0)));
  try {
    grad(cost, x);
    FAIL() << "expected NullTypeGradError";
  } catch (const NullTypeGradError& e) {
    EXPECT_NE(std::string(e.what()).find("UndefinedGrad"), std::string::npos) << e.what();
  }
}

TEST(GradHelpers, GradClipClipsTheIncomingGradient) {
  init();
  Var x = testops::dscalar("x"), k = testops::dscalar("k");
  Var g = grad(mul(grad_clip(x, -1, 1), k), x);
  EXPECT_TRUE(close(eval1({x, k}, g, {dscal(2.0), dscal(5.0)}), dscal(1.0)));
  EXPECT_TRUE(close(eval1({x, k}, g, {dscal(2.0), dscal(-0.5)}), dscal(-0.5)));
  EXPECT_TRUE(close(eval1({x, k}, g, {dscal(2.0), dscal(-7.0)}), dscal(-1.0)));
  EXPECT_THROW(grad_clip(x, 1, -1), ValueError);
}

TEST(GradHelpers, GradScaleScales) {
  init();
  Var x = testops::dscalar("x");
  // d/dx [s(x) * x] = 3x + x.
  EXPECT_TRUE(close(eval1({x}, grad(mul(grad_scale(x, 3), x), x), {dscal(2.0)}), dscal(8.0)));
}

TEST(GradHelpers, ForwardModeDerivatives) {
  init();
  Var x = testops::dvector("x"), v = testops::dvector("v");
  std::vector<Value> args{dvec({1, 2}), dvec({5, -6})};
  EXPECT_TRUE(close(eval1({x, v}, Rop(grad_clip(x, -1, 1), x, v), args), dvec({5, -6})));
  EXPECT_TRUE(close(eval1({x, v}, Rop(grad_scale(x, 3), x, v), args), dvec({5, -6})));
  EXPECT_TRUE(close(eval1({x, v}, Rop(zero_grad(x), x, v), args), dvec({0, 0})));
  EXPECT_THROW(Rop(disconnected_grad(x), x, v), DisconnectedInputError);
}

TEST(GradHelpers, RegisteredByName) {
  Registry registry;
  registry.register_plugin("theano.core.gradient", register_gradient_builtins);
  for (const char* name : {"ZeroGrad", "DisconnectedGrad", "UndefinedGrad", "ConsiderConstant",
                           "GradClip", "GradScale"}) {
    ASSERT_NE(registry.find_op(name), nullptr) << name;
  }
  Var x = testops::dvector("x");
  OpPtr clip =
      registry.make_op("GradClip", Props{{"clip_lower_bound", -2.0}, {"clip_upper_bound", 3}});
  EXPECT_TRUE(clip->equals(grad_clip(x, -2, 3)->owner()->op()));
  OpPtr scale = registry.make_op("GradScale", Props{{"multiplier", 0.5}});
  EXPECT_TRUE(scale->equals(grad_scale(x, 0.5)->owner()->op()));
  EXPECT_FALSE(scale->equals(grad_scale(x, 2)->owner()->op()));
  EXPECT_ANY_THROW(
      registry.make_op("GradClip", Props{{"clip_lower_bound", 1.0}, {"clip_upper_bound", 0.0}}));
  int removals = 0;
  for (const RewriteSpec& r : registry.rewrites()) {
    if (r.name.rfind("local_remove_", 0) == 0 && r.phase == "canonicalize") ++removals;
  }
  EXPECT_EQ(removals, 6);
}

}  // namespace
}  // namespace theano::gradtest
