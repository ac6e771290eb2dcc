// Gradients of every nnet op and front-end function checked by verify_grad
// (finite differences), the R_op of softmax and log_softmax against central
// differences, and shape inference.
#include "helpers.h"
#include "theano/core/gradient.h"

namespace theano::nnettest {
namespace {

using In = std::vector<Var>;

NDArray matrix(std::int64_t rows, std::int64_t cols, double scale, double phase) {
  std::vector<double> v(static_cast<std::size_t>(rows * cols));
  for (std::size_t i = 0; i < v.size(); ++i) v[i] = scale * std::sin(1.3 * i + phase);
  return NDArray::from_vector(v, {rows, cols});
}
NDArray vector(std::int64_t n, double scale, double phase) {
  return matrix(1, n, scale, phase).reshape({n});
}
NDArray probabilities() {
  NDArray p = golden("p");
  return p;
}
Var labels() {
  return T::constant(golden("y"));
}

TEST(Grad, Activations) {
  init();
  // Points away from the kinks of relu, elu and hard_sigmoid.
  NDArray x = NDArray::from_values<double>({-3.1, -1.2, -0.4, 0.3, 0.9, 2.2, 4.0});
  verify_grad([](const In& in) { return T::nnet::sigmoid(in[0]); }, {x});
  verify_grad([](const In& in) { return T::nnet::softplus(in[0]); }, {x});
  verify_grad([](const In& in) { return T::nnet::softsign(in[0]); }, {x});
  verify_grad([](const In& in) { return T::nnet::hard_sigmoid(in[0]); }, {x});
  verify_grad([](const In& in) { return T::nnet::relu(in[0]); }, {x});
  verify_grad([](const In& in) { return T::nnet::relu(in[0], 0.2); }, {x});
  verify_grad([](const In& in) { return T::nnet::relu(in[0], in[1]); },
              {x, NDArray::scalar<double>(0.3)});
  verify_grad([](const In& in) { return T::nnet::elu(in[0]); }, {x});
  verify_grad([](const In& in) { return T::nnet::selu(in[0]); }, {x});
  verify_grad([](const In& in) { return T::nnet::sigmoid(in[0]); }, {x.astype(DType::Float32)});
}

TEST(Grad, UltraFastSigmoidHasNoGradient) {
  init();
  T::TensorVar x = T::dvector("x");
  EXPECT_THROW(grad(T::sum(T::nnet::ultra_fast_sigmoid(x)), x), NullTypeGradError);
}

TEST(Grad, SoftmaxFamily) {
  init();
  NDArray x = matrix(3, 4, 2.0, 0.1), dy = matrix(3, 4, 1.0, 0.7), b = vector(4, 1.0, 2.0);
  verify_grad([](const In& in) { return T::nnet::softmax(in[0]); }, {x});
  verify_grad([](const In& in) { return T::nnet::softmax(in[0], 0); }, {x});
  verify_grad([](const In& in) { return T::nnet::log_softmax(in[0]); }, {x});
  verify_grad([](const In& in) { return T::nnet::log_softmax(in[0], 0); }, {x});
  verify_grad([](const In& in) { return T::nnet::softmax_with_bias(in[0], in[1]); }, {x, b});
  NDArray sm = eval1({}, T::nnet::softmax(T::constant(x)), {});
  verify_grad([](const In& in) { return T::nnet::softmax_grad(in[0], in[1]); }, {dy, sm});
  verify_grad([](const In& in) { return T::nnet::softmax_grad(in[0], in[1], 0); }, {dy, sm});
  verify_grad([](const In& in) { return T::nnet::softmax(in[0]); }, {x.astype(DType::Float32)});
}

TEST(Grad, CrossEntropies) {
  init();
  NDArray p = probabilities(), g = golden("g");
  verify_grad([](const In& in) { return T::nnet::crossentropy_categorical_1hot(in[0], labels()); },
              {p});
  verify_grad(
      [](const In& in) {
        return T::nnet::crossentropy_categorical_1hot_grad(in[0], in[1], labels());
      },
      {g, p});
  NDArray onehot = NDArray::zeros(DType::Float64, {4, 5});
  std::vector<std::int64_t> y = golden("y").to_vector<std::int64_t>();
  for (std::int64_t r = 0; r < 4; ++r) onehot.data<double>()[r * 5 + y[r]] = 1;
  verify_grad([](const In& in) { return T::nnet::categorical_crossentropy(in[0], in[1]); },
              {p, onehot});
  NDArray o = golden("bce_o"), t = golden("bce_t"), z = matrix(3, 4, 3.0, 0.2);
  verify_grad([](const In& in) { return T::nnet::binary_crossentropy(in[0], in[1]); }, {o, t});
  verify_grad([](const In& in) { return T::nnet::sigmoid_binary_crossentropy(in[0], in[1]); },
              {z, t});
}

TEST(Grad, FusedSoftmaxCrossEntropy) {
  init();
  NDArray x = matrix(4, 5, 2.0, 0.3), b = vector(5, 1.0, 1.0), w = matrix(4, 5, 1.0, 0.5);
  // Both differentiable outputs: the nll and the softmax (weighted).
  verify_grad(
      [w](const In& in) {
        auto r = T::nnet::crossentropy_softmax_argmax_1hot_with_bias(in[0], in[1], labels());
        return T::sum(r.nll) + T::sum(r.sm * T::constant(w));
      },
      {x, b});
  verify_grad(
      [](const In& in) { return T::nnet::crossentropy_softmax_1hot(in[0], labels()).first; }, {x});
  NDArray sm = eval1({}, T::nnet::softmax(T::constant(x)), {});
  verify_grad(
      [](const In& in) {
        return T::nnet::crossentropy_softmax_1hot_with_bias_dx(in[0], in[1], labels());
      },
      {golden("g"), sm});
}

// R_op of softmax / log_softmax against central differences along v.
TEST(Grad, SoftmaxRop) {
  init();
  NDArray x0 = matrix(3, 4, 1.5, 0.4), v0 = matrix(3, 4, 1.0, 1.1);
  for (bool log : {false, true}) {
    T::TensorVar x = T::dmatrix("x"), v = T::dmatrix("v");
    T::TensorVar y = log ? T::nnet::log_softmax(x) : T::nnet::softmax(x);
    Var jv = Rop(y, x, v);
    NDArray got = eval1({x, v}, jv, {x0, v0});
    const double h = 1e-6;
    std::vector<double> xs = x0.to_vector<double>(), vs = v0.to_vector<double>();
    std::vector<double> plus(xs), minus(xs);
    for (std::size_t i = 0; i < xs.size(); ++i) {
      plus[i] += h * vs[i];
      minus[i] -= h * vs[i];
    }
    Function f = compile({x}, {y});
    std::vector<double> fp =
        f.call1({NDArray::from_vector(plus, {3, 4})}).array().to_vector<double>();
    std::vector<double> fm =
        f.call1({NDArray::from_vector(minus, {3, 4})}).array().to_vector<double>();
    std::vector<double> g = got.to_vector<double>();
    for (std::size_t i = 0; i < g.size(); ++i)
      EXPECT_NEAR(g[i], (fp[i] - fm[i]) / (2 * h), 1e-7)
          << (log ? "log_softmax " : "softmax ") << i;
  }
}

// infer_shape maps the input dims to the output dims (checked on the ops
// directly with symbolic dims n and k).
TEST(Grad, InferShape) {
  init();
  Var n = T::lscalar("n"), k = T::lscalar("k");
  T::TensorVar x = T::dmatrix("x"), y = T::lvector("y"), b = T::dvector("b");
  auto shapes_of = [&](const Var& out, std::vector<ShapeVars> in) {
    const Apply& node = *out->owner();
    auto s = node.op().infer_shape(node, in);
    EXPECT_TRUE(s.has_value()) << node.op().display();
    return s ? *s : std::vector<ShapeVars>{};
  };
  auto r = T::nnet::crossentropy_softmax_argmax_1hot_with_bias(x, b, y);
  auto fused = shapes_of(r.nll, {{n, k}, {k}, {n}});
  EXPECT_EQ(fused, (std::vector<ShapeVars>{{n}, {n, k}, {n}}));
  EXPECT_EQ(shapes_of(T::nnet::softmax(x, 0), {{n, k}}), (std::vector<ShapeVars>{{n, k}}));
  EXPECT_EQ(shapes_of(T::nnet::crossentropy_categorical_1hot(x, y), {{n, k}, {n}}),
            (std::vector<ShapeVars>{{n}}));
  EXPECT_EQ(shapes_of(T::nnet::softmax_grad(x, x), {{n, k}, {n, k}}),
            (std::vector<ShapeVars>{{n, k}}));
  EXPECT_EQ(shapes_of(T::nnet::crossentropy_softmax_1hot_with_bias_dx(b, x, y), {{n}, {n, k}, {n}}),
            (std::vector<ShapeVars>{{n, k}}));
}

}  // namespace
}  // namespace theano::nnettest
