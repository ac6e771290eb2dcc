// The theano.ops.tensor plugin: the array language beyond elementwise math.
// This register function is the table of contents.
#include "theano/plugin_api/plugin.h"
#include "registration.h"

namespace theano::tensor_ops {

void register_tensor(Registrar& r) {
  register_structure(r);  // Reshape, Flatten, Alloc, Join, Split, ARange, Eye, ...
  register_indexing(r);   // Subtensor, IncSubtensor, AdvancedSubtensor1, ...
  register_extra(r);      // Sort, ArgSort, CumOp, IfElse, ...
}

}  // namespace theano::tensor_ops

THEANO_PLUGIN("theano.ops.tensor", "0.1.0", theano::tensor_ops::register_tensor,
              THEANO_NO_DEPENDENCIES)
