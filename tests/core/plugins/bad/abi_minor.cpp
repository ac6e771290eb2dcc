// Bad test plugin "test.abi_minor": built for a newer ABI minor than the host's.
#include "../test_ops.h"
#include "theano/plugin_api/plugin.h"

#undef THEANO_PLUGIN_ABI_MINOR
#define THEANO_PLUGIN_ABI_MINOR 9

namespace {
void register_abi_minor(theano::Registrar& r) {
  r.add_op(theano::test::identity_schema("AbiMinorOp", "must never be registered"));
}
}  // namespace

THEANO_PLUGIN("test.abi_minor", "1.0.0", register_abi_minor)
