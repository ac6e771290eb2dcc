// Bad test plugin "test.validation_dependent": registers fine, but depends on
// test.unknown_op_kernel, which validation refuses, so it must go too.
#include "../test_ops.h"
#include "theano/plugin_api/plugin.h"

namespace {
void register_validation_dependent(theano::Registrar& r) {
  r.add_op(theano::test::identity_schema("ValidationDependentOp", "removed with its dependency"));
}
}  // namespace

THEANO_PLUGIN("test.validation_dependent", "1.0.0", register_validation_dependent,
              THEANO_DEPENDS({"test.unknown_op_kernel", "*", 0}))
