// The hand-fused C loops of WORKLOADS.md M3: W1 and W2 as one OpenMP loop
// each, compiled without (plain) and with -ffast-math (fastmath).
#pragma once

#include <cstdint>

namespace bench {

void w1_plain(const float* x, const float* y, const float* z, float* out, std::int64_t n);
void w2_plain(const float* x, float* out, std::int64_t rows, std::int64_t cols);
void w1_fastmath(const float* x, const float* y, const float* z, float* out, std::int64_t n);
void w2_fastmath(const float* x, float* out, std::int64_t rows, std::int64_t cols);

}  // namespace bench
