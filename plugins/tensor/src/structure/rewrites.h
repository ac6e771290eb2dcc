// Rewrites of the structural ops: removing reshapes, allocs, joins and
// splits that do nothing, and merging chains of reshapes.
#pragma once

#include "theano/plugin_api/registrar.h"

namespace theano::tensor_ops {

/// Registers local_useless_reshape, local_reshape_chain, local_useless_alloc,
/// local_join_1 and local_useless_split into canonicalize.
void register_structure_rewrites(Registrar& r);

}  // namespace theano::tensor_ops
