// W3 (2048^3 SGEMM) and W4 (logistic-regression SGD step) of WORKLOADS.md on
// Theano++, each with the compile time of its function and, with --data, a
// check against NumPy. W3 also times cblas_sgemm called directly in this
// binary (same OpenBLAS, same threads) and prints our time over it. Run with
// --threads N to set blas.threads, --print-graph to see W4's compiled graph
// (W3 is skipped then).
#include <cblas.h>

#include <cstdio>
#include <random>
#include <string>

#include "bench_common.h"
#include "theano/core/config.h"
#include "theano/core/gradient.h"
#include "theano/core/init.h"
#include "theano/core/printing.h"
#include "theano/tensor.h"

namespace T = theano::tensor;
using theano::DType;
using theano::NDArray;

namespace {

void w3(const std::string& impl) {
  const int n = 2048;
  const double flops = 2.0 * n * n * static_cast<double>(n);
  NDArray a = bench::input("w3_a", [] { return bench::normal({n, n}, 1); });
  NDArray b = bench::input("w3_b", [] { return bench::normal({n, n}, 2); });
  T::TensorVar x = T::fmatrix("a"), y = T::fmatrix("b");
  theano::Function f = bench::compile("W3", impl, {x, y}, {T::dot(x, y)});
  NDArray c0 = f({a, b})[0].array();
  bench::check("W3", impl, "w3_c_every_16th", c0.slice(0, 0, n, 16).slice(1, 0, n, 16), 1e-4, 1e-2);
  bench::Timing ours = bench::time_call([&] { f({a, b}); });
  bench::report("W3", impl, ours, flops / ours.median / 1e9, "GFLOP/s");
  NDArray c = NDArray::empty(DType::Float32, {n, n});
  bench::Timing direct = bench::time_call([&] {
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, n, n, n, 1.0f, a.data<float>(), n,
                b.data<float>(), n, 0.0f, c.data<float>(), n);
  });
  std::string anchor = "cblas_sgemm" + impl.substr(std::string("theanopp").size());
  bench::report("W3", anchor, direct, flops / direct.median / 1e9, "GFLOP/s");
  std::printf("# W3 %s/%s %.3f\n", impl.c_str(), anchor.c_str(), ours.median / direct.median);
}

NDArray binary_labels(int n) {
  NDArray ys = NDArray::empty(DType::Float32, {n});
  std::mt19937_64 gen(4);
  for (int i = 0; i < n; ++i) ys.data<float>()[i] = static_cast<float>(gen() % 2);
  return ys;
}

// W4's two matrix-vector products alone (x @ w, then x^T @ g), through
// cblas_sgemv on one thread as blas.threads=0 picks for this size: the time
// no implementation on OpenBLAS goes under (each streams x, 1.25 MB, once).
void w4_gemv_floor(const NDArray& xs, double ours) {
  const int n = 400, feats = 784;
  NDArray w = bench::normal({feats}, 5, 0.01), g = bench::normal({n}, 15, 0.01);
  NDArray z = NDArray::empty(DType::Float32, {n}), gw = NDArray::empty(DType::Float32, {feats});
  openblas_set_num_threads(1);
  bench::Timing t = bench::time_call([&] {
    cblas_sgemv(CblasRowMajor, CblasNoTrans, n, feats, 1.f, xs.data<float>(), feats,
                w.data<float>(), 1, 0.f, z.data<float>(), 1);
    cblas_sgemv(CblasRowMajor, CblasTrans, n, feats, 1.f, xs.data<float>(), feats, g.data<float>(),
                1, 0.f, gw.data<float>(), 1);
  });
  bench::report("W4", "sgemv_only", t, 1.0 / t.median, "steps/s");
  std::printf("# W4 theanopp/sgemv_only %.3f\n", ours / t.median);
}

void w4(const std::string& impl, bool print_graph) {
  const int n = 400, feats = 784;
  NDArray xs = bench::input("w4_x", [] { return bench::normal({n, feats}, 3); });
  NDArray ys = bench::input("w4_y", [] { return binary_labels(n); });
  auto w =
      theano::shared(bench::input("w4_w", [] { return bench::normal({feats}, 5, 0.01); }), "w");
  auto b = theano::shared(NDArray::scalar(0.0f), "b");
  T::TensorVar x = T::fmatrix("x"), y = T::fvector("y"), wv(w), bv(b);
  T::TensorVar p = 1.0 / (1.0 + T::exp(-T::dot(x, wv) - bv));
  T::TensorVar xent = -y * T::log(p) - (1.0 - y) * T::log(1.0 - p);
  T::TensorVar cost = T::mean(xent) + 0.01 * T::sum(wv * wv);
  std::vector<theano::Var> g = theano::grad(cost, {wv, bv});
  theano::FunctionOptions options;
  options.updates = {{w, wv - 0.1 * T::TensorVar(g[0])}, {b, bv - 0.1 * T::TensorVar(g[1])}};
  theano::Function step = bench::compile("W4", impl, {x, y}, {cost}, options);
  if (print_graph) std::printf("%s\n", theano::debugprint(step).c_str());
  NDArray costs = NDArray::empty(DType::Float32, {2});
  for (int i = 0; i < 2; ++i) costs.data<float>()[i] = step({xs, ys})[0].array().item<float>();
  bench::check("W4", impl, "w4_cost_steps_1_2", costs, 1e-4);
  bench::Timing t = bench::time_call([&] { step({xs, ys}); });
  bench::report("W4", impl, t, 1.0 / t.median, "steps/s");
  w4_gemv_floor(xs, t.median);
}

}  // namespace

int main(int argc, char** argv) {
  bench::Options o = bench::parse_options(argc, argv);
  theano::initialize();
  std::string threads;
  bool print_graph = false;
  for (std::size_t i = 0; i < o.rest.size(); ++i) {
    if (o.rest[i] == "--threads" && i + 1 < o.rest.size()) threads = o.rest[i + 1];
    if (o.rest[i] == "--print-graph") print_graph = true;
  }
  if (!threads.empty()) theano::Config::global().set("blas.threads", threads);
  std::string impl = threads.empty() ? "theanopp" : "theanopp_threads" + threads;
  if (!print_graph && o.wants("W3")) w3(impl);
  if (o.wants("W4")) w4(impl, print_graph);
  return bench::exit_code();
}
