// Creating symbolic tensors and constants. Untyped constructors take the
// floatX flag's dtype; the prefixed ones follow Theano: b int8, w int16,
// i int32, l int64, f float32, d float64, c complex64, z complex128.
#pragma once

#include <source_location>
#include <string>

#include "theano/core/ndarray.h"
#include "theano/tensor/var.h"

namespace theano::tensor {

/// A free tensor variable of `dtype` and static shape (a known size per dim,
/// or std::nullopt; a size of 1 is broadcastable).
TensorVar tensor(DType dtype, StaticShape shape, std::string name = {},
                 std::source_location loc = std::source_location::current());
/// All `ndim` dims of unknown size.
TensorVar tensor(DType dtype, int ndim, std::string name = {},
                 std::source_location loc = std::source_location::current());

#define THEANO_TENSOR_CTOR(fn) \
  TensorVar fn(std::string name = {}, std::source_location loc = std::source_location::current());
#define THEANO_TENSOR_CTORS(prefix)   \
  THEANO_TENSOR_CTOR(prefix##scalar)  \
  THEANO_TENSOR_CTOR(prefix##vector)  \
  THEANO_TENSOR_CTOR(prefix##matrix)  \
  THEANO_TENSOR_CTOR(prefix##row)     \
  THEANO_TENSOR_CTOR(prefix##col)     \
  THEANO_TENSOR_CTOR(prefix##tensor3) \
  THEANO_TENSOR_CTOR(prefix##tensor4) \
  THEANO_TENSOR_CTOR(prefix##tensor5)

/// 0-d; (?); (?, ?); (1, ?); (?, 1); 3-d; 4-d; 5-d — dtype floatX.
THEANO_TENSOR_CTORS()
THEANO_TENSOR_CTORS(b)
THEANO_TENSOR_CTORS(w)
THEANO_TENSOR_CTORS(i)
THEANO_TENSOR_CTORS(l)
THEANO_TENSOR_CTORS(f)
THEANO_TENSOR_CTORS(d)
THEANO_TENSOR_CTORS(c)
THEANO_TENSOR_CTORS(z)
#undef THEANO_TENSOR_CTORS
#undef THEANO_TENSOR_CTOR

/// A constant holding `value` with its dtype and exact static shape.
TensorVar constant(const NDArray& value, std::string name = {},
                   std::source_location loc = std::source_location::current());
/// A 0-d constant of `dtype`; throws TypeError when `value` cannot be
/// represented exactly (an implicit downcast; use T::cast).
TensorVar constant(double value, DType dtype, std::string name = {},
                   std::source_location loc = std::source_location::current());
/// The operand as a variable: a C++ number becomes a 0-d constant of its
/// default dtype (floatX for floats, the smallest integer dtype holding it).
TensorVar as_tensor(const Operand& x);

}  // namespace theano::tensor
