// M1 of WORKLOADS.md: the STREAM-like triad a[i] = b[i] + s*c[i] in float32
// for n = 10^7 .. 10^8 with 2 and 1 OpenMP threads, arrays first touched by
// the same static schedule; median of 11 repetitions after 2 warm-ups.
// GB/s = 3*n*4 B / t (STREAM convention). --smoke: n = 10^6, one repetition.
#include <omp.h>

#include <cstdint>
#include <memory>

#include "ceilings.h"

namespace {

void triad_at(std::int64_t n, int threads, bool smoke) {
  std::unique_ptr<float[]> a(new float[n]), b(new float[n]), c(new float[n]);
  float *pa = a.get(), *pb = b.get(), *pc = c.get();
#pragma omp parallel for schedule(static) num_threads(threads)
  for (std::int64_t i = 0; i < n; ++i) {
    pa[i] = 0.0f;
    pb[i] = 1.0f;
    pc[i] = 2.0f;
  }
  const float s = 3.0f;
  auto triad = [&] {
#pragma omp parallel for schedule(static) num_threads(threads)
    for (std::int64_t i = 0; i < n; ++i) pa[i] = pb[i] + s * pc[i];
  };
  auto t = ceilings::median_min_max(triad, smoke ? 0 : 2, smoke ? 1 : 11);
  ceilings::report("M1", "triad_" + std::to_string(threads) + "threads_n" + std::to_string(n), t,
                   3.0 * static_cast<double>(n) * 4 / t[0] / 1e9, "GB/s");
}

}  // namespace

int main(int argc, char** argv) {
  bool smoke = ceilings::smoke(argc, argv);
  std::vector<std::int64_t> sizes{10'000'000, 20'000'000, 50'000'000, 100'000'000};
  if (smoke) sizes = {1'000'000};
  for (int threads : {2, 1})
    for (std::int64_t n : sizes) triad_at(n, threads, smoke);
  return 0;
}
