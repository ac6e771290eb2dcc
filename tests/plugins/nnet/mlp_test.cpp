// A one-hidden-layer perceptron trained with theano::grad and shared-variable
// updates on a small synthetic set that no linear model separates (an XOR of
// four clusters plus a central class): it must reach > 95% training accuracy,
// and its compiled training step must use the fused softmax cross-entropy.
// The affine maps use T::dot (theano.ops.blas); a second run writes them as
// sum(x[:, :, None] * W[None], 1) so the nnet part is checked on its own.
#include <random>

#include "helpers.h"
#include "theano/core/gradient.h"

namespace theano::nnettest {
namespace {

struct Data {
  NDArray x;  ///< (n, 2)
  NDArray y;  ///< (n,) int64 in {0, 1, 2}
};

Data clusters(int per_cluster, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> noise(0.0, 0.35);
  const double centers[5][2] = {{2, 2}, {-2, -2}, {2, -2}, {-2, 2}, {0, 0}};
  const std::int64_t labels[5] = {0, 0, 1, 1, 2};
  std::vector<double> x;
  std::vector<std::int64_t> y;
  for (int c = 0; c < 5; ++c) {
    for (int i = 0; i < per_cluster; ++i) {
      x.push_back(centers[c][0] + noise(rng));
      x.push_back(centers[c][1] + noise(rng));
      y.push_back(labels[c]);
    }
  }
  auto n = static_cast<std::int64_t>(y.size());
  return {NDArray::from_vector(x, {n, 2}), NDArray::from_vector(y)};
}

NDArray random_matrix(std::int64_t rows, std::int64_t cols, double scale, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> normal(0.0, scale);
  std::vector<double> v(static_cast<std::size_t>(rows * cols));
  for (double& e : v) e = normal(rng);
  return NDArray::from_vector(v, {rows, cols});
}

/// x W + b for a matrix x: with T::dot, or as a broadcast product summed
/// over the inner axis.
T::TensorVar affine(const T::TensorVar& x, const T::TensorVar& w, const T::TensorVar& b,
                    bool use_dot) {
  T::TensorVar xw =
      use_dot ? T::dot(x, w)
              : T::sum(x.dimshuffle({0, 1, T::newaxis}) * w.dimshuffle({T::newaxis, 0, 1}), 1);
  return xw + b.dimshuffle({T::newaxis, 0});
}

void train_mlp(bool use_dot) {
  Data d = clusters(40, 7);
  const std::int64_t hidden = 12, classes = 3;
  auto w1 = shared(random_matrix(2, hidden, 0.5, 1), "w1");
  auto b1 = shared(NDArray::zeros(DType::Float64, {hidden}), "b1");
  auto w2 = shared(random_matrix(hidden, classes, 0.5, 2), "w2");
  auto b2 = shared(NDArray::zeros(DType::Float64, {classes}), "b2");

  T::TensorVar x = T::dmatrix("x"), y = T::lvector("y");
  T::TensorVar h = T::tanh(affine(x, w1, b1, use_dot));
  T::TensorVar p = T::nnet::softmax(affine(h, w2, b2, use_dot));
  T::TensorVar cost = T::mean(T::nnet::categorical_crossentropy(p, y));
  T::TensorVar predicted = T::argmax(p, 1);
  std::vector<Var> params{w1, b1, w2, b2};
  std::vector<Var> g = grad(cost, params);

  FunctionOptions options;
  const double rate = 0.5;
  for (std::size_t k = 0; k < params.size(); ++k)
    options.updates.push_back({params[k], T::TensorVar(params[k]) - rate * g[k]});
  Function train = compile({x, y}, {cost}, options);
  Function predict = compile({x}, {predicted});
  std::string ops;
  for (const Apply* n : train.fgraph().toposort()) ops += n->op().name() + " ";
  EXPECT_NE(ops.find("CrossentropySoftmaxArgmax1HotWithBias"), std::string::npos) << ops;
  EXPECT_NE(ops.find("CrossentropySoftmax1HotWithBiasDx"), std::string::npos) << ops;

  double first = 0, last = 0;
  for (int step = 0; step < 400; ++step) {
    last = train({d.x, d.y}).at(0).array().item<double>();
    if (step == 0) first = last;
  }
  EXPECT_LT(last, 0.2 * first) << "first " << first << ", last " << last;
  std::vector<std::int64_t> pred = predict.call1({d.x}).array().to_vector<std::int64_t>();
  std::vector<std::int64_t> labels = d.y.to_vector<std::int64_t>();
  int correct = 0;
  for (std::size_t i = 0; i < labels.size(); ++i) correct += pred[i] == labels[i];
  EXPECT_GT(correct, 0.95 * static_cast<double>(labels.size()))
      << "accuracy " << correct << "/" << labels.size();
}

TEST(Mlp, TrainsToHighAccuracyWithDot) {
  init();
  train_mlp(true);
}

TEST(Mlp, TrainsToHighAccuracyWithBroadcastProducts) {
  init();
  train_mlp(false);
}

}  // namespace
}  // namespace theano::nnettest
