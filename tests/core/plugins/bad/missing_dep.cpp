// Bad test plugin "test.missing_dep": requires a plugin nobody provides.
#include "../test_ops.h"
#include "theano/plugin_api/plugin.h"

namespace {
void register_missing_dep(theano::Registrar& r) {
  r.add_op(theano::test::identity_schema("MissingDepOp", "must never be registered"));
}
}  // namespace

THEANO_PLUGIN("test.missing_dep", "1.0.0", register_missing_dep,
              THEANO_DEPENDS({"test.does_not_exist", ">=1", 0}))
