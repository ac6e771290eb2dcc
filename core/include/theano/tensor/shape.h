// Front end: reshape, flatten, alloc, zeros/ones, arange, eye, join/stack/split, tile, repeat.
#pragma once

#include "theano/tensor/var.h"

namespace theano::tensor {}  // namespace theano::tensor
