// IfElse: laziness (the branch not taken never runs: a counter and a
// branch that would raise prove it), single and multi-output forms,
// gradients routed through ifelse, R_op, infer_shape, the constant
// condition and merge rewrites, and type errors.
#include <algorithm>

#include "extra_helpers.h"

namespace theano::extra_testing {
namespace {

int count_ifelse(const Function& f) {
  auto nodes = f.fgraph().apply_nodes();
  return static_cast<int>(std::count_if(nodes.begin(), nodes.end(),
                                        [](Apply* n) { return n->op().name() == "IfElse"; }));
}

NDArray vec(std::initializer_list<double> v) {
  return NDArray::from_values<double>(v);
}

FunctionOptions no_opt_vm() {
  FunctionOptions o;
  Mode m = Mode::named("NO_OPT");
  m.linker = "vm";
  o.mode = m;
  return o;
}

TEST(ExtraIfElse, OnlyTheTakenBranchRuns) {
  init();
  T::TensorVar c = T::lscalar("c");
  T::TensorVar x = T::dvector("x");
  T::TensorVar y = T::dvector("y");
  T::TensorVar out = T::ifelse(c, testops::counter(x), testops::fail_if_negative(y));
  for (FunctionOptions opts : {FunctionOptions{}, no_opt_vm()}) {
    Function f = function({c, x, y}, {out}, opts);
    testops::counter_calls = 0;
    // The else branch would raise on y < 0: it must not be evaluated.
    NDArray got = f({NDArray::scalar<std::int64_t>(1), vec({1, 2}), vec({-1, -2})})[0].array();
    EXPECT_TRUE(close(got, vec({1, 2})));
    EXPECT_EQ(testops::counter_calls, 1);
    got = f({NDArray::scalar<std::int64_t>(0), vec({1, 2}), vec({3, 4})})[0].array();
    EXPECT_TRUE(close(got, vec({3, 4})));
    EXPECT_EQ(testops::counter_calls, 1) << "the then branch ran although c == 0";
    EXPECT_THROW(f({NDArray::scalar<std::int64_t>(0), vec({1}), vec({-3})}), Error);
  }
}

TEST(ExtraIfElse, SeveralOutputsAndWeakScalars) {
  init();
  T::TensorVar c = T::bscalar("c");
  T::TensorVar x = T::dvector("x");
  T::TensorVar y = T::dvector("y");
  auto outs = T::ifelse(c, {x, T::mul(x, 2.0)}, {y, T::mul(y, 3.0)}, "pair");
  ASSERT_EQ(outs.size(), 2u);
  EXPECT_EQ(outs[0]->owner(), outs[1]->owner());
  auto r =
      eval({c, x, y}, {outs[0], outs[1]}, {NDArray::scalar<std::int8_t>(0), vec({1}), vec({5, 6})});
  EXPECT_TRUE(close(r[0].array(), vec({5, 6})));
  EXPECT_TRUE(close(r[1].array(), vec({15, 18})));
  T::TensorVar s = T::ifelse(c, T::fscalar("f"), 0.5);  // the C++ number takes f's dtype
  EXPECT_EQ(s.dtype(), DType::Float32);
  EXPECT_THROW(T::ifelse(c, x, 0.5), TypeError);  // no implicit broadcasting of a branch
}

TEST(ExtraIfElse, GradientsFollowTheTakenBranch) {
  init();
  T::TensorVar c = T::lscalar("c");
  T::TensorVar x = T::dvector("x");
  T::TensorVar y = T::dvector("y");
  T::TensorVar cost = T::sum(T::ifelse(c, T::mul(x, 2.0), T::mul(y, 3.0)));
  auto g = grad(cost, std::vector<Var>{x, y});
  for (std::int64_t cv : {1, 0}) {
    auto r = eval({c, x, y}, g, {NDArray::scalar<std::int64_t>(cv), vec({1, 2}), vec({4, 5})});
    EXPECT_TRUE(close(r[0].array(), cv ? vec({2, 2}) : vec({0, 0}))) << "c=" << cv;
    EXPECT_TRUE(close(r[1].array(), cv ? vec({0, 0}) : vec({3, 3}))) << "c=" << cv;
  }
}

void verify_ifelse_grad(const char* mode, std::vector<std::string> excluding = {}) {
  VerifyGradOptions options;
  options.mode = Mode::named(mode);
  options.mode->excluding = excluding;
  for (std::int64_t cv : {1, 0}) {
    verify_grad(
        [](auto& in) { return T::ifelse(in[0], T::exp(in[1]), T::mul(T::sqr(in[2]), in[1])); },
        {NDArray::scalar<std::int64_t>(cv), vec({0.5, -1}), vec({2, 0.25})}, options);
  }
}

TEST(ExtraIfElse, VerifyGradNoOpt) {
  init();
  verify_ifelse_grad("NO_OPT");
}

// Fails under FAST_RUN with in-place rewrites (passes without them, above):
// the second random projection gets twice the taken branch's gradient. The
// demand-driven VM loop (Program::run_lazy) ignores the destroy handler's
// orderings, so an in-place consumer may run before another reader of the
// buffer it overwrites. Enable once run_lazy honours those orderings.
TEST(ExtraIfElse, VerifyGradFastRun) {
  init();
  verify_ifelse_grad("FAST_RUN");
}

TEST(ExtraIfElse, VerifyGradFastRunWithoutInplace) {
  init();
  verify_ifelse_grad("FAST_RUN", {"inplace"});
}

TEST(ExtraIfElse, Rop) {
  init();
  T::TensorVar c = T::lscalar("c");
  T::TensorVar x = T::dvector("x");
  T::TensorVar e = T::dvector("e");
  Var r = Rop({T::ifelse(c, T::sqr(x), x)}, {x}, {e}).at(0);
  auto f = function({c, x, e}, {r});
  EXPECT_TRUE(
      close(f({NDArray::scalar<std::int64_t>(1), vec({3}), vec({2})})[0].array(), vec({12})));
  EXPECT_TRUE(
      close(f({NDArray::scalar<std::int64_t>(0), vec({3}), vec({2})})[0].array(), vec({2})));
}

TEST(ExtraIfElse, InferShape) {
  init();
  T::TensorVar c = T::lscalar("c");
  T::TensorVar x = T::dmatrix("x");
  T::TensorVar y = T::dmatrix("y");
  NDArray a = NDArray::zeros(DType::Float64, {2, 3});
  NDArray b = NDArray::zeros(DType::Float64, {4, 1});
  for (std::int64_t cv : {1, 0}) {
    EXPECT_TRUE(
        shapes_agree(T::ifelse(c, x, y), {c, x, y}, {NDArray::scalar<std::int64_t>(cv), a, b}));
  }
  // Branches of different static shapes join to the common knowledge.
  T::TensorVar s =
      T::ifelse(c, T::tensor(DType::Float64, {2, 3}), T::tensor(DType::Float64, {2, 4}));
  EXPECT_EQ(s.static_shape()[0], 2);
  EXPECT_FALSE(s.static_shape()[1].has_value());
}

TEST(ExtraIfElse, ConstantConditionIsRemoved) {
  init();
  T::TensorVar x = T::dvector("x");
  T::TensorVar y = T::dvector("y");
  Function f = function({x, y}, {T::ifelse(T::constant(NDArray::scalar<bool>(true)), T::exp(x),
                                           testops::fail_if_negative(y))});
  EXPECT_EQ(count_ifelse(f), 0);
  EXPECT_TRUE(close(f({vec({0}), vec({-1})})[0].array(), vec({1})));
}

TEST(ExtraIfElse, SameConditionNodesMerge) {
  init();
  T::TensorVar c = T::lscalar("c");
  T::TensorVar x = T::dvector("x");
  T::TensorVar y = T::dvector("y");
  T::TensorVar a = T::ifelse(c, T::exp(x), y);
  T::TensorVar b = T::ifelse(c, T::sqr(y), x);
  Function f = function({c, x, y}, {a, b});
  EXPECT_EQ(count_ifelse(f), 1);
  auto r = f({NDArray::scalar<std::int64_t>(1), vec({0}), vec({3})});
  EXPECT_TRUE(close(r[0].array(), vec({1})));
  EXPECT_TRUE(close(r[1].array(), vec({9})));
  r = f({NDArray::scalar<std::int64_t>(0), vec({0}), vec({3})});
  EXPECT_TRUE(close(r[0].array(), vec({3})));
  EXPECT_TRUE(close(r[1].array(), vec({0})));
  // One ifelse feeding the other cannot be merged.
  T::TensorVar chained = T::ifelse(c, T::exp(a), x);
  EXPECT_EQ(count_ifelse(function({c, x, y}, {chained})), 2);
}

TEST(ExtraIfElse, TypeErrors) {
  init();
  T::TensorVar c = T::lscalar("c");
  try {
    T::ifelse(c, T::dvector("x"), T::fvector("y"));
    FAIL() << "no error for float64 vs float32 branches";
  } catch (const TypeError& e) {
    std::string m = e.what();
    EXPECT_NE(m.find("branch pair 0"), std::string::npos) << m;
  }
  EXPECT_THROW(T::ifelse(c, T::dvector("x"), T::dmatrix("y")), TypeError);
  EXPECT_THROW(T::ifelse(T::lvector("cv"), T::dvector("x"), T::dvector("y")), TypeError);
  EXPECT_THROW(T::ifelse(c, {T::dvector("x")}, {}), ValueError);
}

}  // namespace
}  // namespace theano::extra_testing
