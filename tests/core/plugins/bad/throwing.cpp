// Bad test plugin "test.throwing": registers a few entries, then throws.
#include <stdexcept>

#include "../test_ops.h"
#include "theano/plugin_api/plugin.h"

namespace {
void register_throwing(theano::Registrar& r) {
  r.add_op(theano::test::identity_schema("ThrowingOp", "must not survive the throw"));
  r.add_kernel(theano::test::declining_kernel("ThrowingOp", "throwing_kernel", 3));
  r.add_config_option({"throwing.flag", "x", "must not survive the throw"});
  r.add_service("throwing.service", std::make_shared<int>(1));
  throw std::runtime_error("deliberate failure half-way through registration");
}
}  // namespace

THEANO_PLUGIN("test.throwing", "1.0.0", register_throwing)
