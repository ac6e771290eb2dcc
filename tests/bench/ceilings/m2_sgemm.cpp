// M2 of WORKLOADS.md: OpenBLAS cblas_sgemm, row-major, no transpose,
// 2048^3, alpha 1, beta 0, with 2 and 1 threads; median of 7 repetitions.
// GFLOP/s = 2*2048^3 / t. --smoke: 256^3, one repetition.
#include <cblas.h>

#include <random>
#include <vector>

#include "ceilings.h"

int main(int argc, char** argv) {
  bool smoke = ceilings::smoke(argc, argv);
  const int n = smoke ? 256 : 2048;
  std::vector<float> a(static_cast<std::size_t>(n) * n), b(a.size()), c(a.size());
  std::mt19937_64 gen(0);
  std::normal_distribution<float> dist;
  for (float& v : a) v = dist(gen);
  for (float& v : b) v = dist(gen);
  for (int threads : {2, 1}) {
    openblas_set_num_threads(threads);
    auto sgemm = [&] {
      cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, n, n, n, 1.0f, a.data(), n, b.data(),
                  n, 0.0f, c.data(), n);
    };
    auto t = ceilings::median_min_max(sgemm, smoke ? 0 : 2, smoke ? 1 : 7);
    ceilings::report("M2", "cblas_sgemm_" + std::to_string(threads) + "threads", t,
                     2.0 * n * n * static_cast<double>(n) / t[0] / 1e9, "GFLOP/s");
  }
  return 0;
}
