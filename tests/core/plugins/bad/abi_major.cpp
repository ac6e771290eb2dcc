// Bad test plugin "test.abi_major": claims ABI major 2 (the host speaks 1).
#include "../test_ops.h"
#include "theano/plugin_api/plugin.h"

#undef THEANO_PLUGIN_ABI_MAJOR
#define THEANO_PLUGIN_ABI_MAJOR 2

namespace {
void register_abi_major(theano::Registrar& r) {
  r.add_op(theano::test::identity_schema("AbiMajorOp", "must never be registered"));
}
}  // namespace

THEANO_PLUGIN("test.abi_major", "1.0.0", register_abi_major)
