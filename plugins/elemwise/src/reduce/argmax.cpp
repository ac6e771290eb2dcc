// Argmax / Argmin: the reduced axes are moved last and flattened; each output
// element scans its run for the first extreme (NaN counts as extreme, as in
// NumPy).
#include <algorithm>

#include "careduce_op.h"
#include "theano/core/config.h"
#include "theano/tensor.h"

namespace theano::elemwise {

namespace T = theano::tensor;

ArgReduceOp::ArgReduceOp(bool is_max, std::vector<std::int64_t> axes)
    : max_(is_max), axes_(std::move(axes)) {
  std::sort(axes_.begin(), axes_.end());
  if (std::adjacent_find(axes_.begin(), axes_.end()) != axes_.end())
    throw ValueError(name() + ": an axis is repeated");
}

OpPtr ArgReduceOp::from_props_max(const Props& p) {
  return std::make_shared<ArgReduceOp>(true, p.get("axis").as_ints());
}
OpPtr ArgReduceOp::from_props_min(const Props& p) {
  return std::make_shared<ArgReduceOp>(false, p.get("axis").as_ints());
}

ApplyPtr ArgReduceOp::make_node(std::vector<Var> inputs) const {
  if (inputs.size() != 1) throw TypeError(display() + ": expected 1 input");
  auto tt = as_tensor_type(inputs[0]->type());
  if (!tt) throw_input_type_error(*this, 0, "a tensor", inputs[0]->type());
  if (is_complex(tt->dtype())) throw TypeError(display() + ": complex numbers have no order");
  StaticShape out;
  for (std::int64_t a : axes_) {
    if (a < 0 || a >= tt->ndim()) {
      throw ValueError(display() + ": axis " + std::to_string(a) + " is out of range for " +
                       tt->str());
    }
  }
  for (int d = 0; d < tt->ndim(); ++d)
    if (std::find(axes_.begin(), axes_.end(), d) == axes_.end()) out.push_back(tt->shape()[d]);
  return build(std::move(inputs), {TensorType::make(DType::Int64, std::move(out), tt->device())});
}

namespace {

template <class V>
std::int64_t arg_extreme(const NDArray& runs, std::int64_t row, std::int64_t len, bool is_max) {
  const char* base = static_cast<const char*>(runs.raw_data()) + row * runs.strides()[0];
  std::int64_t stride = runs.strides()[1];
  auto at = [&](std::int64_t i) { return *reinterpret_cast<const V*>(base + i * stride); };
  std::int64_t best = 0;
  V bv = at(0);
  if (bv != bv) return 0;
  for (std::int64_t i = 1; i < len; ++i) {
    V v = at(i);
    if (v != v) return i;
    if (is_max ? v > bv : v < bv) {
      bv = v;
      best = i;
    }
  }
  return best;
}

}  // namespace

void ArgReduceOp::perform(const Apply&, InputRefs inputs, OutputRefs outputs) const {
  NDArray x = inputs[0].array();
  if (x.dtype() == DType::Float16) x = x.astype(DType::Float32);
  std::vector<int> perm;
  Shape kept;
  std::int64_t len = 1;
  for (int d = 0; d < x.ndim(); ++d) {
    if (std::find(axes_.begin(), axes_.end(), d) == axes_.end()) {
      perm.push_back(d);
      kept.push_back(x.dim(d));
    }
  }
  for (std::int64_t a : axes_) {
    if (a >= x.ndim())
      throw ValueError(display() + ": axis out of range for shape " + shape_str(x.shape()));
    perm.push_back(static_cast<int>(a));
    len *= x.dim(static_cast<int>(a));
  }
  if (len == 0) {
    throw ValueError(display() + ": attempt to get the " + (max_ ? "argmax" : "argmin") +
                     " of an empty sequence (input shape " + shape_str(x.shape()) + ")");
  }
  std::int64_t rows = shape_size(kept);
  NDArray runs = x.transpose(perm).reshape({rows, len});
  NDArray out = NDArray::empty(DType::Int64, kept);
  auto* o = out.data<std::int64_t>();
  visit_dtype(x.dtype(), [&](auto tag) {
    using V = typename decltype(tag)::type;
    if constexpr (std::is_arithmetic_v<V>) {
      for (std::int64_t r = 0; r < rows; ++r) o[r] = arg_extreme<V>(runs, r, len, max_);
    } else {
      throw TypeError(display() + ": unsupported dtype " + std::string(dtype_name(x.dtype())));
    }
  });
  outputs[0] = out;
}

std::optional<std::vector<ShapeVars>> ArgReduceOp::infer_shape(
    const Apply&, const std::vector<ShapeVars>& input_shapes) const {
  ShapeVars out;
  for (std::size_t d = 0; d < input_shapes[0].size(); ++d)
    if (std::find(axes_.begin(), axes_.end(), static_cast<std::int64_t>(d)) == axes_.end())
      out.push_back(input_shapes[0][d]);
  return std::vector<ShapeVars>{out};
}

std::vector<Var> ArgReduceOp::L_op(const Apply& node, const std::vector<Var>&) const {
  T::TensorVar x = node.input(0);
  DType d = is_discrete(x.dtype()) ? floatX() : x.dtype();
  return {T::second(x, T::constant(0.0, d))};
}

}  // namespace theano::elemwise
