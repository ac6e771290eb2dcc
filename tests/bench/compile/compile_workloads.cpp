// The functions of shared/bench/WORKLOADS.md that are expressible now, as
// graphs to compile (W1, W2, W3, W4, W5, W9, W10): the same definitions the
// run-time benchmarks use, built once so that only compiling is timed.
// Shared values have the workloads' shapes but are zeros: their contents
// never reach the compiler.
#include "compile_workloads.h"

#include "theano/core/gradient.h"
#include "theano/tensor.h"

namespace bench_compile {

namespace {

namespace T = theano::tensor;
using theano::DType;
using theano::NDArray;
using theano::Var;

Var shared_zeros(theano::Shape shape, const std::string& name) {
  return theano::shared(NDArray::zeros(DType::Float32, std::move(shape)), name);
}

// Adds the SGD updates param -= lr * grad(cost, param) to `c`.
void add_sgd(Workload& c, const Var& cost, const std::vector<Var>& params, double lr) {
  std::vector<Var> grads = theano::grad(cost, params);
  for (std::size_t i = 0; i < params.size(); ++i)
    c.options.updates.emplace_back(params[i],
                                   T::TensorVar(params[i]) - lr * T::TensorVar(grads[i]));
}

Workload w1() {
  T::TensorVar x = T::fvector("x"), y = T::fvector("y"), z = T::fvector("z");
  return {"C1",
          "W1 fused elementwise exp(x)*y + tanh(z) - x*x",
          {x, y, z},
          {T::exp(x) * y + T::tanh(z) - x * x},
          {}};
}

Workload w2() {
  T::TensorVar x = T::fmatrix("x");
  return {"C2", "W2 row reduction sum(x*x, axis=1)", {x}, {T::sum(x * x, 1)}, {}};
}

Workload w3() {
  T::TensorVar a = T::fmatrix("a"), b = T::fmatrix("b");
  return {"C3", "W3 GEMM a @ b", {a, b}, {T::dot(a, b)}, {}};
}

Workload w4() {
  T::TensorVar x = T::fmatrix("x"), y = T::fvector("y");
  T::TensorVar w(shared_zeros({784}, "w")), b(shared_zeros({}, "b"));
  T::TensorVar p = 1.0 / (1.0 + T::exp(-T::dot(x, w) - b));
  T::TensorVar xent = -y * T::log(p) - (1.0 - y) * T::log(1.0 - p);
  T::TensorVar cost = T::mean(xent) + 0.01 * T::sum(w * w);
  Workload c{"C4", "W4 logistic regression SGD step (grad + updates)", {x, y}, {cost}, {}};
  add_sgd(c, cost, {w, b}, 0.1);
  return c;
}

Workload w5() {
  T::TensorVar x = T::fmatrix("x"), y = T::ivector("y");
  T::TensorVar w1(shared_zeros({784, 500}, "W1")), b1(shared_zeros({500}, "b1"));
  T::TensorVar w2(shared_zeros({500, 10}, "W2")), b2(shared_zeros({10}, "b2"));
  T::TensorVar h = T::tanh(T::dot(x, w1) + b1);
  T::TensorVar logits = T::dot(h, w2) + b2;
  T::TensorVar rows = T::arange(T::shape_i(x, 0));
  T::TensorVar loss = T::mean(-T::log(T::softmax(logits))[{rows, y}]);
  Workload c{"C5", "W5 MLP 784-500-10 SGD step (softmax xent, grad + updates)", {x, y}, {loss}, {}};
  add_sgd(c, loss, {w1, b1, w2, b2}, 0.01);
  return c;
}

Workload w9() {
  T::TensorVar idx = T::ivector("idx"), delta = T::fmatrix("delta");
  Var c = shared_zeros({70000, 100}, "C");
  Workload w{"C9", "W9 inc_subtensor row update of a shared 70000x100", {idx, delta}, {}, {}};
  w.options.updates = {{c, T::inc_subtensor(T::TensorVar(c), {idx}, delta)}};
  return w;
}

Workload w10() {
  T::TensorVar x = T::dscalar("x");
  return {"C10", "W10 call overhead x + 1", {x}, {x + 1.0}, {}};
}

}  // namespace

std::vector<Workload> training_workloads() {
  return {w1(), w2(), w3(), w4(), w5(), w9(), w10()};
}

}  // namespace bench_compile
