// Good test plugin "test.good_base" 1.2.0: two ops, two kernels of
// different priorities, a flag, a service, and a shutdown function that
// appends its name to $THEANO_TEST_SHUTDOWN_LOG.
#include <cstdlib>
#include <fstream>

#include "../test_ops.h"
#include "theano/plugin_api/plugin.h"

namespace {

using namespace theano;

void register_good_base(Registrar& r) {
  r.add_op(test::identity_schema("GoodIdentity", "returns its input unchanged"));
  r.add_op(test::identity_schema("GoodCopy", "a second identity, to count ops"));
  r.add_kernel(test::declining_kernel("GoodIdentity", "good_identity_slow", 1));
  r.add_kernel(test::declining_kernel("GoodIdentity", "good_identity_fast", 10));
  r.add_config_option({"good_base.level", "3", "how good the base is", {"1", "2", "3"}});
  r.add_service("good_base.answer", std::make_shared<int>(42));
}

void shutdown_good_base() {
  if (const char* log = std::getenv("THEANO_TEST_SHUTDOWN_LOG")) {
    std::ofstream(log, std::ios::app) << "test.good_base\n";
  }
}

}  // namespace

THEANO_PLUGIN_WITH_SHUTDOWN("test.good_base", "1.2.0", register_good_base, shutdown_good_base)
