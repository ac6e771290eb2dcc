// Repeat (numpy.repeat), ExtractDiag (a diagonal view) and AllocDiag (a
// tensor with a given diagonal).
#include <algorithm>
#include <cstring>

#include "common.h"
#include "ops.h"
#include "theano/tensor.h"

namespace theano::tensor_ops {

namespace T = theano::tensor;

// --- Repeat -------------------------------------------------------------------------

Props RepeatOp::props() const {
  return Props{{"axis", axis_ ? PropValue(*axis_) : PropValue()}};
}

ApplyPtr RepeatOp::make_node(std::vector<Var> inputs) const {
  require_arity(*this, inputs, 2);
  auto xt = tensor_input(*this, inputs, 0);
  auto rt = tensor_input(*this, inputs, 1);
  if (rt->ndim() > 1 || !is_int(rt->dtype()))
    throw_input_type_error(*this, 1, "a 0-d or vector integer tensor (repeats)", inputs[1]->type());
  StaticShape out;
  StaticDim n;  // length of the repeated axis before repeating
  int axis = 0;
  if (axis_) {
    axis = normalize_axis(*axis_, xt->ndim(), display());
    out = xt->shape();
    n = out[axis];
  } else {
    n = 1;
    for (const StaticDim& d : xt->shape()) n = (n && d) ? StaticDim(*n * *d) : std::nullopt;
    out = {n};
  }
  StaticDim length;
  if (rt->ndim() == 0) {
    auto r = constant_int(inputs[1]);
    if (r && *r < 0) throw ValueError(display() + ": negative repeat count " + std::to_string(*r));
    if (r && n) length = *n * *r;
  } else if (auto rs = constant_ints(inputs[1])) {
    if (n && static_cast<std::int64_t>(rs->size()) != *n && rs->size() != 1) {
      throw ValueError(display() + ": " + std::to_string(rs->size()) +
                       " repeat counts for an axis of length " + std::to_string(*n));
    }
    std::int64_t total = 0;
    for (std::int64_t r : *rs) total += r;
    if (rs->size() == 1 && n) total *= *n;
    if (rs->size() != 1 || n) length = total;
  }
  out[axis] = length;
  return build(std::move(inputs), {xt->with_shape(std::move(out))});
}

void RepeatOp::perform(const Apply&, InputRefs inputs, OutputRefs outputs) const {
  NDArray x = inputs[0].array().ascontiguous();
  const NDArray& r = inputs[1].array();
  int axis = 0;
  Shape shape = x.shape();
  if (axis_) {
    axis = normalize_axis(*axis_, x.ndim(), display());
  } else {
    shape = {x.size()};
  }
  std::int64_t n = shape[axis];
  std::vector<std::int64_t> counts = r.to_vector<std::int64_t>();
  if (r.ndim() == 0 || counts.size() == 1) {
    std::int64_t each = counts.empty() ? 0 : counts[0];
    counts.assign(static_cast<std::size_t>(n), each);
  }
  if (static_cast<std::int64_t>(counts.size()) != n) {
    throw ValueError(display() + ": " + std::to_string(counts.size()) +
                     " repeat counts for an axis of length " + std::to_string(n));
  }
  std::int64_t total = 0;
  for (std::int64_t c : counts) {
    if (c < 0) throw ValueError(display() + ": negative repeat count " + std::to_string(c));
    total += c;
  }
  std::int64_t outer = 1, inner = 1;
  for (int d = 0; d < axis; ++d) outer *= shape[d];
  for (std::size_t d = axis + 1; d < shape.size(); ++d) inner *= shape[d];
  Shape out_shape = shape;
  out_shape[axis] = total;
  NDArray out = NDArray::empty(x.dtype(), out_shape);
  std::size_t block = static_cast<std::size_t>(inner) * x.itemsize();
  const auto* src = static_cast<const char*>(x.raw_data());
  auto* dst = static_cast<char*>(out.raw_data());
  for (std::int64_t o = 0; o < outer; ++o) {
    for (std::int64_t j = 0; j < n; ++j, src += block) {
      for (std::int64_t c = 0; c < counts[j]; ++c, dst += block) std::memcpy(dst, src, block);
    }
  }
  outputs[0] = std::move(out);
}

std::optional<std::vector<ShapeVars>> RepeatOp::infer_shape(
    const Apply& node, const std::vector<ShapeVars>& in) const {
  const Var& r = node.input(1);
  ShapeVars out;
  Var n;
  int axis = 0;
  if (axis_) {
    axis = normalize_axis(*axis_, static_cast<int>(in[0].size()), display());
    out = in[0];
    n = out[axis];
  } else {
    std::vector<T::Operand> dims(in[0].begin(), in[0].end());
    n = dims.empty() ? int64_scalar(1) : (dims.size() == 1 ? in[0][0] : T::mul(dims).var());
    out = {n};
  }
  auto rt = as_tensor_type(r->type());
  if (rt->ndim() == 0) {
    out[axis] = as_int64(T::mul(n, r));
  } else if (rt->shape()[0] == 1) {
    out[axis] = as_int64(T::mul(n, T::sum(r)));
  } else {
    out[axis] = as_int64(T::sum(r));
  }
  return std::vector<ShapeVars>{out};
}

std::vector<Var> RepeatOp::L_op(const Apply& node, const std::vector<Var>& grads) const {
  const Var& x = node.input(0);
  auto xt = as_tensor_type(x->type());
  if (is_discrete(xt->dtype())) return {zero_grad_like(x), disconnected()};
  const Var& r = node.input(1);
  if (as_tensor_type(r->type())->ndim() != 0)
    return {grad_undefined(0, "Repeat's gradient is implemented for a 0-d repeat count only"),
            disconnected()};
  // Each input element appears `r` times in a row: fold those copies into a new axis and sum it.
  std::vector<Var> dims;
  int axis = 0;
  if (axis_) {
    axis = normalize_axis(*axis_, xt->ndim(), display());
    for (int d = 0; d < xt->ndim(); ++d) dims.push_back(shape_dim(x, d));
  } else {
    std::vector<T::Operand> all;
    for (int d = 0; d < xt->ndim(); ++d) all.emplace_back(shape_dim(x, d));
    dims.push_back(all.empty() ? int64_scalar(1)
                               : (all.size() == 1 ? all[0].var() : as_int64(T::mul(all))));
  }
  dims.insert(dims.begin() + axis + 1, as_int64(r));
  T::TensorVar folded = T::reshape(grads[0], make_int64_vector(dims));
  T::TensorVar g = T::sum(folded, T::Axes(axis + 1));
  if (!axis_) g = T::reshape(g, shape_vector(x), xt->ndim());
  return {cast_like(g, x), disconnected()};
}

// --- diagonals ----------------------------------------------------------------------

DiagAxes DiagAxes::from(const Props& p) {
  return DiagAxes{p.get_as<std::int64_t>("offset"), p.get_as<std::int64_t>("axis1"),
                  p.get_as<std::int64_t>("axis2")};
}

namespace {

struct ResolvedAxes {
  int a1, a2;
};

ResolvedAxes resolve(const DiagAxes& a, int ndim, const std::string& who) {
  if (ndim < 2) {
    throw ValueError(who + ": needs at least 2 dimensions, got " + std::to_string(ndim));
  }
  int a1 = normalize_axis(a.axis1, ndim, who), a2 = normalize_axis(a.axis2, ndim, who);
  if (a1 == a2)
    throw ValueError(who + ": axis1 and axis2 must differ, both are " + std::to_string(a1));
  return {a1, a2};
}

std::int64_t diag_length(std::int64_t d1, std::int64_t d2, std::int64_t k) {
  std::int64_t n = k >= 0 ? std::min(d1, d2 - k) : std::min(d1 + k, d2);
  return std::max<std::int64_t>(n, 0);
}

}  // namespace

NDArray diagonal_view(const NDArray& a, const DiagAxes& axes) {
  auto [a1, a2] = resolve(axes, a.ndim(), "diagonal");
  std::int64_t k = axes.offset;
  std::int64_t len = diag_length(a.dim(a1), a.dim(a2), k);
  Shape shape;
  Strides strides;
  for (int d = 0; d < a.ndim(); ++d) {
    if (d == a1 || d == a2) continue;
    shape.push_back(a.dim(d));
    strides.push_back(a.strides()[d]);
  }
  shape.push_back(len);
  strides.push_back(a.strides()[a1] + a.strides()[a2]);
  std::int64_t offset = a.offset();
  if (len > 0) offset += k >= 0 ? k * a.strides()[a2] : -k * a.strides()[a1];
  return a.view(std::move(shape), std::move(strides), offset);
}

ApplyPtr ExtractDiagOp::make_node(std::vector<Var> inputs) const {
  require_arity(*this, inputs, 1);
  auto xt = tensor_input(*this, inputs, 0);
  auto [a1, a2] = resolve(a_, xt->ndim(), display());
  StaticShape out;
  for (int d = 0; d < xt->ndim(); ++d)
    if (d != a1 && d != a2) out.push_back(xt->shape()[d]);
  const StaticDim &d1 = xt->shape()[a1], &d2 = xt->shape()[a2];
  out.push_back(d1 && d2 ? StaticDim(diag_length(*d1, *d2, a_.offset)) : std::nullopt);
  return build(std::move(inputs), {xt->with_shape(std::move(out))});
}

void ExtractDiagOp::perform(const Apply&, InputRefs inputs, OutputRefs outputs) const {
  outputs[0] = diagonal_view(inputs[0].array(), a_);
}

std::optional<std::vector<ShapeVars>> ExtractDiagOp::infer_shape(
    const Apply&, const std::vector<ShapeVars>& in) const {
  const ShapeVars& s = in[0];
  auto [a1, a2] = resolve(a_, static_cast<int>(s.size()), display());
  ShapeVars out;
  for (int d = 0; d < static_cast<int>(s.size()); ++d)
    if (d != a1 && d != a2) out.push_back(s[d]);
  std::int64_t k = a_.offset;
  T::TensorVar n =
      k >= 0 ? T::minimum(s[a1], T::sub(s[a2], k)) : T::minimum(T::add(s[a1], k), s[a2]);
  out.push_back(as_int64(T::maximum(n, 0)));
  return std::vector<ShapeVars>{out};
}

std::vector<Var> ExtractDiagOp::L_op(const Apply& node, const std::vector<Var>& grads) const {
  const Var& x = node.input(0);
  if (is_discrete(as_tensor_type(x->type())->dtype())) return {zero_grad_like(x)};
  Var gx = std::make_shared<AllocDiagOp>(a_)->apply1({grads[0], shape_vector(x)});
  return {cast_like(gx, x)};
}

std::vector<Var> ExtractDiagOp::R_op(const Apply&, const std::vector<Var>& evs) const {
  if (!evs[0]) return {nullptr};
  return {apply1({evs[0]})};
}

ApplyPtr AllocDiagOp::make_node(std::vector<Var> inputs) const {
  if (inputs.empty() || inputs.size() > 2) {
    throw TypeError(display() + ": expected a diagonal and an optional shape, got " +
                    std::to_string(inputs.size()) + " inputs");
  }
  auto vt = tensor_input(*this, inputs, 0);
  if (vt->ndim() < 1)
    throw_input_type_error(*this, 0, "a tensor of at least 1 dimension", inputs[0]->type());
  int nd = vt->ndim() + 1;
  auto [a1, a2] = resolve(a_, nd, display());
  StaticShape out(nd, std::nullopt);
  if (inputs.size() == 2) {
    auto len = require_int_vector(*this, inputs, 1, "the output shape");
    if (len && *len != nd) {
      throw ValueError(display() + ": output shape of " + std::to_string(*len) +
                       " entries, expected " + std::to_string(nd));
    }
    if (auto e = constant_entries(inputs[1]); e && int(e->size()) == nd)
      out.assign(e->begin(), e->end());
    return build(std::move(inputs), {vt->with_shape(std::move(out))});
  }
  StaticDim len = vt->shape().back();
  StaticDim side = len ? StaticDim(*len + std::abs(a_.offset)) : std::nullopt;
  int j = 0;
  for (int d = 0; d < nd; ++d) out[d] = (d == a1 || d == a2) ? side : vt->shape()[j++];
  return build(std::move(inputs), {vt->with_shape(std::move(out))});
}

void AllocDiagOp::perform(const Apply&, InputRefs inputs, OutputRefs outputs) const {
  const NDArray& v = inputs[0].array();
  int nd = v.ndim() + 1;
  auto [a1, a2] = resolve(a_, nd, display());
  Shape shape;
  if (inputs.size() == 2) {
    shape = vector_values(inputs[1]);
  } else {
    std::int64_t side = v.dim(v.ndim() - 1) + std::abs(a_.offset);
    int j = 0;
    for (int d = 0; d < nd; ++d) shape.push_back((d == a1 || d == a2) ? side : v.dim(j++));
  }
  NDArray out = NDArray::zeros(v.dtype(), shape);
  NDArray diag = diagonal_view(out, a_);
  if (diag.shape() != v.shape()) {
    throw ValueError(display() + ": the diagonal of an output of shape " + shape_str(shape) +
                     " has shape " + shape_str(diag.shape()) + ", but the input has shape " +
                     shape_str(v.shape()));
  }
  diag.assign(v);
  outputs[0] = std::move(out);
}

std::optional<std::vector<ShapeVars>> AllocDiagOp::infer_shape(
    const Apply& node, const std::vector<ShapeVars>& in) const {
  if (node.nin() == 2) {
    auto e = symbolic_entries(node.input(1));
    if (!e) return std::nullopt;
    return std::vector<ShapeVars>{*e};
  }
  const ShapeVars& s = in[0];
  int nd = static_cast<int>(s.size()) + 1;
  auto [a1, a2] = resolve(a_, nd, display());
  Var side = as_int64(T::add(s.back(), std::abs(a_.offset)));
  ShapeVars out;
  int j = 0;
  for (int d = 0; d < nd; ++d) out.push_back((d == a1 || d == a2) ? side : s[j++]);
  return std::vector<ShapeVars>{out};
}

std::vector<std::vector<bool>> AllocDiagOp::connection_pattern(const Apply& node) const {
  std::vector<std::vector<bool>> p{{true}};
  if (node.nin() == 2) p.push_back({false});
  return p;
}

std::vector<Var> AllocDiagOp::L_op(const Apply& node, const std::vector<Var>& grads) const {
  const Var& v = node.input(0);
  std::vector<Var> out;
  if (is_discrete(as_tensor_type(v->type())->dtype())) {
    out.push_back(zero_grad_like(v));
  } else {
    out.push_back(cast_like(std::make_shared<ExtractDiagOp>(a_)->apply1({grads[0]}), v));
  }
  if (node.nin() == 2) out.push_back(disconnected());
  return out;
}

std::vector<Var> AllocDiagOp::R_op(const Apply& node, const std::vector<Var>& evs) const {
  if (!evs[0]) return {nullptr};
  std::vector<Var> in = node.inputs();
  in[0] = evs[0];
  return {apply1(std::move(in))};
}

}  // namespace theano::tensor_ops
