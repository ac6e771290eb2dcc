// Bad test plugin "test.unknown_op_kernel": a kernel for an op nobody registers.
#include "../test_ops.h"
#include "theano/plugin_api/plugin.h"

namespace {
void register_unknown_op_kernel(theano::Registrar& r) {
  r.add_op(theano::test::identity_schema("UnknownKernelOwnOp", "removed with its plugin"));
  r.add_kernel(theano::test::declining_kernel("Gemm", "gemm_without_blas", 1));
}
}  // namespace

THEANO_PLUGIN("test.unknown_op_kernel", "1.0.0", register_unknown_op_kernel)
