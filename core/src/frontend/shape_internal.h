// Private helpers of the structural front end (shape.cpp, shape_build.cpp).
#pragma once

#include <string>

#include "theano/tensor/var.h"

namespace theano::tensor::detail {

/// A 0-d integer variable for a dimension or count argument (C++ integers
/// become int64 constants); throws TypeError naming `who` otherwise.
Var int_scalar(const Operand& x, const std::string& who);
/// int_scalar cast to int64.
Var int64_of(const Operand& x, const std::string& who);

}  // namespace theano::tensor::detail
