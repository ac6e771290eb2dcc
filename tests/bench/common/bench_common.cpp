// Timing, reporting, options, inputs and checks shared by the benchmarks.
#include "bench_common.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <random>
#include <sstream>

namespace bench {

namespace {

Options g_options;
bool g_failed = false;

double seconds(const std::function<void()>& call, std::int64_t k) {
  auto t0 = std::chrono::steady_clock::now();
  for (std::int64_t i = 0; i < k; ++i) call();
  auto t1 = std::chrono::steady_clock::now();
  return std::chrono::duration<double>(t1 - t0).count();
}

std::string data_path(const std::string& name) {
  return g_options.data + "/" + name + ".npy";
}

}  // namespace

bool Options::wants(const std::string& workload) const {
  return only.empty() || only.count(workload) > 0;
}

Options parse_options(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--smoke") {
      o.smoke = true;
    } else if (a == "--data" && i + 1 < argc) {
      o.data = argv[++i];
    } else if (a == "--only" && i + 1 < argc) {
      std::stringstream list(argv[++i]);
      for (std::string w; std::getline(list, w, ',');) o.only.insert(w);
    } else {
      o.rest.push_back(a);
    }
  }
  g_options = o;
  return o;
}

const Options& options() {
  return g_options;
}

Timing time_call(const std::function<void()>& call, int repetitions) {
  if (g_options.smoke) {
    double t = seconds(call, 1);
    return Timing{t, t, t, 1};
  }
  for (int i = 0; i < 3; ++i) call();
  std::int64_t k = 1;
  while (seconds(call, k) < 0.2 && k < (1LL << 30)) k *= 2;
  std::vector<double> per_call;
  for (int r = 0; r < repetitions; ++r)
    per_call.push_back(seconds(call, k) / static_cast<double>(k));
  std::sort(per_call.begin(), per_call.end());
  return Timing{per_call[per_call.size() / 2], per_call.front(), per_call.back(), k};
}

void report(const std::string& workload, const std::string& impl, const Timing& t,
            double unit_figure, const std::string& unit) {
  std::printf("%s %s %.6g %.4g %s  # min %.6g max %.6g k %lld\n", workload.c_str(), impl.c_str(),
              t.median, unit_figure, unit.c_str(), t.min, t.max, static_cast<long long>(t.k));
  std::fflush(stdout);
}

theano::Function compile(const std::string& workload, const std::string& impl,
                         std::vector<theano::In> in, std::vector<theano::Out> out,
                         theano::FunctionOptions function_options) {
  auto t0 = std::chrono::steady_clock::now();
  theano::Function f = theano::function(std::move(in), std::move(out), std::move(function_options));
  double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  std::printf("# compile %s %s %.3f ms\n", workload.c_str(), impl.c_str(), ms);
  return f;
}

theano::NDArray input(const std::string& name, const std::function<theano::NDArray()>& fallback) {
  return g_options.data.empty() ? fallback() : theano::load_npy(data_path(name));
}

theano::NDArray normal(theano::Shape shape, std::uint64_t seed, double scale) {
  std::mt19937_64 gen(seed);
  std::normal_distribution<float> dist(0.0f, 1.0f);
  theano::NDArray a = theano::NDArray::empty(theano::DType::Float32, std::move(shape));
  float* p = a.data<float>();
  for (std::int64_t i = 0; i < a.size(); ++i) p[i] = static_cast<float>(scale) * dist(gen);
  return a;
}

void check(const std::string& workload, const std::string& impl, const std::string& expected,
           const theano::NDArray& got, double rtol, double atol) {
  if (g_options.data.empty()) {
    std::printf("# check %s %s %s skipped (no --data)\n", workload.c_str(), impl.c_str(),
                expected.c_str());
    return;
  }
  theano::NDArray want_array = theano::load_npy(data_path(expected));
  std::vector<double> want = want_array.astype(theano::DType::Float64).to_vector<double>();
  std::vector<double> have = got.astype(theano::DType::Float64).to_vector<double>();
  bool ok = want.size() == have.size();
  double worst = 0;
  for (std::size_t i = 0; i < std::min(want.size(), have.size()); ++i) {
    double err = std::abs(have[i] - want[i]);
    ok = ok && err <= atol + rtol * std::abs(want[i]);  // false for NaN
    worst = std::max(worst, err);
  }
  std::printf("# check %s %s %s %s (%zu values, max abs error %.3g, rtol %.1g atol %.1g)\n",
              workload.c_str(), impl.c_str(), expected.c_str(), ok ? "ok" : "FAILED", have.size(),
              worst, rtol, atol);
  if (want.size() != have.size())
    std::printf("# check %s: got %zu values, expected %zu\n", expected.c_str(), have.size(),
                want.size());
  std::fflush(stdout);
  if (!ok) g_failed = true;
}

int exit_code() {
  return g_failed ? 1 : 0;
}

}  // namespace bench
