// The blas.threads flag: how many threads OpenBLAS may use. 0 (the default)
// picks per call: every core for products large enough to gain from them,
// one thread below that, so small gemv/gemm calls (a logistic-regression
// step) pay neither OpenBLAS's thread hand-off nor its spinning workers
// competing with TBB's elementwise loops.
#pragma once

namespace theano::blas {

inline constexpr const char* kThreadsFlag = "blas.threads";
/// Multiply-adds (m*n*k) from which the automatic setting uses every core.
inline constexpr double kParallelWork = double(1 << 21);

/// Applies the flag to OpenBLAS for a call of `work` multiply-adds, calling
/// openblas_set_num_threads only when the count changes.
void apply_thread_setting(double work);

}  // namespace theano::blas
