// The logistic regression of the Theano tutorial, trained with theano::grad:
// the cross-entropy must fall and the model must fit its own training data.
// x.w is written sum(x * w[None, :], axis=1) while there is no dot.
#include <gtest/gtest.h>

#include <random>

#include "theano/core/function.h"
#include "theano/core/gradient.h"
#include "theano/core/init.h"
#include "theano/core/registry.h"
#include "theano/tensor.h"

namespace theano::gradtest {
namespace {

namespace T = theano::tensor;

struct Data {
  NDArray x;  ///< (n, feats), standard normal
  NDArray y;  ///< (n,), labels 0 or 1 drawn at random (the tutorial's data)
};

Data tutorial_data(std::int64_t n, std::int64_t feats, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> normal;
  std::bernoulli_distribution coin(0.5);
  std::vector<double> x(static_cast<std::size_t>(n * feats)), y(static_cast<std::size_t>(n));
  for (double& e : x) e = normal(rng);
  for (double& e : y) e = coin(rng) ? 1.0 : 0.0;
  return {NDArray::from_vector(x, {n, feats}), NDArray::from_vector(y, {n})};
}

double mean(const NDArray& a) {
  double s = 0;
  for (double v : a.to_vector<double>()) s += v;
  return s / static_cast<double>(a.size());
}

TEST(GradLogisticRegression, TutorialModelConverges) {
  initialize();
  if (!Registry::global().find_op("CAReduce"))
    GTEST_SKIP() << "needs CAReduce (sum, mean), not registered yet";
  const std::int64_t n = 100, feats = 150;  // more features than samples: the labels can be fit
  Data d = tutorial_data(n, feats, 1234);

  std::mt19937_64 rng(99);
  std::normal_distribution<double> normal;
  std::vector<double> w0(feats);
  for (double& e : w0) e = normal(rng);
  auto w = shared(NDArray::from_vector(w0), "w");
  auto b = shared(NDArray::scalar<double>(0.0), "b");

  T::TensorVar x = T::dmatrix("x"), y = T::dvector("y");
  T::TensorVar xw = T::sum(x * T::shape_padleft(w), 1);
  T::TensorVar p_1 = 1.0 / (1.0 + T::exp(-xw - b));
  T::TensorVar prediction = p_1 > 0.5;
  T::TensorVar xent = -y * T::log(p_1) - (1.0 - y) * T::log(1.0 - p_1);
  T::TensorVar cost = T::mean(xent) + 0.01 * T::sum(T::sqr(w));
  std::vector<Var> g = grad(cost, {w, b});

  FunctionOptions options;
  options.updates = {{w, T::TensorVar(w) - 0.1 * g[0]}, {b, T::TensorVar(b) - 0.1 * g[1]}};
  Function train = function({x.var(), y.var()}, {prediction.var(), xent.var()}, options);
  Function predict = function({x.var()}, {prediction.var()});

  double first_loss = 0, last_loss = 0;
  for (int step = 0; step < 1000; ++step) {
    std::vector<Value> out = train({d.x, d.y});
    last_loss = mean(out[1].array());
    if (step == 0) first_loss = last_loss;
  }
  EXPECT_LT(last_loss, 0.5 * first_loss) << "first " << first_loss << ", last " << last_loss;
  std::vector<double> pred = predict.call1({d.x}).array().to_vector<double>();
  std::vector<double> labels = d.y.to_vector<double>();
  int correct = 0;
  for (std::int64_t i = 0; i < n; ++i) correct += pred[i] == labels[i];
  EXPECT_GT(correct, 90) << "accuracy " << correct << "/" << n;
}

TEST(GradLogisticRegression, Float32ModelKeepsFloat32Gradients) {
  initialize();
  if (!Registry::global().find_op("CAReduce"))
    GTEST_SKIP() << "needs CAReduce (sum, mean), not registered yet";
  T::TensorVar x = T::fmatrix("x"), y = T::fvector("y"), w = T::fvector("w"), b = T::fscalar("b");
  T::TensorVar p_1 = 1.0 / (1.0 + T::exp(-T::sum(x * T::shape_padleft(w), 1) - b));
  T::TensorVar xent = -y * T::log(p_1) - (1.0 - y) * T::log(1.0 - p_1);
  T::TensorVar cost = T::mean(xent) + 0.01 * T::sum(T::sqr(w));
  ASSERT_EQ(cost.dtype(), DType::Float32);
  std::vector<Var> g = grad(cost, {w.var(), b.var()});
  std::vector<std::string> float64;
  for (Variable* v : ancestors(g)) {
    auto tt = as_tensor_type(v->type());
    if (tt && tt->dtype() == DType::Float64) {
      float64.push_back(v->str() + (v->owner() ? " from " + v->owner()->op().display() : ""));
    }
  }
  EXPECT_EQ(float64, std::vector<std::string>{});
}

}  // namespace
}  // namespace theano::gradtest
