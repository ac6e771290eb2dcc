// Median-of-repetitions timing and the uniform output line for the machine
// ceilings M1 and M2 of WORKLOADS.md (plain C++, no Theano++ library).
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

namespace ceilings {

/// Per-call seconds of `repetitions` calls after `warmups` calls: {median, min, max}.
template <class F>
std::vector<double> median_min_max(F&& call, int warmups, int repetitions) {
  for (int i = 0; i < warmups; ++i) call();
  std::vector<double> t;
  for (int r = 0; r < repetitions; ++r) {
    auto t0 = std::chrono::steady_clock::now();
    call();
    t.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  std::sort(t.begin(), t.end());
  return {t[t.size() / 2], t.front(), t.back()};
}

/// "Mn <impl> <median seconds> <figure> <unit>  # min .. max .. k 1"
inline void report(const std::string& id, const std::string& impl, const std::vector<double>& t,
                   double figure, const std::string& unit) {
  std::printf("%s %s %.6g %.4g %s  # min %.6g max %.6g k 1\n", id.c_str(), impl.c_str(), t[0],
              figure, unit.c_str(), t[1], t[2]);
  std::fflush(stdout);
}

inline bool smoke(int argc, char** argv) {
  return argc > 1 && std::string(argv[1]) == "--smoke";
}

}  // namespace ceilings
