// The user guide's example (docs/user-guide.md): a two-layer perceptron
// trained by SGD on a synthetic 3-class problem, saved, and loaded again.
// Built and run by tests/sdk/docs, so the guide never drifts from the code.
#include "mlp_example.h"

#include <random>

#include "theano/core/gradient.h"
#include "theano/core/init.h"
#include "theano/core/serialize.h"
#include "theano/tensor.h"

namespace example {

namespace T = theano::tensor;
using theano::NDArray;

namespace {

// Three Gaussian blobs in 2-d, 100 points each; labels 0, 1, 2.
std::pair<NDArray, NDArray> blobs(std::mt19937_64& rng) {
  std::normal_distribution<float> noise(0.f, 0.6f);
  const float centres[3][2] = {{0, 3}, {3, -2}, {-3, -2}};
  std::vector<float> x;
  std::vector<std::int64_t> y;
  for (int i = 0; i < 300; ++i) {
    x.push_back(centres[i % 3][0] + noise(rng));
    x.push_back(centres[i % 3][1] + noise(rng));
    y.push_back(i % 3);
  }
  return {NDArray::from_vector(x, {300, 2}), NDArray::from_vector(y)};
}

NDArray init_weights(std::int64_t rows, std::int64_t cols, std::mt19937_64& rng) {
  std::normal_distribution<float> d(0.f, 0.5f);
  std::vector<float> w(rows * cols);
  for (float& e : w) e = d(rng);
  return NDArray::from_vector(w, {rows, cols});
}

}  // namespace

MlpResult train_mlp(const std::string& save_path) {
  theano::initialize();
  std::mt19937_64 rng(42);
  auto [data, labels] = blobs(rng);

  // Symbolic inputs and the model's parameters (shared variables).
  auto x = T::fmatrix("x");
  auto y = T::lvector("y");
  auto w1 = theano::shared(init_weights(2, 16, rng), "w1");
  auto b1 = theano::shared(NDArray::zeros(theano::DType::Float32, {16}), "b1");
  auto w2 = theano::shared(init_weights(16, 3, rng), "w2");
  auto b2 = theano::shared(NDArray::zeros(theano::DType::Float32, {3}), "b2");

  // The model: tanh hidden layer, softmax output, mean cross-entropy.
  T::TensorVar hidden = T::tanh(T::dot(x, w1) + b1);
  T::TensorVar probs = T::softmax(T::dot(hidden, w2) + b2);
  T::TensorVar loss = T::mean(T::nnet::categorical_crossentropy(probs, y));
  T::TensorVar predicted = T::argmax(probs, 1);

  // Gradients, and one SGD step as a function that updates the parameters.
  std::vector<theano::Var> params{w1, b1, w2, b2};
  std::vector<theano::Var> grads = theano::grad(loss, params);
  theano::FunctionOptions sgd;
  for (std::size_t i = 0; i < params.size(); ++i)
    sgd.updates.emplace_back(params[i], T::TensorVar(params[i]) - 0.5f * T::TensorVar(grads[i]));
  theano::Function step = theano::function({x, y}, {loss}, sgd);
  theano::Function predict = theano::function({x}, {predicted});

  MlpResult r;
  for (int epoch = 0; epoch < 100; ++epoch) {
    float l = step({data, labels})[0].array().item<float>();
    if (epoch == 0) r.first_loss = l;
    r.last_loss = l;
  }
  std::vector<std::int64_t> guess = predict({data})[0].array().to_vector<std::int64_t>();
  std::vector<std::int64_t> truth = labels.to_vector<std::int64_t>();
  int right = 0;
  for (std::size_t i = 0; i < truth.size(); ++i) right += guess[i] == truth[i];
  r.accuracy = static_cast<double>(right) / static_cast<double>(truth.size());

  // Ship the predictor: one file, loadable without this code.
  theano::save_function(predict, save_path);
  theano::Function loaded = theano::load_function(save_path);
  r.loaded_agrees = loaded({data})[0].array().to_vector<std::int64_t>() == guess;
  return r;
}

}  // namespace example
