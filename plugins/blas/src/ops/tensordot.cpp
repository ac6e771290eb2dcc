// TensorDot: numpy.tensordot as one gemm. Both operands are viewed as
// matrices (free axes x summed axes), copied only when the transposed view
// cannot be reshaped in place; the gradient is two more tensordots.
#include <algorithm>
#include <numeric>

#include "../kernels/kernels.h"
#include "blas_ops.h"
#include "common.h"
#include "theano/tensor.h"

namespace theano::blas {

namespace T = theano::tensor;

namespace {

std::vector<std::int64_t> concat(std::vector<std::int64_t> a, const std::vector<std::int64_t>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

std::int64_t product(const Shape& s, const std::vector<std::int64_t>& axes) {
  std::int64_t p = 1;
  for (auto a : axes) p *= s[a];
  return p;
}

std::vector<int> as_perm(const std::vector<std::int64_t>& v) {
  return std::vector<int>(v.begin(), v.end());
}

// Rank of value `v` among the sorted `values`.
std::int64_t rank_of(std::int64_t v, const std::vector<std::int64_t>& values) {
  return std::count_if(values.begin(), values.end(), [v](std::int64_t w) { return w < v; });
}

}  // namespace

TensorDotOp::TensorDotOp(std::vector<std::int64_t> axes_a, std::vector<std::int64_t> axes_b)
    : axes_a_(std::move(axes_a)), axes_b_(std::move(axes_b)) {
  if (axes_a_.size() != axes_b_.size()) {
    throw ValueError("TensorDot: " + std::to_string(axes_a_.size()) + " axes of a paired with " +
                     std::to_string(axes_b_.size()) + " axes of b");
  }
}

OpPtr TensorDotOp::from_props(const Props& props) {
  return std::make_shared<TensorDotOp>(props.get("axes_a").as_ints(),
                                       props.get("axes_b").as_ints());
}

Props TensorDotOp::props() const {
  return Props{{"axes_a", PropValue::ints(axes_a_)}, {"axes_b", PropValue::ints(axes_b_)}};
}

std::vector<std::int64_t> TensorDotOp::free_axes(int ndim,
                                                 const std::vector<std::int64_t>& summed) {
  std::vector<std::int64_t> free;
  for (std::int64_t d = 0; d < ndim; ++d)
    if (std::find(summed.begin(), summed.end(), d) == summed.end()) free.push_back(d);
  return free;
}

ApplyPtr TensorDotOp::make_node(std::vector<Var> inputs) const {
  check_arity(*this, inputs, 2);
  auto ta = as_tensor_type(inputs[0]->type());
  auto tb = as_tensor_type(inputs[1]->type());
  if (!ta) throw_input_type_error(*this, 0, "a tensor", inputs[0]->type());
  if (!tb) throw_input_type_error(*this, 1, "a tensor", inputs[1]->type());
  same_dtype(*this, inputs, 0, 1);
  auto check_axes = [&](const std::vector<std::int64_t>& axes, const TensorType& t, char which) {
    for (std::size_t i = 0; i < axes.size(); ++i) {
      bool dup = std::count(axes.begin(), axes.end(), axes[i]) > 1;
      if (axes[i] < 0 || axes[i] >= t.ndim() || dup) {
        throw ValueError(display() + ": axis " + std::to_string(axes[i]) + " of " + which +
                         (dup ? " repeated" : " out of range") + " for " + t.str());
      }
    }
  };
  check_axes(axes_a_, *ta, 'a');
  check_axes(axes_b_, *tb, 'b');
  for (std::size_t i = 0; i < axes_a_.size(); ++i)
    check_static(*this, *ta, static_cast<int>(axes_a_[i]), *tb, static_cast<int>(axes_b_[i]));
  StaticShape out;
  for (auto d : free_axes(ta->ndim(), axes_a_)) out.push_back(ta->shape()[d]);
  for (auto d : free_axes(tb->ndim(), axes_b_)) out.push_back(tb->shape()[d]);
  return build(std::move(inputs), {TensorType::make(ta->dtype(), out)});
}

void TensorDotOp::perform(const Apply&, InputRefs inputs, OutputRefs outputs) const {
  const NDArray& a = inputs[0].array();
  const NDArray& b = inputs[1].array();
  for (std::size_t i = 0; i < axes_a_.size(); ++i) {
    if (a.dim(static_cast<int>(axes_a_[i])) != b.dim(static_cast<int>(axes_b_[i]))) {
      throw_not_aligned(display(), a.shape(), static_cast<int>(axes_a_[i]), b.shape(),
                        static_cast<int>(axes_b_[i]));
    }
  }
  auto free_a = free_axes(a.ndim(), axes_a_), free_b = free_axes(b.ndim(), axes_b_);
  const std::int64_t m = product(a.shape(), free_a), n = product(b.shape(), free_b),
                     k = product(a.shape(), axes_a_);
  NDArray am = a.transpose(as_perm(concat(free_a, axes_a_))).reshape({m, k});
  NDArray bm = b.transpose(as_perm(concat(axes_b_, free_b))).reshape({k, n});
  Shape shape;
  for (auto d : free_a) shape.push_back(a.dim(static_cast<int>(d)));
  for (auto d : free_b) shape.push_back(b.dim(static_cast<int>(d)));
  NDArray out = output_buffer(outputs[0], a.dtype(), shape);
  gemm(1.0, am, bm, 0.0, out.reshape({m, n}));
  outputs[0] = std::move(out);
}

std::optional<std::vector<ShapeVars>> TensorDotOp::infer_shape(
    const Apply& node, const std::vector<ShapeVars>& in) const {
  ShapeVars out;
  for (auto d : free_axes(static_cast<int>(in[0].size()), axes_a_)) out.push_back(in[0][d]);
  for (auto d : free_axes(static_cast<int>(in[1].size()), axes_b_)) out.push_back(in[1][d]);
  (void)node;
  return std::vector<ShapeVars>{out};
}

std::vector<Var> TensorDotOp::L_op(const Apply& node, const std::vector<Var>& output_grads) const {
  T::TensorVar a = node.input(0), b = node.input(1), gz = output_grads[0];
  auto free_a = free_axes(a.ndim(), axes_a_), free_b = free_axes(b.ndim(), axes_b_);
  const auto nfa = static_cast<std::int64_t>(free_a.size());
  std::vector<std::int64_t> gz_a(free_a.size()), gz_b(free_b.size());
  std::iota(gz_a.begin(), gz_a.end(), 0);
  std::iota(gz_b.begin(), gz_b.end(), nfa);
  // ga_t has a's free axes, then a's summed axes in the order of b's sorted summed axes.
  T::TensorVar ga_t = T::tensordot(gz, b, gz_b, free_b);
  auto sorted_b = axes_b_;
  std::sort(sorted_b.begin(), sorted_b.end());
  std::vector<std::int64_t> perm_a(a.ndim());
  for (std::size_t i = 0; i < free_a.size(); ++i) perm_a[free_a[i]] = static_cast<std::int64_t>(i);
  for (std::size_t j = 0; j < axes_a_.size(); ++j)
    perm_a[axes_a_[j]] = nfa + rank_of(axes_b_[j], sorted_b);
  // gb_t has b's summed axes in the order of a's sorted summed axes, then b's free axes.
  T::TensorVar gb_t = T::tensordot(a, gz, free_a, gz_a);
  auto sorted_a = axes_a_;
  std::sort(sorted_a.begin(), sorted_a.end());
  const auto ns = static_cast<std::int64_t>(axes_a_.size());
  std::vector<std::int64_t> perm_b(b.ndim());
  for (std::size_t j = 0; j < axes_b_.size(); ++j)
    perm_b[axes_b_[j]] = rank_of(axes_a_[j], sorted_a);
  for (std::size_t i = 0; i < free_b.size(); ++i)
    perm_b[free_b[i]] = ns + static_cast<std::int64_t>(i);
  return {T::transpose(ga_t, perm_a), T::transpose(gb_t, perm_b)};
}

std::vector<Var> TensorDotOp::R_op(const Apply& node, const std::vector<Var>& eval_points) const {
  T::TensorVar a = node.input(0), b = node.input(1);
  T::TensorVar r;
  if (eval_points[0]) r = T::tensordot(eval_points[0], b, axes_a_, axes_b_);
  if (eval_points[1]) {
    T::TensorVar t = T::tensordot(a, eval_points[1], axes_a_, axes_b_);
    r = r ? T::TensorVar(r + t) : t;
  }
  return {r.var()};
}

}  // namespace theano::blas
