// The blas.threads flag: how many threads OpenBLAS may use.
#pragma once

namespace theano::blas {

inline constexpr const char* kThreadsFlag = "blas.threads";

/// Applies the flag to OpenBLAS when it changed since the last call (cheap:
/// called before every BLAS call that may thread).
void apply_thread_setting();

}  // namespace theano::blas
