// The theano.ops.blas plugin: dot products on OpenBLAS. This register
// function is the table of contents.
#include "theano/plugin_api/plugin.h"

#include "registration.h"

namespace theano::blas {

void register_blas(Registrar& r) {
  register_ops(r);       // Dot, Dot22, Dot22Scalar, Gemm, Gemv, Ger, BatchedDot, TensorDot
  register_rewrites(r);  // specialize: dot -> Dot22, gemm insertion, Dot22Scalar
  register_config(r);    // blas.threads
}

}  // namespace theano::blas

THEANO_PLUGIN("theano.ops.blas", "0.1.0", theano::blas::register_blas,
              THEANO_DEPENDS({"theano.ops.elemwise", ">=0.1, <1", 0}))
