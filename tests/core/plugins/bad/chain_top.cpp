// Bad test plugin "test.chain_top": requires test.missing_dep, which cannot
// load, so the refusal must show the whole chain.
#include "../test_ops.h"
#include "theano/plugin_api/plugin.h"

namespace {
void register_chain_top(theano::Registrar& r) {
  r.add_op(theano::test::identity_schema("ChainTopOp", "must never be registered"));
}
}  // namespace

THEANO_PLUGIN("test.chain_top", "1.0.0", register_chain_top,
              THEANO_DEPENDS({"test.missing_dep", "*", 0}))
