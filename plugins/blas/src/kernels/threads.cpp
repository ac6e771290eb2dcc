// blas.threads: applied to OpenBLAS lazily, before each BLAS call, only
// when the wanted count differs from the one last set.
#include "threads.h"

#include <cblas.h>

#include <atomic>

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

}  // namespace

void apply_thread_setting(double work) {
  static const int cores = openblas_get_num_procs();
  int n = configured();
  if (n <= 0) n = work >= kParallelWork ? cores : 1;
  if (applied.load(std::memory_order_relaxed) == n) return;
  openblas_set_num_threads(n);
  applied.store(n, std::memory_order_relaxed);
}

}  // namespace theano::blas
