// W5 (MLP SGD step) and W9 (row update of a large shared matrix) of
// WORKLOADS.md on Theano++: training steps whose state lives in shared
// variables. W5's loss is written as the workload defines it,
// mean(-log(softmax(logits))[arange(n), y]), and left to the rewrites.
// W9 runs twice: with shared updates as they are by default (in place, as the
// program's checked last step) and with inplace_shared_updates=never (a
// fresh copy of the matrix per call).
// --print-graph prints W5's compiled graph.
#include <cblas.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <random>

#include "bench_common.h"
#include "theano/core/config.h"
#include "theano/core/gradient.h"
#include "theano/core/init.h"
#include "theano/core/printing.h"
#include "theano/tensor.h"

namespace T = theano::tensor;
using theano::DType;
using theano::NDArray;
using theano::Value;

namespace {

NDArray uniform(std::int64_t rows, std::int64_t cols, std::uint64_t seed) {
  const double bound = std::sqrt(6.0 / static_cast<double>(rows + cols));
  std::mt19937_64 gen(seed);
  std::uniform_real_distribution<float> dist(static_cast<float>(-bound), static_cast<float>(bound));
  NDArray a = NDArray::empty(DType::Float32, {rows, cols});
  for (std::int64_t i = 0; i < a.size(); ++i) a.data<float>()[i] = dist(gen);
  return a;
}

NDArray labels(std::int64_t n, std::int64_t classes, std::uint64_t seed) {
  std::mt19937_64 gen(seed);
  NDArray y = NDArray::empty(DType::Int64, {n});
  for (std::int64_t i = 0; i < n; ++i)
    y.data<std::int64_t>()[i] = static_cast<std::int64_t>(gen() % classes);
  return y;
}

// W5's five matrix products alone, through cblas_sgemm on the same shapes
// and layouts as the compiled step, with the threads blas.threads=0 picks on
// an idle machine (all cores for the two 128x784x500 products, one for the
// small ones): the time no implementation on OpenBLAS goes under.
void w5_gemm_floor(double ours) {
  const int n = 128, in = 784, hidden = 500, out = 10;
  NDArray x = bench::normal({n, in}, 6), w1 = bench::normal({in, hidden}, 8, 0.05);
  NDArray w2 = bench::normal({hidden, out}, 9, 0.1), dh = bench::normal({n, hidden}, 13, 0.01);
  NDArray dl = bench::normal({n, out}, 14, 0.01);
  NDArray h = NDArray::empty(DType::Float32, {n, hidden}),
          l = NDArray::empty(DType::Float32, {n, out});
  NDArray back = NDArray::empty(DType::Float32, {n, hidden});
  const int all = openblas_get_num_procs();
  auto f = [](NDArray& a) { return a.data<float>(); };
  bench::Timing t = bench::time_call([&] {
    openblas_set_num_threads(all);
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, n, hidden, in, 1.f, f(x), in, f(w1),
                hidden, 0.f, f(h), hidden);
    openblas_set_num_threads(1);
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, n, out, hidden, 1.f, f(h), hidden, f(w2),
                out, 0.f, f(l), out);
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, n, hidden, out, 1.f, f(dl), out, f(w2),
                out, 0.f, f(back), hidden);
    cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, hidden, out, n, -0.01f, f(h), hidden,
                f(dl), out, 1.f, f(w2), out);
    openblas_set_num_threads(all);
    cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, in, hidden, n, -0.01f, f(x), in, f(dh),
                hidden, 1.f, f(w1), hidden);
  });
  bench::report("W5", "sgemm_only", t, 1.0 / t.median, "steps/s");
  std::printf("# W5 theanopp/sgemm_only %.3f\n", ours / t.median);
}

