// Front end: sort, argsort, topk, cumsum/cumprod, diff, searchsorted, ifelse.
#pragma once

#include "theano/tensor/var.h"

namespace theano::tensor {}  // namespace theano::tensor
