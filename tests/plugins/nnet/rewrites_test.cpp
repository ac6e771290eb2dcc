// The nnet rewrites: registered in their phases, firing in compiled graphs
// (inspected with fusion off, so Elemwise nodes keep their scalar op names),
// and making values and gradients finite and right at logits of magnitude
// 1000 where the naive graphs give nan or inf.
#include "helpers.h"
#include "theano/core/gradient.h"
#include "theano/core/registry.h"

namespace theano::nnettest {
namespace {

const RewriteSpec& spec(const std::string& name) {
  for (const RewriteSpec& s : Registry::global().rewrites())
    if (s.name == name) return s;
  throw std::runtime_error("rewrite " + name + " is not registered");
}

FunctionOptions no_fusion() {
  FunctionOptions o;
  o.mode = Mode::from_config().with_excluding({"fusion"});
  return o;
}

/// The op displays of the graph compiled without fusion, one per line.
std::string ops_of(const std::vector<Var>& ins, const std::vector<Var>& outs) {
  return graph_ops(compile(ins, outs, no_fusion()));
}

bool has(const std::string& ops, const std::string& what) {
  return ops.find(what) != std::string::npos;
}

NDArray extreme_rows() {
  return NDArray::from_values<double>({1000, -1000, 0, -1000, 1000, 999, 0.5, -0.5, 2}, {3, 3});
}

// log_softmax of each row computed here in double.
NDArray golden_log_softmax(const NDArray& x) {
  std::vector<double> v = x.to_vector<double>(), out(v.size());
  const std::int64_t rows = x.dim(0), cols = x.dim(1);
  for (std::int64_t r = 0; r < rows; ++r) {
    double m = -1e300, s = 0;
    for (std::int64_t c = 0; c < cols; ++c) m = std::max(m, v[r * cols + c]);
    for (std::int64_t c = 0; c < cols; ++c) s += std::exp(v[r * cols + c] - m);
    for (std::int64_t c = 0; c < cols; ++c) out[r * cols + c] = v[r * cols + c] - m - std::log(s);
  }
  return NDArray::from_vector(out, x.shape());
}

TEST(NnetRewrites, RegisteredInTheirPhases) {
  init();
  EXPECT_EQ(spec("local_logsoftmax").phase, "stabilize");
  EXPECT_EQ(spec("local_logsoftmax_grad").phase, "stabilize");
  EXPECT_EQ(spec("crossentropy_to_crossentropy_with_softmax").phase, "stabilize");
  EXPECT_EQ(spec("local_softmax_grad_to_crossentropy_with_softmax_grad").phase, "stabilize");
  EXPECT_EQ(spec("logsigm_to_softplus").phase, "stabilize");
  EXPECT_EQ(spec("log1msigm_to_softplus").phase, "stabilize");
  EXPECT_EQ(spec("log1pexp_to_softplus").phase, "stabilize");
  EXPECT_EQ(spec("local_sigm_grad_cancel").phase, "stabilize");
  EXPECT_EQ(spec("local_softmax_with_bias").phase, "specialize");
}

TEST(NnetRewrites, LogSoftmaxAndItsGradientAreStable) {
  init();
  T::TensorVar x = T::dmatrix("x"), w = T::dmatrix("w");
  T::TensorVar ls = T::log(T::nnet::softmax(x));
  T::TensorVar gx = grad(T::sum(ls * w), x);
  std::string ops = ops_of({x, w}, {ls, gx});
  EXPECT_TRUE(has(ops, "LogSoftmax")) << ops;
  EXPECT_FALSE(has(ops, "true_div")) << ops;
  NDArray xv = extreme_rows(), wv = NDArray::full(DType::Float64, {3, 3}, 1.0);
  std::vector<Value> out = eval({x, w}, {ls, gx}, {xv, wv});
  EXPECT_TRUE(close(out[0].array(), golden_log_softmax(xv)));
  EXPECT_TRUE(all_finite(out[1].array())) << out[1].array().str();
  // d/dx sum(w * log_softmax(x)) = w - softmax(x) * sum(w) per row.
  NDArray sm = eval1({x}, T::nnet::softmax(x), {xv});
  std::vector<double> want, s = sm.to_vector<double>();
  for (double v : s) want.push_back(1 - 3 * v);
  EXPECT_TRUE(close(out[1].array(), NDArray::from_vector(want, {3, 3}), 1e-12, 1e-12));
}

TEST(NnetRewrites, CategoricalCrossentropyOfSoftmaxIsFused) {
  init();
  T::TensorVar x = T::dmatrix("x"), b = T::dvector("b"), y = T::lvector("y");
  T::TensorVar nll = T::nnet::categorical_crossentropy(T::nnet::softmax(x + b), y);
  std::vector<Var> g = grad(T::sum(nll * T::constant(golden("g"))), {x, b});
  std::string ops = ops_of({x, b, y}, {nll, g[0], g[1]});
  EXPECT_TRUE(has(ops, "CrossentropySoftmaxArgmax1HotWithBias")) << ops;
  EXPECT_TRUE(has(ops, "CrossentropySoftmax1HotWithBiasDx")) << ops;
  EXPECT_FALSE(has(ops, "CrossentropyCategorical1Hot\n")) << ops;
  EXPECT_FALSE(has(ops, "CrossentropyCategorical1HotGrad")) << ops;
  // Values against NumPy, the huge row included.
  std::vector<Value> out =
      eval({x, b, y}, {nll, g[0], g[1]}, {golden("x"), golden("b"), golden("y")});
  EXPECT_TRUE(close(out[0].array(), golden("fused_nll"), 1e-12, 1e-9));
  EXPECT_TRUE(close(out[1].array(), golden("fused_dx"), 1e-12, 1e-12));
  EXPECT_TRUE(all_finite(out[2].array()));
}

TEST(NnetRewrites, DenseCrossentropyOfSoftmaxHasFiniteGradients) {
  init();
  T::TensorVar x = T::dmatrix("x"), t = T::dmatrix("t");
  T::TensorVar cost = T::sum(T::nnet::categorical_crossentropy(T::nnet::softmax(x), t));
  T::TensorVar gx = grad(cost, x);
  NDArray onehot = NDArray::from_values<double>({0, 1, 0, 1, 0, 0, 0, 0, 1}, {3, 3});
  std::vector<Value> out = eval({x, t}, {cost, gx}, {extreme_rows(), onehot});
  EXPECT_TRUE(all_finite(out[0].array())) << out[0].array().str();
  // Rows: target -1000 under max 1000; target -1000 under {1000, 999}; a moderate row.
  double third = std::log(std::exp(0.5) + std::exp(-0.5) + std::exp(2.0)) - 2.0;
  EXPECT_NEAR(out[0].array().item<double>(), 2000 + 2000 + std::log1p(std::exp(-1.0)) + third,
              1e-9);
  EXPECT_TRUE(all_finite(out[1].array())) << out[1].array().str();
}

TEST(NnetRewrites, SoftmaxWithBiasAbsorbsTheBias) {
  init();
  T::TensorVar x = T::dmatrix("x"), b = T::dvector("b");
  std::string ops = ops_of({x, b}, {T::nnet::softmax(x + b)});
  EXPECT_TRUE(has(ops, "SoftmaxWithBias")) << ops;
  EXPECT_TRUE(close(eval1({x, b}, T::nnet::softmax(x + b), {golden("x"), golden("b")}),
                    golden("softmax_with_bias")));
}

struct SigmoidForm {
  const char* label;
  T::TensorVar (*f)(const T::TensorVar&);
  double (*value)(double);
  double (*slope)(double);
};

double sig(double x) {
  return x >= 0 ? 1 / (1 + std::exp(-x)) : std::exp(x) / (1 + std::exp(x));
}

TEST(NnetRewrites, SigmoidLogFormsBecomeSoftplus) {
  init();
  const SigmoidForm forms[] = {
      {"log(sigmoid(x))", [](const T::TensorVar& x) { return T::log(T::nnet::sigmoid(x)); },
       [](double x) { return x < -30 ? x : std::log(sig(x)); }, [](double x) { return sig(-x); }},
      {"log(1 - sigmoid(x))", [](const T::TensorVar& x) { return T::log(1 - T::nnet::sigmoid(x)); },
       [](double x) { return x > 30 ? -x : std::log(sig(-x)); }, [](double x) { return -sig(x); }},
      {"log1p(-sigmoid(x))", [](const T::TensorVar& x) { return T::log1p(-T::nnet::sigmoid(x)); },
       [](double x) { return x > 30 ? -x : std::log(sig(-x)); }, [](double x) { return -sig(x); }},
      {"log(1 + exp(x))", [](const T::TensorVar& x) { return T::log(1 + T::exp(x)); },
       [](double x) { return x > 30 ? x : std::log1p(std::exp(x)); }, &sig},
  };
  const std::vector<double> xs{-1000, -40, -2, 0, 0.5, 3, 40, 1000};
  for (const auto& form : forms) {
    T::TensorVar x = T::dvector("x");
    T::TensorVar y = form.f(x);
    T::TensorVar gx = grad(T::sum(y), x);
    std::string ops = ops_of({x}, {y, gx});
    EXPECT_TRUE(has(ops, "softplus")) << form.label << "\n" << ops;
    EXPECT_FALSE(has(ops, "{log") || has(ops, "{log1p")) << form.label << "\n" << ops;
    std::vector<Value> out = eval({x}, {y, gx}, {NDArray::from_vector(xs)});
    std::vector<double> v = out[0].array().to_vector<double>(),
                        g = out[1].array().to_vector<double>();
    for (std::size_t i = 0; i < xs.size(); ++i) {
      EXPECT_NEAR(v[i], form.value(xs[i]), 1e-12 * std::max(1.0, std::fabs(xs[i])))
          << form.label << " at " << xs[i];
      EXPECT_NEAR(g[i], form.slope(xs[i]), 1e-12) << form.label << " gradient at " << xs[i];
    }
  }
}

TEST(NnetRewrites, BinaryCrossentropyOfSigmoidIsStable) {
  init();
  T::TensorVar z = T::dvector("z"), t = T::dvector("t");
  T::TensorVar naive = T::sum(T::nnet::binary_crossentropy(T::nnet::sigmoid(z), t));
  T::TensorVar logits = T::sum(T::nnet::sigmoid_binary_crossentropy(z, t));
  NDArray zv = NDArray::from_values<double>({1000, -1000, 1000, -1000, 0.3, -2});
  NDArray tv = NDArray::from_values<double>({1, 0, 0.25, 0.75, 0.5, 1});
  for (const T::TensorVar& cost : {naive, logits}) {
    T::TensorVar gz = grad(cost, z);
    std::vector<Value> out = eval({z, t}, {cost, gz}, {zv, tv});
    // Cost: 0 + 0 + 750 + 750 + the two moderate terms; gradient sigmoid(z) - t.
    double moderate = std::log1p(std::exp(0.3)) - 0.5 * 0.3 + std::log1p(std::exp(-2.0)) + 2.0;
    EXPECT_NEAR(out[0].array().item<double>(), 1500 + moderate, 1e-9);
    std::vector<double> g = out[1].array().to_vector<double>();
    std::vector<double> zs = zv.to_vector<double>(), ts = tv.to_vector<double>();
    for (std::size_t i = 0; i < g.size(); ++i)
      EXPECT_NEAR(g[i], sig(zs[i]) - ts[i], 1e-12) << "z = " << zs[i];
  }
}

}  // namespace
}  // namespace theano::nnettest
