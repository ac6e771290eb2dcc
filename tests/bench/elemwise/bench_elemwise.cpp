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
  theano::Function f = theano::function(std::move(in), std::move(out));
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
}

}  // namespace

int main(int argc, char** argv) {
  theano::initialize();
  std::string only = argc > 1 ? argv[1] : "";
  if (only.empty() || only == "W1") w1();
  if (only.empty() || only == "W2") w2();
  if (only.empty() || only == "W10") w10();
  return 0;
}
