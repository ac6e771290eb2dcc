// Bad test plugin "test.fingerprint": built (it claims) by another compiler.
#include "../test_ops.h"
#include "theano/plugin_api/plugin.h"

#undef THEANO_BUILD_FINGERPRINT
#define THEANO_BUILD_FINGERPRINT                 \
  "compiler=othercc-99;stdlib=" THEANO_FP_STDLIB \
  ";cxx=" THEANO_STR(__cplusplus) ";core=" THEANO_CORE_ABI_VERSION

namespace {
void register_fingerprint(theano::Registrar& r) {
  r.add_op(theano::test::identity_schema("FingerprintOp", "must never be registered"));
}
}  // namespace

THEANO_PLUGIN("test.fingerprint", "1.0.0", register_fingerprint)
