// The pieces of the nnet plugin's table of contents.
#pragma once

#include "theano/plugin_api/registrar.h"

namespace theano::nnet {

void register_activations(Registrar& r);
void register_softmax_ops(Registrar& r);
void register_xent_ops(Registrar& r);
void register_rewrites(Registrar& r);

}  // namespace theano::nnet
