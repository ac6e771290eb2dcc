// Every nnet rewrite checked by DebugMode on moderate inputs (where the
// stabilised and the original graphs must agree): a rewrite that changed a
// value would raise BadOptimization naming it. Covers the forward forms and
// their gradients.
#include "helpers.h"
#include "theano/core/gradient.h"

namespace theano::nnettest {
namespace {

FunctionOptions debug_mode() {
  FunctionOptions o;
  o.mode = Mode::named("DebugMode");
  o.on_unused_input = "ignore";
  return o;
}

TEST(NnetDebugMode, RewritesKeepValues) {
  init();
  T::TensorVar x = T::dmatrix("x"), b = T::dvector("b"), y = T::lvector("y");
  T::TensorVar t = T::dmatrix("t"), v = T::dvector("v"), tv = T::dvector("tv");
  T::TensorVar sm = T::nnet::softmax(x + b);
  std::vector<T::TensorVar> costs{
      T::sum(T::log(T::nnet::softmax(x))),
      T::sum(T::nnet::categorical_crossentropy(sm, y)),
      T::sum(T::nnet::categorical_crossentropy(T::nnet::softmax(x), t)),
      T::sum(T::log(T::nnet::softmax_graph(x)) * t),
      T::sum(T::log(T::nnet::sigmoid(v))),
      T::sum(T::log(1 - T::nnet::sigmoid(v)) * tv),
      T::sum(T::log1p(-T::nnet::sigmoid(v))),
      T::sum(T::log(1 + T::exp(v))),
      T::sum(T::nnet::binary_crossentropy(T::nnet::sigmoid(v), tv)),
      T::sum(T::exp(v) / (1 + T::exp(v))),
      T::sum(T::log(1.0 / (1.0 + T::exp(-v)))),
  };
  std::vector<Value> args{NDArray::from_values<double>({0.5, -1, 2, 0.3, 0, -0.7}, {2, 3}),
                          NDArray::from_values<double>({0.1, -0.2, 0.4}),
                          NDArray::from_values<std::int64_t>({2, 0}),
                          NDArray::from_values<double>({0, 1, 0, 0.5, 0, 0.5}, {2, 3}),
                          NDArray::from_values<double>({-2.5, -0.3, 0.8, 3}),
                          NDArray::from_values<double>({0.2, 1, 0, 0.6})};
  std::vector<Var> ins{x, b, y, t, v, tv};
  for (std::size_t k = 0; k < costs.size(); ++k) {
    std::vector<Var> wrt{x, b, v};
    GradOptions go;
    go.disconnected_inputs = DisconnectedPolicy::Ignore;
    std::vector<Var> g = grad(costs[k], wrt, go);
    std::vector<Var> outs{costs[k]};
    outs.insert(outs.end(), g.begin(), g.end());
    std::vector<In> in(ins.begin(), ins.end());
    std::vector<Out> out(outs.begin(), outs.end());
    std::vector<Value> plain =
        function(in, out, FunctionOptions{.on_unused_input = "ignore"})(args);
    std::vector<Value> checked;
    EXPECT_NO_THROW(checked = function(in, out, debug_mode())(args)) << "cost " << k;
    for (std::size_t i = 0; i < checked.size(); ++i)
      EXPECT_TRUE(close(checked[i].array(), plain[i].array(), 1e-10, 1e-12)) << k << " " << i;
  }
}

}  // namespace
}  // namespace theano::nnettest
