// The optimizer phases plugins may register rewrites into, in running order
// (Theano's optdb positions, given names instead of float positions).
#include "theano/core/phases.h"

namespace theano {

std::vector<std::string> standard_phases() {
  return {"merge1", "canonicalize", "stabilize",           "specialize", "gpu",
          "fusion", "jit",          "add_destroy_handler", "inplace",    "merge3"};
}

}  // namespace theano
