// The C++ front end of Theano++: `namespace T = theano::tensor;` then
// T::matrix("x"), x + 1, T::exp(x), T::sum(x, 1), ... Everything builds
// ops by name through the registry, so a host links only libtheano_core.
#pragma once

#include "theano/tensor/blas.h"
#include "theano/tensor/constructors.h"
#include "theano/tensor/dimshuffle.h"
#include "theano/tensor/dtype_rules.h"
#include "theano/tensor/extra.h"
#include "theano/tensor/indexing.h"
#include "theano/tensor/math.h"
#include "theano/tensor/nnet.h"
#include "theano/tensor/reduce.h"
#include "theano/tensor/shape.h"
#include "theano/tensor/var.h"

