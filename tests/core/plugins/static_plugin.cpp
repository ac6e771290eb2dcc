// A plugin linked statically into the test binary, through the same
// descriptor macro as the shared-library plugins.
#include "static_plugin.h"

#include "test_ops.h"
#include "theano/plugin_api/plugin.h"

namespace theano::test {
namespace {
void register_static(Registrar& r) {
  r.add_op(identity_schema("StaticOp", "an op from a statically linked plugin"));
}
}  // namespace

THEANO_STATIC_PLUGIN(static_test_plugin, "test.static", "2.0.0", register_static)

}  // namespace theano::test
