// The blas.threads flag: how many threads OpenBLAS may use. 0 (the default)
// picks per call: one thread for small products (a logistic-regression
// step's gemv), every core for very large ones (a 2048^3 GEMM), and for the
// sizes in between (an MLP step's GEMMs) every core only while the machine
// has a core free per thread. A descheduled OpenBLAS worker stalls the whole
// call, and its spinning workers compete with TBB's elementwise loops: on a
// loaded machine those mid-size products run fastest on one thread
// (docs/performance.md has the measurements).
#pragma once

namespace theano::blas {

inline constexpr const char* kThreadsFlag = "blas.threads";
/// Multiply-adds (m*n*k) from which the automatic setting may use every core.
inline constexpr double kParallelWork = double(1 << 21);
/// Multiply-adds from which it uses every core whatever the load.
inline constexpr double kAlwaysParallelWork = double(1 << 28);

/// The automatic choice for a call of `work` multiply-adds on `cores` cores
/// while the 1-minute load average is `load`.
int auto_thread_count(double work, int cores, double load);

/// Applies the flag to OpenBLAS for a call of `work` multiply-adds, calling
/// openblas_set_num_threads only when the count changes.
void apply_thread_setting(double work);

}  // namespace theano::blas
