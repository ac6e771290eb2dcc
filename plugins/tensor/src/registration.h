// The pieces of the plugin's table of contents, one per folder.
#pragma once

#include "theano/plugin_api/registrar.h"

namespace theano::tensor_ops {

void register_structure(Registrar& r);  // structure/: shape, alloc, join ops
void register_indexing(Registrar& r);   // subtensor/: Subtensor and friends
void register_extra(Registrar& r);      // extra/: sort, cumulative ops, ifelse

}  // namespace theano::tensor_ops
