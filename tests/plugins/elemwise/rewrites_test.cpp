// The elemwise rewrites, each applied directly to a small FunctionGraph, and
// end to end through compiled functions (stabilisation visibly changes
// results; specialisation removes pow).
#include <cmath>

#include "helpers.h"
#include "theano/core/printing.h"
#include "theano/core/registry.h"
#include "theano/optdb/rewriter.h"

namespace theano::testing {
namespace {

const RewriteSpec& spec(const std::string& name) {
  for (const RewriteSpec& s : Registry::global().rewrites())
    if (s.name == name) return s;
  throw std::runtime_error("rewrite " + name + " is not registered");
}

// A compact expression: Elemwise nodes by scalar op name, constants (also
// when only broadcast by a DimShuffle) by value, other nodes by display.
std::string expr(const Var& v) {
  if (const auto* c = dynamic_cast<const Constant*>(v.get())) return c->value().array().str();
  const Apply* n = v->owner();
  if (!n) return v->name();
  std::string name = n->op().display();
  if (n->op().name() == "Elemwise") {
    name = name.substr(9, name.find(",no_inplace") - 9);
  } else if (n->op().name() == "DimShuffle" && dynamic_cast<const Constant*>(n->input(0).get())) {
    return expr(n->input(0));
  }
  std::string s = name + "(";
  for (int i = 0; i < n->nin(); ++i) s += (i ? ", " : "") + expr(n->input(i));
  return s + ")";
}

// Applies the local rewrite `name` to the node computing `out` in a graph
// over `inputs`; returns the replacement's pprint, or "" when it declined.
std::string rewrite(const std::string& name, const std::vector<Var>& inputs, const Var& out) {
  auto* local = dynamic_cast<optdb::LocalRewriter*>(spec(name).rewriter.get());
  if (!local) throw std::runtime_error(name + " is not a local rewrite");
  FunctionGraph fg(inputs, {out});
  Apply* node = fg.outputs()[0]->owner();
  auto result = local->transform(fg, *node);
  if (!result) return "";
  EXPECT_TRUE(same_type((*result)[0]->type(), out->type())) << name;
  return expr((*result)[0]);
}

TEST(Rewrites, RegisteredInTheirPhases) {
  init();
  EXPECT_EQ(spec("local_neutral_elements").phase, "canonicalize");
  EXPECT_EQ(spec("local_log1p").phase, "stabilize");
  EXPECT_EQ(spec("local_pow_specialize").phase, "specialize");
  EXPECT_EQ(spec("elemwise_fusion").phase, "fusion");
  EXPECT_EQ(spec("reduce_fusion").phase, "fusion");
}

TEST(Rewrites, NeutralElements) {
  init();
  auto x = T::fvector("x"), y = T::fvector("y");
  EXPECT_EQ(rewrite("local_neutral_elements", {x}, x * 1), "x");
  EXPECT_EQ(rewrite("local_neutral_elements", {x}, 0 + x), "x");
  EXPECT_EQ(rewrite("local_neutral_elements", {x, y}, T::add(std::vector<T::Operand>{x, 0, y})),
            "add(x, y)");
  EXPECT_EQ(rewrite("local_neutral_elements", {x}, x * 2), "");
  // Removing the constant would change the output's shape or dtype: adapted or declined.
  auto m = T::tensor(DType::Float32, {3});
  EXPECT_EQ(rewrite("local_neutral_elements", {x}, x + NDArray::zeros(DType::Float32, {3})), "");
  auto i = T::ivector("i");  // int32 * float32 is float64: the survivor is cast
  EXPECT_EQ(rewrite("local_neutral_elements", {i}, i * NDArray::from_values<float>({1.0f})),
            "Cast{float64}(i)");
  (void)m;
}

TEST(Rewrites, SubSelfDoubleNegFlatten) {
  init();
  auto x = T::dvector("x"), a = T::dvector("a"), b = T::dvector("b"), c = T::dvector("c");
  EXPECT_EQ(rewrite("local_sub_self", {x}, x - x), "second(x, 0.0)");
  EXPECT_EQ(rewrite("local_double_neg", {x}, -(-x)), "x");
  EXPECT_EQ(rewrite("local_flatten_add_mul", {a, b, c}, (a + b) + c), "add(a, b, c)");
  EXPECT_EQ(rewrite("local_flatten_add_mul", {a, b, c}, a * (b * c)), "mul(a, b, c)");
}

TEST(Rewrites, Stabilize) {
  init();
  auto x = T::dvector("x");
  EXPECT_EQ(rewrite("local_log1p", {x}, T::log(1 + x)), "log1p(x)");
  EXPECT_EQ(rewrite("local_log1p", {x}, T::log(x + 1)), "log1p(x)");
  EXPECT_EQ(rewrite("local_log1p", {x}, T::log(1 - x)), "log1p(neg(x))");
  EXPECT_EQ(rewrite("local_expm1", {x}, T::exp(x) - 1), "expm1(x)");
  EXPECT_EQ(rewrite("local_log_exp", {x}, T::log(T::exp(x))), "x");
}

TEST(Rewrites, Specialize) {
  init();
  auto x = T::fvector("x");
  EXPECT_EQ(rewrite("local_pow_specialize", {x}, T::pow(x, 2)), "sqr(x)");
  EXPECT_EQ(rewrite("local_pow_specialize", {x}, T::pow(x, 0.5)), "sqrt(x)");
  EXPECT_EQ(rewrite("local_pow_specialize", {x}, T::pow(x, -1)), "inv(x)");
  EXPECT_EQ(rewrite("local_pow_specialize", {x}, T::pow(x, 5)), "mul(x, sqr(sqr(x)))");
  EXPECT_EQ(rewrite("local_pow_specialize", {x}, T::pow(x, -2)), "inv(sqr(x))");
  EXPECT_EQ(rewrite("local_pow_specialize", {x}, T::pow(x, 2.5)), "");
  EXPECT_EQ(rewrite("local_div_by_constant", {x}, x / 4), "mul(x, 0.25)");
  EXPECT_EQ(rewrite("local_div_by_constant", {x}, x / 3), "");
  EXPECT_EQ(rewrite("local_mul_neg_one", {x}, x * -1), "neg(x)");
  EXPECT_EQ(rewrite("local_mul_to_sqr", {x}, x * x), "sqr(x)");
}

TEST(Rewrites, DimShuffleMerging) {
  init();
  auto m = T::dmatrix("m");
  T::TensorVar twice = T::transpose(T::transpose(m));
  EXPECT_EQ(rewrite("local_dimshuffle_merge", {m}, T::shape_padleft(T::transpose(m))),
            "DimShuffle{x,1,0}(m)");
  std::string r = rewrite("local_dimshuffle_merge", {m}, twice);
  EXPECT_TRUE(r == "m" || r == "DimShuffle{0,1}(m)") << r;
}

TEST(Rewrites, CompiledFunctionsAreStabilized) {
  init();
  auto x = T::dvector("x");
  Function f = function({x}, {T::log(1 + x), T::exp(x) - 1});
  auto r = f({arr<double>({1e-10, -1e-12})});
  EXPECT_NEAR(r[0].array().at({0}), std::log1p(1e-10), 1e-25);
  EXPECT_NEAR(r[1].array().at({1}), std::expm1(-1e-12), 1e-27);
}

TEST(Rewrites, CompiledPowHasNoPow) {
  init();
  auto x = T::fvector("x");
  FunctionOptions no_fusion;
  no_fusion.mode = Mode::from_config().with_excluding({"fusion"});
  Function f = function({x}, {T::pow(x, 3)}, no_fusion);
  for (const Apply* n : f.fgraph().apply_nodes())
    EXPECT_EQ(n->op().display().find("pow"), std::string::npos) << debugprint(f);
  EXPECT_TRUE(close(f({arr<float>({2, -3})})[0].array(), arr<float>({8, -27})));
}

}  // namespace
}  // namespace theano::testing
