// Local rewrites of the indexing ops (Theano's subtensor opts).
#pragma once

#include "theano/plugin_api/registrar.h"

namespace theano::tensor_ops::indexing {

/// local_useless_subtensor, local_subtensor_shape_i, local_subtensor_make_vector,
/// local_incsubtensor_of_zeros, local_incsubtensor_of_zeros_to_setsubtensor. In-place variants come
/// from the generic in-place pass (the Inc ops are InplaceCapable).
void register_indexing_rewrites(Registrar& r);

}  // namespace theano::tensor_ops::indexing
