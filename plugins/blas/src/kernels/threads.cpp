// blas.threads: applied to OpenBLAS lazily, before each BLAS call, only
// when the wanted count differs from the one last set. The load average the
// automatic setting looks at is read at most once a second.
#include "threads.h"

#include <cblas.h>

#include <atomic>
#include <chrono>
#include <cstdlib>

#include "theano/core/config.h"

namespace theano::blas {

namespace {

std::atomic<int> applied{-1};

int configured() {
  try {
    return static_cast<int>(Config::global().get_int(kThreadsFlag));
  } catch (const Error&) {
    return 0;
  }
}

// The 1-minute load average, refreshed at most once a second (racing
// refreshes are harmless: each stores a fresh reading).
double recent_load() {
  static std::atomic<double> load{0.0};
  static std::atomic<std::int64_t> next_read_ns{0};
  const std::int64_t now = std::chrono::duration_cast<std::chrono::nanoseconds>(
                               std::chrono::steady_clock::now().time_since_epoch())
                               .count();
  if (now >= next_read_ns.load(std::memory_order_relaxed)) {
    next_read_ns.store(now + 1'000'000'000, std::memory_order_relaxed);
    double avg[1];
    if (getloadavg(avg, 1) == 1) load.store(avg[0], std::memory_order_relaxed);
  }
  return load.load(std::memory_order_relaxed);
}

}  // namespace

int auto_thread_count(double work, int cores, double load) {
  if (cores <= 1 || work < kParallelWork) return 1;
  if (work >= kAlwaysParallelWork) return cores;
  // This process's own threads count in the load: up to `cores` of it is us.
  return load < cores + 0.5 ? cores : 1;
}

void apply_thread_setting(double work) {
  static const int cores = openblas_get_num_procs();
  int n = configured();
  if (n <= 0) n = auto_thread_count(work, cores, work < kParallelWork ? 0.0 : recent_load());
  if (applied.load(std::memory_order_relaxed) == n) return;
  openblas_set_num_threads(n);
  applied.store(n, std::memory_order_relaxed);
}

}  // namespace theano::blas
