// Good test plugin "test.optional_dep": an optional dependency on a plugin
// nobody provides does not stop it from loading.
#include "../test_ops.h"
#include "theano/plugin_api/plugin.h"

namespace {
void register_optional_dep(theano::Registrar& r) {
  r.add_op(theano::test::identity_schema("OptionalDepOp", "loads without its optional dependency"));
}
}  // namespace

THEANO_PLUGIN("test.optional_dep", "1.0.0", register_optional_dep,
              THEANO_DEPENDS({"test.does_not_exist", "*", 1}))
