// blas.threads: applied to OpenBLAS lazily, before the next BLAS call after
// the flag changed. 0 means every core OpenBLAS sees.
#include "threads.h"

#include <cblas.h>

#include <atomic>

#include "theano/core/config.h"

namespace theano::blas {

namespace {

std::atomic<int> applied{-1};

int wanted_threads() {
  try {
    long long n = Config::global().get_int(kThreadsFlag);
    return n <= 0 ? openblas_get_num_procs() : static_cast<int>(n);
  } catch (const Error&) {
    return openblas_get_num_procs();
  }
}

}  // namespace

void apply_thread_setting() {
  int n = wanted_threads();
  if (applied.load(std::memory_order_relaxed) == n) return;
  openblas_set_num_threads(n);
  applied.store(n, std::memory_order_relaxed);
}

}  // namespace theano::blas
