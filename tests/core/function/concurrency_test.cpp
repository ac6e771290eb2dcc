// Stress of one compiled Function called from many threads at once, with the
// real plugins' kernels (BLAS, TBB-parallel elementwise and softmax, lazy
// ifelse, in-place ops) rather than the test ops: every concurrent result must
// equal the single-threaded one, and updates must all land exactly once.
// Run under THEANO_TSAN / THEANO_SANITIZE builds to find races.
#include <gtest/gtest.h>

#include <atomic>
#include <random>
#include <thread>

#include "testops/testops.h"
#include "theano/core/function.h"
#include "theano/tensor.h"

namespace theano {
namespace {

namespace T = theano::tensor;

constexpr int kThreads = 8;

NDArray normal(Shape shape, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> d;
  std::vector<double> v(static_cast<std::size_t>(shape_size(shape)));
  for (double& e : v) e = d(rng);
  return NDArray::from_vector(v, shape).astype(DType::Float32);
}

// Runs body(thread, call) on kThreads threads, kCalls times each.
template <class F>
void hammer(int calls, F body) {
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < calls; ++i) body(t, i);
    });
  for (auto& th : threads) th.join();
}

// Large enough that the elementwise and softmax kernels split work over TBB.
TEST(FunctionConcurrency, MlpForwardGivesTheSameResultOnEveryThread) {
  testops::init();
  auto x = T::fmatrix("x");
  auto w1 = shared(normal({64, 256}, 1), "w1");
  auto w2 = shared(normal({256, 10}, 2), "w2");
  auto h = T::tanh(T::dot(x, w1));
  auto p = T::nnet::softmax(T::dot(h, w2));
  Function f = function({x}, {p, T::sum(h * h)});

  std::vector<NDArray> inputs, expected_p, expected_s;
  for (int t = 0; t < kThreads; ++t) {
    inputs.push_back(normal({512, 64}, 10 + t));
    auto out = f({Value(inputs.back())});
    expected_p.push_back(out[0].array().copy());
    expected_s.push_back(out[1].array().copy());
  }
  std::atomic<int> mismatches{0};
  hammer(20, [&](int t, int) {
    auto out = f({Value(inputs[t])});
    if (!allclose(out[0].array(), expected_p[t], 1e-6, 1e-6)) ++mismatches;
    if (!allclose(out[1].array(), expected_s[t], 1e-5, 1e-4)) ++mismatches;
  });
  EXPECT_EQ(mismatches.load(), 0);
}

// Every call adds an integer-valued sum to an accumulator through an update:
// the order of calls varies between threads, the total may not.
TEST(FunctionConcurrency, UpdatesFromManyThreadsAllLand) {
  testops::init();
  auto v = T::dvector("v");
  auto total = shared(NDArray::from_values<double>({0.0}).reshape({}), "total");
  auto calls = shared(NDArray::from_values<double>({0.0}).reshape({}), "calls");
  FunctionOptions options;
  options.updates = {{total, total + T::sum(v * 2.0)}, {calls, calls + 1.0}};
  Function step = function({v}, {total}, options);
  constexpr int kCalls = 100;
  hammer(kCalls, [&](int t, int i) {
    double a = t, b = i;
    step({Value(NDArray::from_values<double>({a, b, 1.0}))});
  });
  // sum over threads and calls of 2 * (t + i + 1)
  double expected = 0;
  for (int t = 0; t < kThreads; ++t)
    for (int i = 0; i < kCalls; ++i) expected += 2.0 * (t + i + 1);
  EXPECT_EQ(total->get_value().array().item<double>(), expected);
  EXPECT_EQ(calls->get_value().array().item<double>(), kThreads * kCalls);
}

// Lazy evaluation and in-place ops (inserted by FAST_RUN) under concurrency:
// each thread's branch choice and value must be its own.
TEST(FunctionConcurrency, LazyIfElseAndInplaceOpsKeepCallsApart) {
  testops::init();
  auto c = T::bscalar("c");
  auto x = T::fvector("x");
  auto y = T::ifelse(c, T::exp(x) * 2.0f + 1.0f, T::log1p(x * x) - x);
  Function f = function({c, x}, {y});
  std::vector<NDArray> inputs, expected_then, expected_else;
  auto flag = [](bool b) { return Value(NDArray::from_values<std::int8_t>({b}).reshape({})); };
  for (int t = 0; t < kThreads; ++t) {
    inputs.push_back(normal({40000}, 100 + t));
    expected_then.push_back(f({flag(true), Value(inputs[t])})[0].array().copy());
    expected_else.push_back(f({flag(false), Value(inputs[t])})[0].array().copy());
  }
  std::atomic<int> mismatches{0};
  hammer(30, [&](int t, int i) {
    bool branch = (t + i) % 2 == 0;
    NDArray got = f({flag(branch), Value(inputs[t])})[0].array();
    const NDArray& want = branch ? expected_then[t] : expected_else[t];
    if (!allclose(got, want, 0.0, 0.0)) ++mismatches;
  });
  EXPECT_EQ(mismatches.load(), 0);
}

}  // namespace
}  // namespace theano
