// The theano.ops.elemwise plugin: scalar ops, Elemwise, DimShuffle,
// reductions, Composite and the rewrites that concern them. This register
// function is the table of contents.
#include "theano/plugin_api/plugin.h"

#include "registration.h"

namespace theano::elemwise {

void register_elemwise(Registrar& r) {
  register_scalar_ops(r);  // scalar.add, scalar.exp, ... scalar.Composite
  register_tensor_ops(r);  // Elemwise, DimShuffle
  register_reductions(r);  // CAReduce, Argmax, Argmin
  register_rewrites(r);    // canonicalize, stabilize, specialize, fusion, inplace
  register_config(r);      // elemwise.parallel_min_size
}

}  // namespace theano::elemwise

THEANO_PLUGIN("theano.ops.elemwise", "0.1.0", theano::elemwise::register_elemwise,
              THEANO_NO_DEPENDENCIES)
