// Bad test plugin "test.duplicate_op": registers GoodIdentity, which
// test.good_base owns.
#include "../test_ops.h"
#include "theano/plugin_api/plugin.h"

namespace {
void register_duplicate_op(theano::Registrar& r) {
  r.add_op(theano::test::identity_schema("DuplicateOwnOp", "would be fine alone"));
  r.add_op(theano::test::identity_schema("GoodIdentity", "collides with test.good_base"));
}
}  // namespace

THEANO_PLUGIN("test.duplicate_op", "1.0.0", register_duplicate_op,
              THEANO_DEPENDS({"test.good_base", "*", 0}))
