// Bad test plugin "test.unknown_phase": a rewrite in a phase that does not exist.
#include "../test_ops.h"
#include "theano/plugin_api/plugin.h"

namespace {
void register_unknown_phase(theano::Registrar& r) {
  r.add_op(theano::test::identity_schema("UnknownPhaseOwnOp", "removed with its plugin"));
  r.add_rewrite({"misplaced_rewrite", {"fast_run"}, "canonicalise", nullptr});
}
}  // namespace

THEANO_PLUGIN("test.unknown_phase", "1.0.0", register_unknown_phase)
