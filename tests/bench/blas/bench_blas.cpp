// W3 (2048^3 SGEMM) and W4 (logistic-regression SGD step) of WORKLOADS.md on
// Theano++, each with the compile time of its function. W3 also times
// cblas_sgemm called directly in this binary (same OpenBLAS, same threads)
// and prints our time over it. Run with --threads N to set blas.threads,
// --print-graph to see W4's compiled graph (W3 is skipped then).
#include <cblas.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>

#include "bench_timing.h"
#include "theano/core/config.h"
#include "theano/core/function.h"
#include "theano/core/gradient.h"
#include "theano/core/init.h"
#include "theano/core/printing.h"
#include "theano/tensor.h"

namespace T = theano::tensor;
using theano::DType;
using theano::NDArray;

namespace {

NDArray normal(theano::Shape shape, unsigned seed, double scale = 1.0) {
  std::mt19937_64 gen(seed);
  std::normal_distribution<float> dist(0.0f, 1.0f);
  NDArray a = NDArray::empty(DType::Float32, std::move(shape));
  float* p = a.data<float>();
  for (std::int64_t i = 0; i < a.size(); ++i) p[i] = static_cast<float>(scale) * dist(gen);
  return a;
}

theano::Function compile(std::vector<theano::In> in, std::vector<theano::Out> out,
                         theano::FunctionOptions options, double* ms) {
  auto t0 = std::chrono::steady_clock::now();
  theano::Function f = theano::function(std::move(in), std::move(out), std::move(options));
  *ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  return f;
}

void w3(const std::string& suffix) {
  const int n = 2048;
  const double flops = 2.0 * n * n * static_cast<double>(n);
  NDArray a = normal({n, n}, 1), b = normal({n, n}, 2);
  T::TensorVar x = T::fmatrix("a"), y = T::fmatrix("b");
  double ms = 0;
  theano::Function f = compile({x, y}, {T::dot(x, y)}, {}, &ms);
  std::printf("# W3 compile %.3f ms\n", ms);
  bench::Timing ours = bench::time_call([&] { f({a, b}); });
  bench::report("W3", "theanopp" + suffix, ours, flops / ours.median / 1e9, "GFLOP/s");
  NDArray c = NDArray::empty(DType::Float32, {n, n});
  bench::Timing direct = bench::time_call([&] {
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, n, n, n, 1.0f, a.data<float>(), n,
                b.data<float>(), n, 0.0f, c.data<float>(), n);
  });
  bench::report("W3", "cblas_sgemm" + suffix, direct, flops / direct.median / 1e9, "GFLOP/s");
  std::printf("# W3 theanopp/cblas_sgemm%s %.3f\n", suffix.c_str(), ours.median / direct.median);
}

void w4(const std::string& suffix, bool print_graph) {
  const int n = 400, feats = 784;
  NDArray xs = normal({n, feats}, 3);
  NDArray ys = NDArray::empty(DType::Float32, {n});
  std::mt19937_64 gen(4);
  for (int i = 0; i < n; ++i) ys.data<float>()[i] = static_cast<float>(gen() % 2);
  auto w = theano::shared(normal({feats}, 5, 0.01), "w");
  auto b = theano::shared(NDArray::scalar(0.0f), "b");
  T::TensorVar x = T::fmatrix("x"), y = T::fvector("y"), wv(w), bv(b);
  T::TensorVar p = 1.0 / (1.0 + T::exp(-T::dot(x, wv) - bv));
  T::TensorVar xent = -y * T::log(p) - (1.0 - y) * T::log(1.0 - p);
  T::TensorVar cost = T::mean(xent) + 0.01 * T::sum(wv * wv);
  std::vector<theano::Var> g = theano::grad(cost, {wv, bv});
  theano::FunctionOptions options;
  options.updates = {{w, wv - 0.1 * T::TensorVar(g[0])}, {b, bv - 0.1 * T::TensorVar(g[1])}};
  double ms = 0;
  theano::Function step = compile({x, y}, {cost}, options, &ms);
  std::printf("# W4 compile %.3f ms\n", ms);
  if (print_graph) std::printf("%s\n", theano::debugprint(step).c_str());
  bench::Timing t = bench::time_call([&] { step({xs, ys}); });
  bench::report("W4", "theanopp" + suffix, t, 1.0 / t.median, "steps/s");
}

}  // namespace

int main(int argc, char** argv) {
  theano::initialize();
  std::string threads;
  bool print_graph = false;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--threads") == 0 && i + 1 < argc) threads = argv[i + 1];
    if (std::strcmp(argv[i], "--print-graph") == 0) print_graph = true;
  }
  if (!threads.empty()) theano::Config::global().set("blas.threads", threads);
  std::string suffix = threads.empty() ? "" : "_threads" + threads;
  if (!print_graph) w3(suffix);
  w4(suffix, print_graph);
  return 0;
}
