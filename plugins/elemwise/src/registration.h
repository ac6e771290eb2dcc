// The pieces of the plugin's table of contents, one per family.
#pragma once

#include "theano/plugin_api/registrar.h"

namespace theano::elemwise {

void register_scalar_ops(Registrar& r);
void register_tensor_ops(Registrar& r);
void register_reductions(Registrar& r);
void register_rewrites(Registrar& r);
void register_config(Registrar& r);

}  // namespace theano::elemwise
