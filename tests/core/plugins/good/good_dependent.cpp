// Good test plugin "test.good_dependent" 0.3.0, depending on test.good_base:
// its register function fails unless the base registered first, so loading
// at all proves the dependency order.
#include <cstdlib>
#include <fstream>

#include "../test_ops.h"
#include "theano/core/registry.h"
#include "theano/plugin_api/plugin.h"

namespace {

using namespace theano;

void register_good_dependent(Registrar& r) {
  if (!r.registry().find_op("GoodIdentity")) {
    throw PluginError("test.good_base must register before test.good_dependent");
  }
  r.add_op(test::identity_schema("GoodDependentOp", "an op that needs test.good_base"));
  r.add_kernel(test::declining_kernel("GoodIdentity", "good_identity_from_dependent", 5));
  r.add_rewrite({"good_dependent_rewrite", {"fast_run"}, "canonicalize", nullptr});
}

void shutdown_good_dependent() {
  if (const char* log = std::getenv("THEANO_TEST_SHUTDOWN_LOG")) {
    std::ofstream(log, std::ios::app) << "test.good_dependent\n";
  }
}

}  // namespace

THEANO_PLUGIN_WITH_SHUTDOWN("test.good_dependent", "0.3.0", register_good_dependent,
                            shutdown_good_dependent,
                            THEANO_DEPENDS({"test.good_base", ">=1.0, <2", 0}))
