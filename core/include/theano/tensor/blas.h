// Front end: dot, tensordot, batched_dot, outer.
#pragma once

#include "theano/tensor/var.h"

namespace theano::tensor {}  // namespace theano::tensor
