// The automatic blas.threads choice (auto_thread_count, compiled into this
// suite from the plugin's source) and the thread count OpenBLAS ends up with
// after a product, for the fixed settings and for a small product under the
// automatic one.
#include <cblas.h>
#include <gtest/gtest.h>

#include "helpers.h"
#include "kernels/threads.h"
#include "theano/core/config.h"

namespace theano::testing {
namespace {

using blas::auto_thread_count;
using blas::kAlwaysParallelWork;
using blas::kParallelWork;

TEST(BlasThreadsAuto, SmallProductsUseOneThreadWhateverTheLoad) {
  EXPECT_EQ(auto_thread_count(400.0 * 784, 2, 0.0), 1);  // a W4 gemv
  EXPECT_EQ(auto_thread_count(kParallelWork - 1, 2, 0.0), 1);
  EXPECT_EQ(auto_thread_count(kParallelWork - 1, 16, 0.0), 1);
}

TEST(BlasThreadsAuto, HugeProductsUseEveryCoreWhateverTheLoad) {
  EXPECT_EQ(auto_thread_count(2048.0 * 2048 * 2048, 2, 9.0), 2);  // W3 on a loaded machine
  EXPECT_EQ(auto_thread_count(kAlwaysParallelWork, 4, 0.0), 4);
}

TEST(BlasThreadsAuto, MidSizeProductsUseEveryCoreOnlyWhileCoresAreFree) {
  const double mlp_gemm = 128.0 * 784 * 500;  // a W5 GEMM
  EXPECT_EQ(auto_thread_count(mlp_gemm, 2, 0.3), 2);
  EXPECT_EQ(auto_thread_count(mlp_gemm, 2, 2.4), 2);  // our own two threads
  EXPECT_EQ(auto_thread_count(mlp_gemm, 2, 2.5), 1);
  EXPECT_EQ(auto_thread_count(mlp_gemm, 2, 8.0), 1);
  EXPECT_EQ(auto_thread_count(mlp_gemm, 1, 0.0), 1);  // one core: never more
}

// OpenBLAS (the same library the plugin calls) holds the count set for the
// last product.
TEST(BlasThreadsAuto, OpenBlasGetsTheConfiguredCount) {
  init();
  auto x = T::fmatrix("x"), y = T::fmatrix("y");
  Function f = compile({x, y}, {T::dot(x, y)});
  NDArray a = NDArray::zeros(DType::Float32, {8, 8});
  const int cores = openblas_get_num_procs();
  {
    ScopedFlags flags(std::map<std::string, std::string>{{"blas.threads", "1"}});
    f({a, a});
    EXPECT_EQ(openblas_get_num_threads(), 1);
  }
  if (cores >= 2) {
    ScopedFlags flags(std::map<std::string, std::string>{{"blas.threads", "2"}});
    f({a, a});
    EXPECT_EQ(openblas_get_num_threads(), 2);
  }
  ScopedFlags flags(std::map<std::string, std::string>{{"blas.threads", "0"}});
  f({a, a});  // 512 multiply-adds: one thread
  EXPECT_EQ(openblas_get_num_threads(), 1);
}

}  // namespace
}  // namespace theano::testing