void w5(bool print_graph) {
  const std::int64_t n = 128, in = 784, hidden = 500, out = 10;
  NDArray xs = bench::input("w5_x", [&] { return bench::normal({n, in}, 6); });
  NDArray ys = bench::input("w5_y", [&] { return labels(n, out, 7); }).astype(DType::Int32);
  auto w1 = theano::shared(bench::input("w5_w1", [&] { return uniform(in, hidden, 8); }), "W1");
  auto b1 = theano::shared(NDArray::zeros(DType::Float32, {hidden}), "b1");
  auto w2 = theano::shared(bench::input("w5_w2", [&] { return uniform(hidden, out, 9); }), "W2");
  auto b2 = theano::shared(NDArray::zeros(DType::Float32, {out}), "b2");

  T::TensorVar x = T::fmatrix("x"), y = T::ivector("y");
  T::TensorVar h = T::tanh(T::dot(x, w1) + b1);
  T::TensorVar logits = T::dot(h, w2) + b2;
  T::TensorVar rows = T::arange(T::shape_i(y, 0));  // Theano tutorials: arange(y.shape[0])
  T::TensorVar loss = T::mean(-T::log(T::softmax(logits))[{rows, y}]);

  std::vector<theano::Var> params{w1, b1, w2, b2};
  std::vector<theano::Var> grads = theano::grad(loss, params);
  theano::FunctionOptions sgd;
  for (std::size_t i = 0; i < params.size(); ++i)
    sgd.updates.emplace_back(params[i], T::TensorVar(params[i]) - 0.01 * T::TensorVar(grads[i]));
  theano::Function step = bench::compile("W5", "theanopp", {x, y}, {loss}, sgd);
  if (print_graph) std::printf("%s\n", theano::debugprint(step).c_str());
  NDArray losses = NDArray::empty(DType::Float32, {2});
  for (int i = 0; i < 2; ++i) losses.data<float>()[i] = step({xs, ys})[0].array().item<float>();
  bench::check("W5", "theanopp", "w5_loss_steps_1_2", losses, 1e-4);
  bench::Timing t = bench::time_call([&] { step({xs, ys}); });
  bench::report("W5", "theanopp", t, 1.0 / t.median, "steps/s");
  w5_gemm_floor(t.median);
}

/// The pool of 32 (idx, delta) pairs: rows chosen without replacement.
std::vector<std::vector<Value>> row_pool(std::int64_t rows, std::int64_t k, std::int64_t cols) {
  NDArray idx = bench::input("w9_idx", [&] {
    std::mt19937_64 gen(10);
    NDArray a = NDArray::empty(DType::Int64, {32, k});
    std::vector<std::int64_t> perm(static_cast<std::size_t>(rows));
    for (std::int64_t p = 0; p < 32; ++p) {
      std::iota(perm.begin(), perm.end(), 0);
      std::shuffle(perm.begin(), perm.end(), gen);
      std::copy_n(perm.begin(), k, a.data<std::int64_t>() + p * k);
    }
    return a;
  });
  NDArray delta = bench::input("w9_delta", [&] { return bench::normal({32, k, cols}, 11); });
  std::vector<std::vector<Value>> pool;
  for (std::int64_t p = 0; p < 32; ++p)
    pool.push_back({idx.index(0, p).astype(DType::Int32), delta.index(0, p).copy()});
  return pool;
}

void w9(const std::string& impl, const std::string& policy) {
  const std::int64_t rows = 70000, cols = 100, k = 200;
  theano::Config::global().set("inplace_shared_updates", policy);
  auto c = theano::shared(bench::input("w9_c",
                                       [&] {
                                         return bench::normal({rows, cols}, 12);
                                       }),
                          "C");
  std::vector<std::vector<Value>> pool = row_pool(rows, k, cols);
  T::TensorVar idx = T::ivector("idx"), delta = T::fmatrix("delta"), cv(c);
  theano::FunctionOptions options;
  options.updates = {{c, T::inc_subtensor(cv, {idx}, delta)}};
  theano::Function update = bench::compile("W9", impl, {idx, delta}, {}, options);
  update(pool[0]);
  {  // (a borrowed value held during the timing would make every update copy)
    NDArray first_rows = c->get_value(true).array();
    NDArray picked = NDArray::empty(DType::Float32, {k, cols});
    for (std::int64_t r = 0; r < k; ++r) {
      auto row = static_cast<std::int64_t>(pool[0][0].array().at({r}));
      picked.index(0, r).assign(first_rows.index(0, row));
    }
    bench::check("W9", impl, "w9_rows_after_call_1", picked, 1e-6, 1e-6);
  }
  std::size_t call = 1;
  bench::Timing t = bench::time_call([&] { update(pool[call++ % pool.size()]); });
  bench::report("W9", impl, t, t.median * 1e6, "us/call");
  theano::Config::global().set("inplace_shared_updates", "checked");
}

}  // namespace

int main(int argc, char** argv) {
  bench::Options o = bench::parse_options(argc, argv);
  theano::initialize();
  bool print_graph = !o.rest.empty() && o.rest[0] == "--print-graph";
  if (o.wants("W5")) w5(print_graph);
  if (o.wants("W9")) {
    w9("theanopp", "checked");
    w9("theanopp_copied_updates", "never");
  }
  return bench::exit_code();
}
