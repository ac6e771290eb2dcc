// Front end: activations, softmax family, cross-entropies.
#pragma once

#include "theano/tensor/var.h"

namespace theano::tensor {}  // namespace theano::tensor
