// Bad test plugin "test.cycle_b": depends on test.cycle_a, which depends back.
#include "../test_ops.h"
#include "theano/plugin_api/plugin.h"

namespace {
void register_cycle_b(theano::Registrar& r) {
  r.add_op(theano::test::identity_schema("CycleBOp", "must never be registered"));
}
}  // namespace

THEANO_PLUGIN("test.cycle_b", "1.0.0", register_cycle_b, THEANO_DEPENDS({"test.cycle_a", "*", 0}))
