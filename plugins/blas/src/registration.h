// The pieces of the plugin's table of contents.
#pragma once

#include "theano/plugin_api/registrar.h"

namespace theano::blas {

void register_ops(Registrar& r);
void register_rewrites(Registrar& r);
void register_config(Registrar& r);

}  // namespace theano::blas
