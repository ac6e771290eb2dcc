// W1, W2 and W10 of WORKLOADS.md on Theano++ (compiled functions, default
// mode) next to the hand-fused C loops (M3). Prints one line per workload
// and implementation, the compile time of each function and, with --data,
// checks of the first call's result against NumPy's. `parts` as an extra
// argument times pieces of W1 and W2 one at a time (not a workload).
#include "anchor.h"
#include "bench_common.h"
#include "theano/core/init.h"
#include "theano/tensor.h"

namespace T = theano::tensor;
using theano::NDArray;
using theano::Value;

namespace {

void w1() {
  const std::int64_t n = 10'000'000;
  NDArray x = bench::input("w1_x", [&] { return bench::normal({n}, 1); });
  NDArray y = bench::input("w1_y", [&] { return bench::normal({n}, 2); });
  NDArray z = bench::input("w1_z", [&] { return bench::normal({n}, 3); });
  auto vx = T::fvector("x"), vy = T::fvector("y"), vz = T::fvector("z");
  theano::Function f =
      bench::compile("W1", "theanopp", {vx, vy, vz}, {T::exp(vx) * vy + T::tanh(vz) - vx * vx});
  std::vector<Value> args{x, y, z};
  NDArray first = f(args)[0].array();
  bench::check("W1", "theanopp", "w1_out_every_1000th", first.slice(0, 0, n, 1000), 1e-5, 1e-4);
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
  NDArray x = bench::input("w2_x", [&] { return bench::normal({rows, cols}, 4); });
  auto vx = T::fmatrix("x");
  theano::Function f = bench::compile("W2", "theanopp", {vx}, {T::sum(vx * vx, 1)});
  std::vector<Value> args{x};
  bench::check("W2", "theanopp", "w2_out", f(args)[0].array(), 1e-4);
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
  theano::Function f = bench::compile("W10", "theanopp", {x}, {x + 1});
  std::vector<Value> args{NDArray::scalar<double>(1.0)};
  bench::check("W10", "theanopp", "w10_out", f(args)[0].array(), 0);
  auto t = bench::time_call([&] { f(args); });
  bench::report("W10", "theanopp", t, t.median * 1e6, "us/call");
  // The same call with no node to run: what the function machinery costs.
  theano::Function g = bench::compile("W10", "identity", {x}, {x});
  auto t0 = bench::time_call([&] { g(args); });
  std::printf("# W10 f(x) = x (no node): %.3f us/call\n", t0.median * 1e6);
}

// Pieces of W1 and W2 one at a time, to see where time goes (not a workload).
void parts() {
  const std::int64_t n = 10'000'000;
  NDArray x = bench::normal({n}, 1), y = bench::normal({n}, 2);
  auto vx = T::fvector("x"), vy = T::fvector("y");
  std::vector<std::pair<std::string, T::TensorVar>> cases{
      {"copy", T::identity(vx)}, {"add", vx + vy},
      {"sqr", T::sqr(vx)},       {"exp", T::exp(vx)},
      {"tanh", T::tanh(vx)},     {"exp_mul_add", T::exp(vx) * vy + vx},
      {"sum", T::sum(vx)},       {"sum_sqr", T::sum(vx * vx)}};
  theano::FunctionOptions ignore_unused;
  ignore_unused.on_unused_input = "ignore";
  for (auto& [name, out] : cases) {
    theano::Function f = bench::compile("part", name, {vx, vy}, {out}, ignore_unused);
    std::vector<Value> args{x, y};
    auto t = bench::time_call([&] { f(args); });
    bench::report("part", name, t, 4.0 * n / t.median / 1e9, "Gelem/s*4");
  }
  NDArray m = bench::normal({4000, 4000}, 4);
  auto vm = T::fmatrix("m");
  for (auto& [name, out] :
       std::vector<std::pair<std::string, T::TensorVar>>{{"rowsum", T::sum(vm, 1)},
                                                         {"rowsum_sqr", T::sum(vm * vm, 1)},
                                                         {"colsum", T::sum(vm, 0)}}) {
    theano::Function f = bench::compile("part", name, {vm}, {out});
    std::vector<Value> args{m};
    auto t = bench::time_call([&] { f(args); });
    bench::report("part", name, t, 64e6 / t.median / 1e9, "GB/s");
  }
}

}  // namespace

int main(int argc, char** argv) {
  bench::Options o = bench::parse_options(argc, argv);
  theano::initialize();
  if (o.wants("W1")) w1();
  if (o.wants("W2")) w2();
  if (o.wants("W10")) w10();
  if (!o.rest.empty() && o.rest[0] == "parts") parts();
  return bench::exit_code();
}
