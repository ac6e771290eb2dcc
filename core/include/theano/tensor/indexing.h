// Front end: indexing (x[...]), set_subtensor, inc_subtensor, take.
#pragma once

#include "theano/tensor/var.h"

namespace theano::tensor {}  // namespace theano::tensor
