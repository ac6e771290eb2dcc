// Join and Split: concatenation along an axis and its inverse.
#include "common.h"
#include "ops.h"
#include "theano/tensor.h"

namespace theano::tensor_ops {

namespace T = theano::tensor;

namespace {

// The axis as a normalised constant, or nullopt when symbolic.
std::optional<int> constant_axis(const Var& axis, int ndim, const std::string& who) {
  auto c = constant_int(axis);
  if (!c) return std::nullopt;
  return normalize_axis(*c, ndim, who);
}

// The length of `x` along the symbolic `axis`: the entry of shape(x) where
// arange(ndim) equals the normalised axis (no indexing op needed).
Var length_along(const Var& x, const Var& axis) {
  int nd = as_tensor_type(x->type())->ndim();
  T::TensorVar a = T::switch_(T::lt(axis, 0), T::add(axis, nd), axis);
  T::TensorVar pick = T::eq(T::arange(nd), a);
  return as_int64(T::sum(T::mul(T::shape(x), pick)));
}

}  // namespace

// --- Join ---------------------------------------------------------------------------

ApplyPtr JoinOp::make_node(std::vector<Var> inputs) const {
  if (inputs.size() < 2)
    throw TypeError(display() + ": expected an axis and at least one tensor, got " +
                    std::to_string(inputs.size()) + " inputs");
  require_int_scalar(*this, inputs, 0, "the axis");
  auto first = tensor_input(*this, inputs, 1);
  int nd = first->ndim();
  if (nd == 0) throw TypeError(display() + ": cannot join 0-d tensors (use stack)");
  DType dtype = first->dtype();
  for (std::size_t i = 2; i < inputs.size(); ++i) {
    auto tt = tensor_input(*this, inputs, int(i));
    if (tt->ndim() != nd) {
      throw TypeError(display() +
                      ": all tensors must have the same number of dimensions: input 1 is " +
                      first->str() + ", input " + std::to_string(i) + " is " + tt->str());
    }
    dtype = promote_types(dtype, tt->dtype());
  }
  StaticShape out(nd, std::nullopt);
  if (auto axis = constant_axis(inputs[0], nd, display())) {
    StaticDim total = 0;
    for (std::size_t i = 1; i < inputs.size(); ++i) {
      const StaticShape& s = as_tensor_type(inputs[i]->type())->shape();
      total = (total && s[*axis]) ? StaticDim(*total + *s[*axis]) : std::nullopt;
      for (int d = 0; d < nd; ++d) {
        if (d == *axis || !s[d]) continue;
        if (out[d] && *out[d] != *s[d]) {
          throw ValueError(display() + ": input " + std::to_string(i) + " has static shape " +
                           static_shape_str(s) + ", which differs from the other inputs in axis " +
                           std::to_string(d) + " (joining along axis " + std::to_string(*axis) +
                           ")");
        }
        out[d] = s[d];
      }
    }
    out[*axis] = total;
  }
  return build(std::move(inputs), {TensorType::make(dtype, std::move(out))});
}

void JoinOp::perform(const Apply& node, InputRefs inputs, OutputRefs outputs) const {
  const NDArray& first = inputs[1].array();
  int axis = normalize_axis(scalar_value(inputs[0]), first.ndim(), display());
  Shape shape = first.shape();
  shape[axis] = 0;
  for (std::size_t i = 1; i < inputs.size(); ++i) {
    const NDArray& a = inputs[i].array();
    for (int d = 0; d < a.ndim(); ++d) {
      if (d != axis && a.dim(d) != first.dim(d)) {
        throw ValueError(display() + ": input " + std::to_string(i) + " has shape " +
                         shape_str(a.shape()) + " but input 1 has shape " +
                         shape_str(first.shape()) + ": all dimensions but the joined axis " +
                         std::to_string(axis) + " must match");
      }
    }
    shape[axis] += a.dim(axis);
  }
  DType dtype = as_tensor_type(node.out(0)->type())->dtype();
  NDArray out = NDArray::empty(dtype, shape);
  std::int64_t at = 0;
  for (std::size_t i = 1; i < inputs.size(); ++i) {
    const NDArray& a = inputs[i].array();
    std::int64_t n = a.dim(axis);
    if (n > 0) out.slice(axis, at, at + n, 1).assign(a);
    at += n;
  }
  outputs[0] = std::move(out);
}

std::optional<std::vector<ShapeVars>> JoinOp::infer_shape(const Apply& node,
                                                          const std::vector<ShapeVars>& in) const {
  int nd = static_cast<int>(in[1].size());
  auto axis = constant_axis(node.input(0), nd, display());
  if (!axis) return std::nullopt;
  ShapeVars out = in[1];
  std::vector<T::Operand> lengths;
  for (int i = 1; i < node.nin(); ++i) lengths.emplace_back(in[i][*axis]);
  if (lengths.size() > 1) out[*axis] = as_int64(T::add(lengths));
  return std::vector<ShapeVars>{out};
}

std::vector<std::vector<bool>> JoinOp::connection_pattern(const Apply& node) const {
  std::vector<std::vector<bool>> p(node.nin(), {true});
  p[0] = {false};
  return p;
}

std::vector<Var> JoinOp::L_op(const Apply& node, const std::vector<Var>& grads) const {
  std::vector<Var> out{disconnected()};
  int n = node.nin() - 1;
  int nd = as_tensor_type(node.input(1)->type())->ndim();
  auto axis = constant_axis(node.input(0), nd, display());
  if (is_discrete(as_tensor_type(node.out(0)->type())->dtype())) {
    for (int i = 1; i <= n; ++i) out.push_back(zero_grad_like(node.input(i)));
    return out;
  }
  std::vector<Var> sizes;
  for (int i = 1; i <= n; ++i)
    sizes.push_back(axis ? shape_dim(node.input(i), *axis)
                         : length_along(node.input(i), node.input(0)));
  auto pieces =
      std::make_shared<SplitOp>(n)->operator()({grads[0], node.input(0), make_int64_vector(sizes)});
  for (int i = 1; i <= n; ++i) {
    const Var& x = node.input(i);
    out.push_back(is_discrete(as_tensor_type(x->type())->dtype()) ? zero_grad_like(x)
                                                                  : cast_like(pieces[i - 1], x));
  }
  return out;
}

std::vector<Var> JoinOp::R_op(const Apply& node, const std::vector<Var>& evs) const {
  std::vector<Var> in{node.input(0)};
  bool any = false;
  for (int i = 1; i < node.nin(); ++i) {
    any = any || evs[i];
    in.push_back(evs[i] ? evs[i] : T::zeros_like(node.input(i)).var());
  }
  if (!any) return {nullptr};
  return {apply1(std::move(in))};
}

// --- Split --------------------------------------------------------------------------

ApplyPtr SplitOp::make_node(std::vector<Var> inputs) const {
  require_arity(*this, inputs, 3);
  auto xt = tensor_input(*this, inputs, 0);
  if (xt->ndim() == 0) throw TypeError(display() + ": cannot split a 0-d tensor");
  require_int_scalar(*this, inputs, 1, "the axis");
  auto len = require_int_vector(*this, inputs, 2, "the split sizes");
  if (len && *len != len_) {
    throw ValueError(display() + ": " + std::to_string(*len) + " sizes given for " +
                     std::to_string(len_) + " splits");
  }
  auto axis = constant_axis(inputs[1], xt->ndim(), display());
  auto entries = constant_entries(inputs[2]);
  std::vector<TypePtr> outs;
  for (int i = 0; i < len_; ++i) {
    StaticShape s = xt->shape();
    if (!axis) {
      s.assign(s.size(), std::nullopt);
    } else {
      s[*axis] = entries && i < int(entries->size()) ? (*entries)[i] : std::nullopt;
    }
    outs.push_back(xt->with_shape(std::move(s)));
  }
  return build(std::move(inputs), std::move(outs));
}

void SplitOp::perform(const Apply&, InputRefs inputs, OutputRefs outputs) const {
  const NDArray& x = inputs[0].array();
  int axis = normalize_axis(scalar_value(inputs[1]), x.ndim(), display());
  std::vector<std::int64_t> sizes = vector_values(inputs[2]);
  if (static_cast<int>(sizes.size()) != len_) {
    throw ValueError(display() + ": " + std::to_string(sizes.size()) + " sizes given for " +
                     std::to_string(len_) + " splits");
  }
  std::int64_t total = 0;
  for (std::int64_t s : sizes) {
    if (s < 0) throw ValueError(display() + ": negative split size " + std::to_string(s));
    total += s;
  }
  if (total != x.dim(axis)) {
    throw ValueError(display() + ": the sizes " + shape_str(sizes) + " sum to " +
                     std::to_string(total) + ", but axis " + std::to_string(axis) +
                     " of the input " + shape_str(x.shape()) + " has length " +
                     std::to_string(x.dim(axis)));
  }
  std::int64_t at = 0;
  for (int i = 0; i < len_; ++i) {
    outputs[i] = x.slice(axis, at, at + sizes[i], 1).copy();
    at += sizes[i];
  }
}

std::optional<std::vector<ShapeVars>> SplitOp::infer_shape(const Apply& node,
                                                           const std::vector<ShapeVars>& in) const {
  auto axis = constant_axis(node.input(1), static_cast<int>(in[0].size()), display());
  auto entries = symbolic_entries(node.input(2));
  if (!axis || !entries || static_cast<int>(entries->size()) != len_) return std::nullopt;
  std::vector<ShapeVars> out;
  for (int i = 0; i < len_; ++i) {
    ShapeVars s = in[0];
    s[*axis] = (*entries)[i];
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<std::vector<bool>> SplitOp::connection_pattern(const Apply&) const {
  return {std::vector<bool>(len_, true), std::vector<bool>(len_, false),
          std::vector<bool>(len_, false)};
}

std::vector<Var> SplitOp::L_op(const Apply& node, const std::vector<Var>& grads) const {
  const Var& x = node.input(0);
  if (is_discrete(as_tensor_type(x->type())->dtype()))
    return {zero_grad_like(x), disconnected(), disconnected()};
  std::vector<Var> parts{node.input(1)};
  for (int i = 0; i < len_; ++i) {
    bool missing = !grads[i] || grads[i]->type()->kind() == "disconnected";
    parts.push_back(missing ? T::zeros_like(node.output(i)).var() : grads[i]);
  }
  Var gx = std::make_shared<JoinOp>()->apply1(std::move(parts));
  return {cast_like(gx, x), disconnected(), disconnected()};
}

std::vector<Var> SplitOp::R_op(const Apply& node, const std::vector<Var>& evs) const {
  if (!evs[0]) return std::vector<Var>(len_, nullptr);
  return (*this)({evs[0], node.input(1), node.input(2)});
}

}  // namespace theano::tensor_ops
