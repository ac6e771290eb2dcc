// Symbolic tensors and constants.
#include "theano/tensor/constructors.h"

#include <cmath>

#include "detail.h"
#include "theano/core/config.h"
#include "theano/tensor/dtype_rules.h"
#include "theano/tensor/math.h"

namespace theano::tensor {

TensorVar tensor(DType dtype, StaticShape shape, std::string name, std::source_location loc) {
  return Variable::make(TensorType::make(dtype, std::move(shape)), std::move(name),
                        SourceLoc::from(loc));
}

TensorVar tensor(DType dtype, int ndim, std::string name, std::source_location loc) {
  return tensor(dtype, StaticShape(ndim, std::nullopt), std::move(name), loc);
}

namespace {

const StaticDim kAny = std::nullopt;

TensorVar make_kind(DType dtype, const char* kind, std::string name, std::source_location loc) {
  std::string k = kind;
  StaticShape shape;
  if (k == "vector")
    shape = {kAny};
  else if (k == "matrix")
    shape = {kAny, kAny};
  else if (k == "row")
    shape = {1, kAny};
  else if (k == "col")
    shape = {kAny, 1};
  else if (k == "tensor3")
    shape = StaticShape(3, kAny);
  else if (k == "tensor4")
    shape = StaticShape(4, kAny);
  else if (k == "tensor5")
    shape = StaticShape(5, kAny);
  return tensor(dtype, std::move(shape), std::move(name), loc);
}

}  // namespace

#define THEANO_DEFINE_CTOR(prefix, kind, dtype_expr)                   \
  TensorVar prefix##kind(std::string name, std::source_location loc) { \
    return make_kind(dtype_expr, #kind, std::move(name), loc);         \
  }
#define THEANO_DEFINE_CTORS(prefix, dtype_expr)   \
  THEANO_DEFINE_CTOR(prefix, scalar, dtype_expr)  \
  THEANO_DEFINE_CTOR(prefix, vector, dtype_expr)  \
  THEANO_DEFINE_CTOR(prefix, matrix, dtype_expr)  \
  THEANO_DEFINE_CTOR(prefix, row, dtype_expr)     \
  THEANO_DEFINE_CTOR(prefix, col, dtype_expr)     \
  THEANO_DEFINE_CTOR(prefix, tensor3, dtype_expr) \
  THEANO_DEFINE_CTOR(prefix, tensor4, dtype_expr) \
  THEANO_DEFINE_CTOR(prefix, tensor5, dtype_expr)

THEANO_DEFINE_CTORS(, floatX())
THEANO_DEFINE_CTORS(b, DType::Int8)
THEANO_DEFINE_CTORS(w, DType::Int16)
THEANO_DEFINE_CTORS(i, DType::Int32)
THEANO_DEFINE_CTORS(l, DType::Int64)
THEANO_DEFINE_CTORS(f, DType::Float32)
THEANO_DEFINE_CTORS(d, DType::Float64)
THEANO_DEFINE_CTORS(c, DType::Complex64)
THEANO_DEFINE_CTORS(z, DType::Complex128)
#undef THEANO_DEFINE_CTORS
#undef THEANO_DEFINE_CTOR

TensorVar constant(const NDArray& value, std::string name, std::source_location loc) {
  StaticShape shape(value.shape().begin(), value.shape().end());
  return Constant::make(TensorType::make(value.dtype(), std::move(shape)), Value(value),
                        std::move(name), SourceLoc::from(loc));
}

namespace {

// Integers must be exact; floats may round but must stay in range.
void check_representable(double value, DType dtype) {
  auto fail = [&](const std::string& why) {
    throw TypeError("T::constant(" + std::to_string(value) + ", " + std::string(dtype_name(dtype)) +
                    "): " + why + " (use T::cast for an explicit conversion)");
  };
  if (is_bool(dtype)) {
    if (value != 0 && value != 1) fail("a bool constant must be 0 or 1");
  } else if (is_int(dtype)) {
    if (std::floor(value) != value) fail("the value is not an integer");
    NDArray a = NDArray::full(dtype, {}, value);
    if (a.item<double>() != value) fail("the value does not fit the dtype");
  } else if (is_float(dtype) && std::isfinite(value)) {
    double max = dtype == DType::Float16   ? 65504.0
                 : dtype == DType::Float32 ? 3.4028234663852886e38
                                           : 1.7976931348623157e308;
    if (std::fabs(value) > max) fail("the value is outside the dtype's range");
  }
}

}  // namespace

TensorVar constant(double value, DType dtype, std::string name, std::source_location loc) {
  check_representable(value, dtype);
  return constant(NDArray::full(dtype, {}, value), std::move(name), loc);
}

TensorVar as_tensor(const Operand& x) {
  if (!x.is_weak()) return x.var();
  return detail::weak_constant(x.weak(), weak_dtype(x.weak(), std::nullopt), x.loc());
}

}  // namespace theano::tensor
