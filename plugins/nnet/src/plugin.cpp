// The theano.ops.nnet plugin: activation scalar ops, the softmax family, the
// cross-entropies and their stabilising rewrites. It needs the elemwise
// plugin (Elemwise runs the activations; gradients use the T:: front end).
#include "theano/plugin_api/plugin.h"

#include "registration.h"

namespace theano::nnet {

void register_nnet(Registrar& r) {
  register_activations(r);  // scalar.sigmoid, scalar.softplus, ...
  register_softmax_ops(r);  // Softmax, LogSoftmax, SoftmaxWithBias, SoftmaxGrad
  register_xent_ops(r);     // CrossentropyCategorical1Hot(Grad), the fused xent ops
  register_rewrites(r);     // stabilize / specialize rewrites
}

}  // namespace theano::nnet

THEANO_PLUGIN("theano.ops.nnet", "0.1.0", theano::nnet::register_nnet,
              THEANO_DEPENDS({"theano.ops.elemwise", ">=0.1, <1", 0}))
