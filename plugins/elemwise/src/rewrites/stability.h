// Stabilize rewrites of sums of exponentials (see stability.cpp).
#pragma once

#include "algebra.h"

namespace theano::elemwise {

LocalResult local_log_sum_exp(FunctionGraph& fg, Apply& node);       // log(sum(exp(x)))
LocalResult local_exp_over_sum_exp(FunctionGraph& fg, Apply& node);  // exp(x) * g / sum(exp(x))

}  // namespace theano::elemwise
