// `theano demo`: the main job. Trains the logistic regression of the Theano
// tutorial on generated data: builds the graph with the tensor front end,
// differentiates it with theano::grad, compiles one SGD step with shared
// updates and runs it, printing the loss as it falls.
#include <cmath>
#include <iomanip>
#include <ostream>
#include <random>

#include "cli_support.h"
#include "theano/core/function.h"
#include "theano/core/gradient.h"
#include "theano/tensor.h"

namespace theano::cli {

namespace {

namespace T = theano::tensor;

struct Data {
  NDArray x;  // (n, feats) float32
  NDArray y;  // (n,) float32 in {0, 1}
};

// Labels from a hidden linear rule plus noise, so the task is learnable.
Data make_data(int n, int feats, unsigned seed) {
  std::mt19937 rng(seed);
  std::normal_distribution<float> normal(0.f, 1.f);
  std::vector<float> truth(feats), xs(static_cast<std::size_t>(n) * feats), ys(n);
  for (float& t : truth) t = normal(rng);
  for (int i = 0; i < n; ++i) {
    float z = 0;
    for (int j = 0; j < feats; ++j) {
      float v = normal(rng);
      xs[static_cast<std::size_t>(i) * feats + j] = v;
      z += v * truth[j];
    }
    ys[i] = z + 0.5f * normal(rng) > 0 ? 1.f : 0.f;
  }
  return {NDArray::from_vector(xs, {n, feats}), NDArray::from_vector(ys)};
}

std::string progress_bar(int done, int total, int width = 30) {
  int filled = total ? done * width / total : width;
  return "[" + std::string(filled, '#') + std::string(width - filled, '.') + "]";
}

}  // namespace

int run_demo(const Invocation& inv) {
  po::options_description options("theano demo options");
  options.add_options()("steps", po::value<int>()->default_value(200), "training steps")(
      "examples", po::value<int>()->default_value(400), "number of examples")(
      "features", po::value<int>()->default_value(100), "features per example")(
      "learning-rate", po::value<double>()->default_value(0.1), "SGD step size")(
      "seed", po::value<unsigned>()->default_value(0), "data seed");
  auto vm = parse_command(inv, "demo [--steps N] [--examples N] [--features N]", options);
  if (!vm) return 0;
  start_library(inv);
  const int steps = (*vm)["steps"].as<int>();
  const int n = (*vm)["examples"].as<int>();
  const int feats = (*vm)["features"].as<int>();
  const double lr = (*vm)["learning-rate"].as<double>();
  if (steps < 0 || n <= 0 || feats <= 0) {
    inv.err << "theano demo: --steps must be >= 0, --examples and --features > 0\n";
    return 2;
  }
  Data data = make_data(n, feats, (*vm)["seed"].as<unsigned>());

  // The model: p = sigmoid(x.w + b); cross-entropy plus an L2 penalty.
  T::TensorVar x = T::fmatrix("x");
  T::TensorVar y = T::fvector("y");
  auto w = shared(NDArray::zeros(DType::Float32, {feats}), "w");
  auto b = shared(NDArray::scalar(0.0f), "b");
  T::TensorVar wv(w), bv(b);
  T::TensorVar logits = T::sum(x * wv.dimshuffle({-1, 0}), 1) + bv;
  T::TensorVar p = 1.0 / (1.0 + T::exp(-logits));
  T::TensorVar xent = -y * T::log(p) - (1.0 - y) * T::log(1.0 - p);
  T::TensorVar cost = T::mean(xent) + 0.01 * T::sum(wv * wv);
  std::vector<Var> grads = grad(cost, {wv, bv});

  FunctionOptions train_opt;
  train_opt.name = "train";
  train_opt.updates = {{w, wv - lr * T::TensorVar(grads[0])},
                       {b, bv - lr * T::TensorVar(grads[1])}};
  Function train = function({x, y}, {cost}, train_opt);
  FunctionOptions predict_opt;
  predict_opt.name = "predict";
  Function predict = function({x}, {T::gt(p, 0.5)}, predict_opt);

  inv.out << "theano demo: logistic regression, " << n << " examples x " << feats << " features, "
          << steps << " SGD steps (learning rate " << lr << ")\n";
  double first = 0, last = 0;
  for (int step = 1; step <= steps; ++step) {
    last = train({data.x, data.y})[0].array().item<double>();
    if (step == 1) first = last;
    if (step == 1 || step % 10 == 0 || step == steps) {
      inv.out << progress_bar(step, steps) << " step " << std::setw(4) << step << "/" << steps
              << "  loss " << std::fixed << std::setprecision(5) << last << "\n";
    }
  }
  std::vector<double> predicted = predict({data.x})[0].array().to_vector<double>();
  std::vector<float> labels = data.y.to_vector<float>();
  int correct = 0;
  for (int i = 0; i < n; ++i) correct += (predicted[i] != 0) == (labels[i] != 0);
  inv.out << "final loss " << last << " (first " << first << "), training accuracy "
          << std::setprecision(1) << 100.0 * correct / n << "%\n";
  return steps > 0 && !(last < first) ? 1 : 0;
}

}  // namespace theano::cli
