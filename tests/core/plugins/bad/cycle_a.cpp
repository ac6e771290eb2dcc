// Bad test plugin "test.cycle_a": depends on test.cycle_b, which depends back.
#include "../test_ops.h"
#include "theano/plugin_api/plugin.h"

namespace {
void register_cycle_a(theano::Registrar& r) {
  r.add_op(theano::test::identity_schema("CycleAOp", "must never be registered"));
}
}  // namespace

THEANO_PLUGIN("test.cycle_a", "1.0.0", register_cycle_a, THEANO_DEPENDS({"test.cycle_b", "*", 0}))
