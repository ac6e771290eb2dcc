// Hand-written softmax and sigmoid are recognised (so the stabilising
// rewrites then apply to them), and the opt-in sigmoid approximations run
// only when their tag is included.
#include "helpers.h"
#include "theano/core/registry.h"

namespace theano::nnettest {
namespace {

FunctionOptions with_mode(const Mode& mode) {
  FunctionOptions o;
  o.mode = mode;
  o.on_unused_input = "ignore";
  return o;
}

std::string ops_no_fusion(const std::vector<Var>& ins, const std::vector<Var>& outs) {
  return graph_ops(compile(ins, outs, with_mode(Mode::from_config().with_excluding({"fusion"}))));
}

double sig(double x) {
  return x >= 0 ? 1 / (1 + std::exp(-x)) : std::exp(x) / (1 + std::exp(x));
}

TEST(NnetForms, SoftmaxWrittenOutBecomesSoftmax) {
  init();
  T::TensorVar x = T::dmatrix("x");
  T::TensorVar sm = T::nnet::softmax_graph(x);
  T::TensorVar lsm = T::log(T::nnet::softmax_graph(x));
  std::string ops = ops_no_fusion({x}, {sm, lsm});
  EXPECT_NE(ops.find("Softmax"), std::string::npos) << ops;
  EXPECT_NE(ops.find("LogSoftmax"), std::string::npos) << ops;
  EXPECT_EQ(ops.find("exp"), std::string::npos) << ops;
  // exp(1000) overflows in the written-out graph; the rewritten one is exact.
  NDArray xv = NDArray::from_values<double>({1000, 0, -1000, 1, 2, 3}, {2, 3});
  std::vector<Value> out = eval({x}, {sm, lsm}, {xv});
  std::vector<double> s = out[0].array().to_vector<double>();
  std::vector<double> l = out[1].array().to_vector<double>();
  EXPECT_EQ(s[0], 1.0);
  EXPECT_EQ(s[1], 0.0);
  EXPECT_NEAR(l[2], -2000.0, 1e-9);
  double lse = std::log(std::exp(1.0) + std::exp(2.0) + std::exp(3.0));
  EXPECT_NEAR(s[4], std::exp(2.0 - lse), 1e-15);
  EXPECT_NEAR(l[3], 1.0 - lse, 1e-14);
  // A sum over another axis than the exp's softmax axis is left alone.
  T::TensorVar e = T::exp(x);
  std::string other = ops_no_fusion({x}, {e / T::sum(T::exp(x), 0, true)});
  EXPECT_NE(other.find("Softmax{axis=0}"), std::string::npos) << other;
}

TEST(NnetForms, SigmoidWrittenOutBecomesSigmoid) {
  init();
  T::TensorVar x = T::dvector("x");
  struct Form {
    const char* label;
    T::TensorVar y;
  };
  const Form forms[] = {{"exp(x) / (1 + exp(x))", T::exp(x) / (1 + T::exp(x))},
                        {"1 / (1 + exp(-x))", 1.0 / (1.0 + T::exp(-x))},
                        {"log(1 / (1 + exp(-x)))", T::log(1.0 / (1.0 + T::exp(-x)))}};
  const std::vector<double> xs{-1000, -3, 0, 0.5, 1000};
  for (const auto& form : forms) {
    std::string ops = ops_no_fusion({x}, {form.y});
    EXPECT_EQ(ops.find("exp"), std::string::npos) << form.label << "\n" << ops;
    std::vector<double> got = eval1({x}, form.y, {NDArray::from_vector(xs)}).to_vector<double>();
    bool log = std::string(form.label).starts_with("log");
    for (std::size_t i = 0; i < xs.size(); ++i) {
      double want = log ? (xs[i] < -30 ? xs[i] : std::log(sig(xs[i]))) : sig(xs[i]);
      EXPECT_NEAR(got[i], want, 1e-12 * std::max(1.0, std::fabs(want)))
          << form.label << " at " << xs[i];
    }
  }
}

TEST(NnetForms, ArgmaxIsPushedBelowMonotonicFunctions) {
  init();
  T::TensorVar x = T::dmatrix("x"), b = T::dvector("b");
  NDArray xv = NDArray::from_values<double>({0.1, 3, -2, 5, 1, 4.5}, {2, 3});
  NDArray bv = NDArray::from_values<double>({0, -3, 0});
  struct Case {
    const char* label;
    T::TensorVar am;
    std::vector<std::int64_t> want;
  };
  const Case cases[] = {
      {"softmax", T::argmax(T::nnet::softmax(x), 1), {1, 0}},
      {"log_softmax", T::argmax(T::nnet::log_softmax(x), 1), {1, 0}},
      {"softmax_with_bias", T::argmax(T::nnet::softmax_with_bias(x, b), 1), {0, 0}},
      {"sigmoid", T::argmax(T::nnet::sigmoid(x), 1), {1, 0}},
  };
  for (const auto& c : cases) {
    std::string ops = ops_no_fusion({x, b}, {c.am});
    EXPECT_EQ(ops.find("oftmax"), std::string::npos) << c.label << "\n" << ops;
    EXPECT_EQ(ops.find("sigmoid"), std::string::npos) << c.label << "\n" << ops;
    Function f = compile({x, b}, {c.am}, with_mode(Mode::from_config()));
    EXPECT_EQ(f.call1({xv, bv}).array().to_vector<std::int64_t>(), c.want) << c.label;
  }
  // Along another axis than the softmax's, the argmax is left alone.
  std::string kept = ops_no_fusion({x}, {T::argmax(T::nnet::softmax(x, 1), 0)});
  EXPECT_NE(kept.find("Softmax"), std::string::npos) << kept;
}

TEST(NnetForms, SigmoidApproximationsAreOptIn) {
  init();
  T::TensorVar x = T::dvector("x");
  T::TensorVar y = T::nnet::sigmoid(x);
  NDArray xv = NDArray::from_values<double>({-4, -1, 0.3, 2.5});
  std::vector<double> exact = eval1({x}, y, {xv}).to_vector<double>();
  Function ultra = compile(
      {x}, {y}, with_mode(Mode::from_config().with_including({"local_ultra_fast_sigmoid"})));
  Function hard =
      compile({x}, {y}, with_mode(Mode::from_config().with_including({"local_hard_sigmoid"})));
  std::vector<double> u = ultra.call1({xv}).array().to_vector<double>();
  std::vector<double> h = hard.call1({xv}).array().to_vector<double>();
  NDArray want_u = eval1({x}, T::nnet::ultra_fast_sigmoid(x), {xv});
  NDArray want_h = eval1({x}, T::nnet::hard_sigmoid(x), {xv});
  EXPECT_TRUE(close(ultra.call1({xv}).array(), want_u));
  EXPECT_TRUE(close(hard.call1({xv}).array(), want_h));
  for (std::size_t i = 0; i < exact.size(); ++i) {
    EXPECT_NEAR(exact[i], sig(xv.to_vector<double>()[i]), 1e-15);
    EXPECT_NE(u[i], exact[i]);
    EXPECT_NEAR(u[i], exact[i], 0.03);
    EXPECT_NE(h[i], exact[i]);
  }
}

}  // namespace
}  // namespace theano::nnettest
