// W1, W2 and W10 of WORKLOADS.md on Theano++ (compiled functions, default
// mode) next to the hand-fused C loops. Prints one line per workload and
// implementation, plus the compile time of each function.
#include <chrono>
#include <cstdio>
#include <random>

#include "anchor.h"
#include "bench_timing.h"
#include "theano/core/function.h"
#include "theano/core/init.h"
#include "theano/tensor.h"

namespace T = theano::tensor;
using theano::NDArray;
using theano::Value;

namespace {

NDArray normal(std::int64_t n, std::uint64_t seed, theano::Shape shape = {}) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<float> d;
  std::vector<float> v(static_cast<std::size_t>(n));
  for (float& e : v) e = d(rng);
  return shape.empty() ? NDArray::from_vector(v) : NDArray::from_vector(v, shape);
}

theano::Function compile(std::vector<theano::In> in, std::vector<theano::Out> out, double* ms) {
  auto t0 = std::chrono::steady_clock::now();
  theano::FunctionOptions options;
  options.on_unused_input = "ignore";
  theano::Function f = theano::function(std::move(in), std::move(out), options);
  *ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  return f;
}

void w1() {
  const std::int64_t n = 10'000'000;
  NDArray x = normal(n, 1), y = normal(n, 2), z = normal(n, 3);
  auto vx = T::fvector("x"), vy = T::fvector("y"), vz = T::fvector("z");
  double ms = 0;
  theano::Function f = compile({vx, vy, vz}, {T::exp(vx) * vy + T::tanh(vz) - vx * vx}, &ms);
  std::printf("# W1 compile %.3f ms\n", ms);
  std::vector<Value> args{x, y, z};
  double bytes = 4.0 * n * 4;
  auto t = bench::time_call([&] { f(args); });
  bench::report("W1", "theanopp", t, bytes / t.median / 1e9, "GB/s");
  NDArray out = NDArray::empty(theano::DType::Float32, {n});
  for (auto [name, fn] :
       {std::pair{"c_loop", &bench::w1_plain}, {"c_loop_fastmath", &bench::w1_fastmath}}) {
    auto tc = bench::time_call([&, fn = fn] {
      fn(x.data<float>(), y.data<float>(), z.data<float>(), out.data<float>(), n);
    });
    bench::report("W1", name, tc, bytes / tc.median / 1e9, "GB/s");
  }
}

void w2() {
  const std::int64_t rows = 4000, cols = 4000;
  NDArray x = normal(rows * cols, 4, {rows, cols});
  auto vx = T::fmatrix("x");
  double ms = 0;
  theano::Function f = compile({vx}, {T::sum(vx * vx, 1)}, &ms);
  std::printf("# W2 compile %.3f ms\n", ms);
  std::vector<Value> args{x};
  double bytes = 4.0 * rows * cols;
  auto t = bench::time_call([&] { f(args); });
  bench::report("W2", "theanopp", t, bytes / t.median / 1e9, "GB/s");
  NDArray out = NDArray::empty(theano::DType::Float32, {rows});
  for (auto [name, fn] :
       {std::pair{"c_loop", &bench::w2_plain}, {"c_loop_fastmath", &bench::w2_fastmath}}) {
    auto tc =
        bench::time_call([&, fn = fn] { fn(x.data<float>(), out.data<float>(), rows, cols); });
    bench::report("W2", name, tc, bytes / tc.median / 1e9, "GB/s");
  }
}

void w10() {
  auto x = T::dscalar("x");
  double ms = 0;
  theano::Function f = compile({x}, {x + 1}, &ms);
  std::printf("# W10 compile %.3f ms\n", ms);
  std::vector<Value> args{NDArray::scalar<double>(1.0)};
  auto t = bench::time_call([&] { f(args); });
  bench::report("W10", "theanopp", t, t.median * 1e6, "us/call");
  // The same call with no node to run: what the function machinery costs.
  theano::Function g = compile({x}, {x}, &ms);
  auto t0 = bench::time_call([&] { g(args); });
  std::printf("# W10 f(x) = x (no node): %.3f us/call\n", t0.median * 1e6);
}

// Pieces of W1 and W2 one at a time, to see where time goes (not a workload).
void parts() {
  const std::int64_t n = 10'000'000;
  NDArray x = normal(n, 1), y = normal(n, 2);
  auto vx = T::fvector("x"), vy = T::fvector("y");
  double ms = 0;
  std::vector<std::pair<std::string, T::TensorVar>> cases{
      {"copy", T::identity(vx)}, {"add", vx + vy},
      {"sqr", T::sqr(vx)},       {"exp", T::exp(vx)},
      {"tanh", T::tanh(vx)},     {"exp_mul_add", T::exp(vx) * vy + vx},
      {"sum", T::sum(vx)},       {"sum_sqr", T::sum(vx * vx)}};
  for (auto& [name, out] : cases) {
    theano::Function f = compile({vx, vy}, {out}, &ms);
    std::vector<Value> args{x, y};
    auto t = bench::time_call([&] { f(args); });
    bench::report("part", name, t, 4.0 * n / t.median / 1e9, "Gelem/s*4");
  }
  NDArray m = normal(4000 * 4000, 4, {4000, 4000});
  auto vm = T::fmatrix("m");
  for (auto& [name, out] :
       std::vector<std::pair<std::string, T::TensorVar>>{{"rowsum", T::sum(vm, 1)},
                                                         {"rowsum_sqr", T::sum(vm * vm, 1)},
                                                         {"colsum", T::sum(vm, 0)}}) {
    theano::Function f = compile({vm}, {out}, &ms);
    std::vector<Value> args{m};
    auto t = bench::time_call([&] { f(args); });
    bench::report("part", name, t, 64e6 / t.median / 1e9, "GB/s");
  }
}

}  // namespace

int main(int argc, char** argv) {
  theano::initialize();
  std::string only = argc > 1 ? argv[1] : "";
  if (only.empty() || only == "W1") w1();
  if (only.empty() || only == "W2") w2();
  if (only.empty() || only == "W10") w10();
  if (only == "parts") parts();
  return 0;
}
