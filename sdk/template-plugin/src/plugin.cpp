// The template plugin "acme.ops.huber": the one file holding the descriptor
// (THEANO_PLUGIN) and the register function, its table of contents. It needs
// the elemwise plugin: the gradient is built from Elemwise nodes and the
// rewrite matches Elemwise{neg}.
#include "theano/plugin_api/plugin.h"

#include "registration.h"

namespace acme {

void register_huber(theano::Registrar& r) {
  register_ops(r);       // the Huber op and the huber.default_delta flag
  register_rewrites(r);  // local_huber_neg (canonicalize)
}

}  // namespace acme

THEANO_PLUGIN("acme.ops.huber", "1.0.0", acme::register_huber,
              THEANO_DEPENDS({"theano.ops.elemwise", ">=0.1, <1", 0}))
