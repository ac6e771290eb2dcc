// Bad test plugin "test.version_dep": wants test.good_base 2.x, which is 1.2.0.
#include "../test_ops.h"
#include "theano/plugin_api/plugin.h"

namespace {
void register_version_dep(theano::Registrar& r) {
  r.add_op(theano::test::identity_schema("VersionDepOp", "must never be registered"));
}
}  // namespace

THEANO_PLUGIN("test.version_dep", "1.0.0", register_version_dep,
              THEANO_DEPENDS({"test.good_base", ">=2.0, <3", 0}))
