// The named optimizer phases, in the order they run. Plugins register
// rewrites into a phase by name; a rewrite naming any other phase is
// rejected when the registry is validated.
#pragma once

#include <string>
#include <vector>

namespace theano {

/// "merge1", "canonicalize", "stabilize", "specialize", "gpu", "fusion",
/// "jit", "add_destroy_handler", "inplace", "merge3" — in running order.
std::vector<std::string> standard_phases();

}  // namespace theano
