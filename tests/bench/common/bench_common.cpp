// Timing and reporting for the elemwise benchmarks.
#include "bench_timing.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

namespace bench {

namespace {

double seconds(const std::function<void()>& call, std::int64_t k) {
  auto t0 = std::chrono::steady_clock::now();
  for (std::int64_t i = 0; i < k; ++i) call();
  auto t1 = std::chrono::steady_clock::now();
  return std::chrono::duration<double>(t1 - t0).count();
}

}  // namespace

Timing time_call(const std::function<void()>& call, int repetitions) {
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

}  // namespace bench
