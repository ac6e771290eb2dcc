// TensorVar, Operand and Axes.
#include "theano/tensor/var.h"

#include <algorithm>
#include <sstream>

#include "detail.h"
#include "theano/tensor.h"

namespace theano::tensor {

std::vector<std::int64_t> Axes::resolve(int ndim, const std::string& context) const {
  std::vector<std::int64_t> out;
  if (!list_) {
    for (int d = 0; d < ndim; ++d) out.push_back(d);
    return out;
  }
  for (std::int64_t a : *list_) {
    std::int64_t r = a < 0 ? a + ndim : a;
    if (r < 0 || r >= ndim) {
      throw ValueError(context + ": axis " + std::to_string(a) +
                       " is out of range for a tensor of " + std::to_string(ndim) + " dimensions");
    }
    if (std::find(out.begin(), out.end(), r) != out.end()) {
      throw ValueError(context + ": axis " + std::to_string(a) + " is given twice");
    }
    out.push_back(r);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string WeakScalar::str() const {
  std::ostringstream os;
  switch (kind) {
    case Kind::Bool:
      os << (b ? "true" : "false");
      break;
    case Kind::Int:
      os << i;
      break;
    case Kind::UInt:
      os << u;
      break;
    case Kind::Float:
      os << f;
      break;
    case Kind::Complex:
      os << c;
      break;
  }
  return os.str();
}

Operand::Operand(const TensorVar& v, std::source_location loc) : var_(v.var()), loc_(loc) {
  if (!var_) throw ValueError("tensor expression: an empty TensorVar was used as an operand");
}

Operand::Operand(const NDArray& a, std::source_location loc)
    : var_(constant(a, {}, loc).var()), loc_(loc) {}

std::shared_ptr<const TensorType> TensorVar::type() const {
  return detail::tensor_type(v_, "TensorVar");
}

TensorVar& TensorVar::named(std::string name) {
  v_->set_name(std::move(name));
  return *this;
}

TensorVar TensorVar::dimshuffle(std::vector<std::int64_t> pattern, std::source_location loc) const {
  return tensor::dimshuffle(Operand(*this, loc), pattern);
}
TensorVar TensorVar::transpose(std::source_location loc) const {
  return tensor::transpose(Operand(*this, loc));
}
TensorVar TensorVar::astype(DType dtype, std::source_location loc) const {
  return tensor::cast(Operand(*this, loc), dtype);
}
TensorVar TensorVar::sum(Axes axes, bool keepdims, std::source_location loc) const {
  return tensor::sum(Operand(*this, loc), std::move(axes), keepdims);
}
TensorVar TensorVar::prod(Axes axes, bool keepdims, std::source_location loc) const {
  return tensor::prod(Operand(*this, loc), std::move(axes), keepdims);
}
TensorVar TensorVar::max(Axes axes, bool keepdims, std::source_location loc) const {
  return tensor::max(Operand(*this, loc), std::move(axes), keepdims);
}
TensorVar TensorVar::min(Axes axes, bool keepdims, std::source_location loc) const {
  return tensor::min(Operand(*this, loc), std::move(axes), keepdims);
}
TensorVar TensorVar::mean(Axes axes, bool keepdims, std::source_location loc) const {
  return tensor::mean(Operand(*this, loc), std::move(axes), keepdims);
}
TensorVar TensorVar::argmax(Axes axes, bool keepdims, std::source_location loc) const {
  return tensor::argmax(Operand(*this, loc), std::move(axes), keepdims);
}
TensorVar TensorVar::argmin(Axes axes, bool keepdims, std::source_location loc) const {
  return tensor::argmin(Operand(*this, loc), std::move(axes), keepdims);
}

}  // namespace theano::tensor
