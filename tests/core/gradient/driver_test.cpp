// The reverse-mode driver on the test ops: accumulation over several
// clients, consider_constant, disconnected and undefined gradients, known
// gradients, integer inputs, connection patterns and contract checks.
#include "helpers.h"
#include "theano/core/config.h"

namespace theano::gradtest {
namespace {

using testops::add;
using testops::mul;

TEST(GradDriver, SumsTheTermsOfEveryClient) {
  init();
  Var x = testops::dscalar("x");
  // cost = x*x + x + x*x*x  ->  d/dx = 2x + 1 + 3x^2 = 34 at x = 3
  Var cost = add(add(mul(x, x), x), mul(mul(x, x), x));
  Var g = grad(cost, x);
  EXPECT_TRUE(close(eval1({x}, g, {dscal(3.0)}), dscal(34.0)));
}

TEST(GradDriver, GradientOfTheCostItselfIsOne) {
  init();
  Var x = testops::dscalar("x");
  Var cost = mul(x, x);
  EXPECT_TRUE(close(eval1({x}, grad(cost, cost), {dscal(5.0)}), dscal(1.0)));
}

TEST(GradDriver, NamesGradientsAfterCostAndVariable) {
  init();
  Var x = testops::dscalar("x");
  Var cost = mul(x, testops::neg(x));
  cost->set_name("cost");
  EXPECT_EQ(grad(cost, x)->name(), "(dcost/dx)");
  GradOptions no_names;
  no_names.add_names = false;
  EXPECT_EQ(grad(cost, x, no_names)->name(), "");
}

TEST(GradDriver, ConsiderConstantStopsBackpropagation) {
  init();
  Var x = testops::dscalar("x");
  Var y = mul(x, x);
  Var cost = mul(y, x);  // x^3: 3x^2 normally, y = x^2 when y is constant
  GradOptions options;
  options.consider_constant = {y};
  EXPECT_TRUE(close(eval1({x}, grad(cost, x), {dscal(2.0)}), dscal(12.0)));
  EXPECT_TRUE(close(eval1({x}, grad(cost, x, options), {dscal(2.0)}), dscal(4.0)));
  // The constant variable itself still has a gradient (d cost / d y = x).
  EXPECT_TRUE(close(eval1({x}, grad(cost, y, options), {dscal(2.0)}), dscal(2.0)));
}

TEST(GradDriver, DisconnectedInputRaisesByDefault) {
  init();
  Var x = testops::dscalar("x"), w = testops::dvector("w");
  Var cost = mul(x, x);
  try {
    grad(cost, std::vector<Var>{x, w});
    FAIL() << "expected DisconnectedInputError";
  } catch (const DisconnectedInputError& e) {
    EXPECT_NE(std::string(e.what()).find("wrt[1] 'w'"), std::string::npos) << e.what();
  }
}

TEST(GradDriver, DisconnectedInputReturnPolicies) {
  init();
  Var x = testops::dscalar("x"), w = testops::dvector("w");
  Var cost = mul(x, x);
  GradOptions options;
  options.disconnected_inputs = DisconnectedPolicy::Ignore;
  Var zeros = grad(cost, w, options);
  NDArray z = eval1({w}, zeros, {dvec({1, 2, 3})});
  EXPECT_TRUE(close(z, dvec({0, 0, 0})));
  options.return_disconnected = ReturnDisconnected::None;
  EXPECT_EQ(grad(cost, w, options), nullptr);
  options.return_disconnected = ReturnDisconnected::Disconnected;
  EXPECT_EQ(grad(cost, w, options)->type()->kind(), "disconnected");
}

TEST(GradDriver, DisconnectedInputWarnsOnStderr) {
  init();
  Var x = testops::dscalar("x"), w = testops::dscalar("w");
  GradOptions options;
  options.disconnected_inputs = DisconnectedPolicy::Warn;
  ::testing::internal::CaptureStderr();
  Var g = grad(mul(x, x), w, options);
  std::string err = ::testing::internal::GetCapturedStderr();
  EXPECT_NE(err.find("does not depend on wrt[0] 'w'"), std::string::npos) << err;
  EXPECT_TRUE(close(eval1({w}, g, {dscal(4.0)}), dscal(0.0)));
}

TEST(GradDriver, KnownGradsStartFromIntermediateVariables) {
  init();
  Var x = testops::dvector("x"), w = testops::dvector("w"), gy = testops::dvector("gy");
  Var y = mul(x, w);
  GradOptions options;
  options.known_grads = {{y, gy}};
  std::vector<Var> g = grad(nullptr, {x, w}, options);
  auto r = eval({x, w, gy}, g, {dvec({1, 2}), dvec({3, 4}), dvec({10, 100})});
  EXPECT_TRUE(close(r[0].array(), dvec({30, 400})));
  EXPECT_TRUE(close(r[1].array(), dvec({10, 200})));
}

TEST(GradDriver, KnownGradsForOneVariableAddUp) {
  init();
  Var x = testops::dvector("x"), a = testops::dvector("a"), b = testops::dvector("b");
  Var y = mul(x, x);
  GradOptions options;
  options.known_grads = {{y, a}, {y, b}};
  Var g = grad(nullptr, x, options);  // (a + b) * 2x
  EXPECT_TRUE(close(eval1({x, a, b}, g, {dvec({1, 3}), dvec({1, 1}), dvec({2, 0})}), dvec({6, 6})));
}

TEST(GradDriver, KnownGradsAddToWhatFlowsBackFromOthers) {
  init();
  // Lop([y, z], x, [vy, vz]) with z computed from y: both paths count.
  Var x = testops::dvector("x"), w = testops::dvector("w");
  Var vy = testops::dvector("vy"), vz = testops::dvector("vz");
  Var y = mul(x, x), z = mul(y, w);
  Var g = Lop({y, z}, {x}, {vy, vz})[0];  // (vy + vz w) 2x
  auto r = eval1({x, w, vy, vz}, g, {dvec({1, 2}), dvec({3, 4}), dvec({1, -1}), dvec({10, 0.5})});
  EXPECT_TRUE(close(r, dvec({62, 4})));
  // A cost that also depends on a known variable adds its own gradient.
  Var s = testops::dscalar("s"), gs = testops::dscalar("gs");
  Var t = mul(s, s);
  GradOptions options;
  options.known_grads = {{s, gs}};
  EXPECT_TRUE(close(eval1({s, gs}, grad(t, s, options), {dscal(3.0), dscal(0.5)}), dscal(6.5)));
}

TEST(GradDriver, CostMustBeZeroDimensional) {
  init();
  Var x = testops::dvector("x");
  EXPECT_THROW(grad(mul(x, x), x), TypeError);
  EXPECT_THROW(grad(nullptr, x), ValueError);
}

TEST(GradDriver, IntegerInputsGetFloatZeros) {
  init();
  Var x = T::dscalar("x");
  Var i = T::iscalar("i");
  Var cost = mul(x, T::cast(i, DType::Float64));
  std::vector<Var> g = grad(cost, {x, i});
  auto gi = as_tensor_type(g[1]->type());
  ASSERT_TRUE(gi);
  EXPECT_EQ(gi->dtype(), floatX());
  EXPECT_EQ(gi->ndim(), 0);
  auto r = eval({x, i}, g, {dscal(2.0), NDArray::scalar<std::int32_t>(7)});
  EXPECT_TRUE(close(r[0].array(), dscal(7.0)));
  EXPECT_TRUE(close(r[1].array(), NDArray::zeros(floatX(), {})));
}

TEST(GradDriver, UndefinedGradientOnlyFailsWhenNeeded) {
  init();
  Var v = testops::dvector("v"), s = testops::dscalar("s");
  Var cost = add(testops::sum(v), mul(s, s));  // TestSum has no gradient
  EXPECT_TRUE(close(eval1({s}, grad(cost, s), {dscal(1.5)}), dscal(3.0)));
  try {
    grad(cost, v);
    FAIL() << "expected NullTypeGradError";
  } catch (const NullTypeGradError& e) {
    std::string msg = e.what();
    EXPECT_NE(msg.find("TestSum"), std::string::npos) << msg;
    EXPECT_NE(msg.find("TestSum has no gradient"), std::string::npos) << msg;
  }
  GradOptions options;
  options.null_gradients = NullGradients::Return;
  EXPECT_EQ(grad(cost, v, options)->type()->kind(), "null");
}

TEST(GradDriver, UndefinedGradientPropagatesThroughLaterOps) {
  init();
  Var v = testops::dvector("v");
  Var cost = mul(testops::sum(mul(v, v)), testops::dscalar("c"));
  GradOptions options;
  options.null_gradients = NullGradients::Return;
  EXPECT_EQ(grad(cost, v, options)->type()->kind(), "null");
}

TEST(GradDriver, RespectsConnectionPattern) {
  init();
  auto op = std::make_shared<SplitPairOp>();
  Var a = testops::dscalar("a"), b = testops::dscalar("b");
  std::vector<Var> outs = (*op)({a, b});
  Var cost = mul(outs[0], outs[0]);
  EXPECT_THROW(grad(cost, b), DisconnectedInputError);
  EXPECT_TRUE(close(eval1({a, b}, grad(cost, a), {dscal(3.0), dscal(-1.0)}), dscal(6.0)));
  EXPECT_EQ(op->calls, 1);  // b's request never reached the op's L_op
}

TEST(GradDriver, ReportsBrokenLOpContracts) {
  init();
  Var x = testops::dvector("x"), gy = testops::dvector("gy");
  auto too_few = std::make_shared<BadGradOp>(BadGradOp::Fault::TooFew);
  Var y = too_few->apply1({x});
  GradOptions options;
  options.known_grads = {{y, gy}};
  try {
    grad(nullptr, x, options);
    FAIL() << "expected ValueError";
  } catch (const ValueError& e) {
    EXPECT_NE(std::string(e.what()).find("GradTestBad.L_op returned 0 gradients for 1 inputs"),
              std::string::npos)
        << e.what();
  }
  auto wrong_ndim = std::make_shared<BadGradOp>(BadGradOp::Fault::WrongNdim);
  Var z = wrong_ndim->apply1({x});
  options.known_grads = {{z, gy}};
  EXPECT_THROW(grad(nullptr, x, options), ValueError);
}

TEST(GradDriver, DeepChainsDoNotOverflowTheStack) {
  init();
  Var x = testops::dscalar("x");
  Var y = x;
  const int depth = 5000;
  for (int k = 0; k < depth; ++k) y = testops::neg(y);  // (-1)^depth x
  EXPECT_TRUE(close(eval1({x}, grad(y, x), {dscal(1.0)}), dscal(1.0)));
}

TEST(GradDriver, FloatThirtyTwoGraphsStayFloatThirtyTwo) {
  init();
  Var x = T::fvector("x"), w = T::fvector("w");
  T::TensorVar s = T::fscalar("s");
  Var y = T::exp(T::TensorVar(x) * w) * 2.5 + T::TensorVar(x) / 3;
  Var cost = s * s + 0.5;
  GradOptions options;
  options.known_grads = {{y, T::fvector("gy")}};
  std::vector<Var> g = grad(nullptr, {x, w}, options);
  g.push_back(grad(cost, s));
  EXPECT_EQ(float64_variables(g), std::vector<std::string>{});
  for (const Var& v : g) EXPECT_EQ(as_tensor_type(v->type())->dtype(), DType::Float32);
}

}  // namespace
}  // namespace theano::gradtest
