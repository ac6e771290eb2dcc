// Searchsorted, Bincount and Unique (see counting.h).
#include "counting.h"

#include <algorithm>
#include <cstring>
#include <numeric>

#include "along_axis.h"
#include "theano/tensor.h"

namespace theano::tensor_ops::extra {

namespace {

std::shared_ptr<const TensorType> int_vector_input(const Op& op, const std::vector<Var>& inputs,
                                                   int i, const std::string& what) {
  auto tt = tensor_input(op, inputs, i);
  if (tt->ndim() != 1 || !is_int(tt->dtype())) throw_input_type_error(op, i, what, tt);
  return tt;
}

/// a[sorter] for a vector `a`; throws IndexError for an entry out of range.
NDArray take_values(const Op& op, const NDArray& a, const NDArray& sorter) {
  NDArray c = a.ascontiguous();
  std::vector<std::int64_t> idx = sorter.to_vector<std::int64_t>();
  NDArray out = NDArray::empty(c.dtype(), c.shape());
  std::size_t item = c.itemsize();
  const auto* src = static_cast<const char*>(c.raw_data());
  auto* dst = static_cast<char*>(out.raw_data());
  for (std::size_t i = 0; i < idx.size(); ++i) {
    if (idx[i] < 0 || idx[i] >= c.size()) {
      throw IndexError(op.display() + ": sorter entry " + std::to_string(idx[i]) +
                       " is out of bounds for " + std::to_string(c.size()) + " values");
    }
    std::memcpy(dst + i * item, src + idx[i] * item, item);
  }
  return out;
}

}  // namespace

// --- Searchsorted --------------------------------------------------------------------

SearchsortedOp::SearchsortedOp(std::string side) : side_(std::move(side)) {
  if (side_ != "left" && side_ != "right")
    throw ValueError("Searchsorted: side must be 'left' or 'right', got '" + side_ + "'");
}

OpPtr SearchsortedOp::from_props(const Props& p) {
  return std::make_shared<SearchsortedOp>(p.contains("side") ? p.get_as<std::string>("side")
                                                             : std::string("left"));
}

ApplyPtr SearchsortedOp::make_node(std::vector<Var> inputs) const {
  expect_arity(*this, inputs, 2, 3);
  auto a = tensor_input(*this, inputs, 0);
  if (a->ndim() != 1) throw_input_type_error(*this, 0, "a sorted vector", a);
  auto v = tensor_input(*this, inputs, 1);
  require_ordered(*this, a->dtype(), 0);
  require_ordered(*this, v->dtype(), 1);
  if (inputs.size() == 3) int_vector_input(*this, inputs, 2, "an integer vector (sorter)");
  return build(std::move(inputs), {TensorType::make(DType::Int64, v->shape(), v->device())});
}

void SearchsortedOp::perform(const Apply&, InputRefs inputs, OutputRefs outputs) const {
  NDArray a = inputs[0].array();
  const NDArray& v_in = inputs[1].array();
  DType work = promote_types(a.dtype(), v_in.dtype());
  if (work == DType::Float16) work = DType::Float32;
  if (inputs.size() == 3) {
    const NDArray& sorter = inputs[2].array();
    if (sorter.size() != a.size()) {
      throw ValueError(display() + ": sorter has " + std::to_string(sorter.size()) +
                       " entries for a sorted array of " + std::to_string(a.size()));
    }
    a = take_values(*this, a, sorter);
  }
  NDArray sorted = a.astype(work).ascontiguous();
  NDArray v = v_in.astype(work).ascontiguous();
  NDArray out = NDArray::empty(DType::Int64, v.shape());
  std::int64_t* o = out.data<std::int64_t>();
  bool left = side_ == "left";
  visit_ordered(*this, work, [&](auto tag) {
    using V = typename decltype(tag)::type;
    const V* first = sorted.data<V>();
    const V* last = first + sorted.size();
    const V* q = v.data<V>();
    for_each_lane(Lanes{1, 1, v.size()}, [&](std::int64_t i) {
      const V* at = left ? std::lower_bound(first, last, q[i], less_nan_last<V>)
                         : std::upper_bound(first, last, q[i], less_nan_last<V>);
      o[i] = at - first;
    });
  });
  outputs[0] = out;
}

std::optional<std::vector<ShapeVars>> SearchsortedOp::infer_shape(
    const Apply&, const std::vector<ShapeVars>& input_shapes) const {
  return std::vector<ShapeVars>{input_shapes[1]};
}

std::vector<Var> SearchsortedOp::L_op(const Apply& node, const std::vector<Var>&) const {
  std::vector<Var> grads{zeros_like(node.input(0)), zeros_like(node.input(1))};
  if (node.nin() == 3) grads.push_back(disconnected());
  return grads;
}

std::vector<std::vector<bool>> SearchsortedOp::connection_pattern(const Apply& node) const {
  std::vector<std::vector<bool>> p{{true}, {true}};
  if (node.nin() == 3) p.push_back({false});
  return p;
}

// --- Bincount ------------------------------------------------------------------------

BincountOp::BincountOp(std::int64_t minlength) : minlength_(minlength) {
  if (minlength_ < 0)
    throw ValueError("Bincount: minlength must be non-negative, got " + std::to_string(minlength));
}

OpPtr BincountOp::from_props(const Props& p) {
  return std::make_shared<BincountOp>(p.contains("minlength") ? p.get_as<std::int64_t>("minlength")
                                                              : 0);
}

ApplyPtr BincountOp::make_node(std::vector<Var> inputs) const {
  expect_arity(*this, inputs, 1, 2);
  auto x = int_vector_input(*this, inputs, 0, "a vector of non-negative integers");
  DType dtype = DType::Int64;
  if (inputs.size() == 2) {
    auto w = tensor_input(*this, inputs, 1);
    if (w->ndim() != 1 || is_complex(w->dtype()))
      throw_input_type_error(*this, 1, "a real vector", w);
    dtype = is_discrete(w->dtype()) ? DType::Float64 : w->dtype();
  }
  return build(std::move(inputs), {TensorType::make(dtype, 1, x->device())});
}

void BincountOp::perform(const Apply& node, InputRefs inputs, OutputRefs outputs) const {
  std::vector<std::int64_t> x = inputs[0].array().to_vector<std::int64_t>();
  std::int64_t length = minlength_;
  for (std::int64_t v : x) {
    if (v < 0) {
      throw ValueError(display() + ": the input must be non-negative, found " + std::to_string(v));
    }
    length = std::max(length, v + 1);
  }
  DType dtype = as_tensor_type(node.out(0)->type())->dtype();
  if (inputs.size() == 1) {
    std::vector<std::int64_t> counts(static_cast<std::size_t>(length), 0);
    for (std::int64_t v : x) ++counts[v];
    outputs[0] = NDArray::from_vector(counts);
    return;
  }
  std::vector<double> w = inputs[1].array().to_vector<double>();
  if (w.size() != x.size()) {
    throw ValueError(display() + ": " + std::to_string(w.size()) + " weights for " +
                     std::to_string(x.size()) + " values");
  }
  std::vector<double> sums(static_cast<std::size_t>(length), 0.0);
  for (std::size_t i = 0; i < x.size(); ++i) sums[x[i]] += w[i];
  outputs[0] = NDArray::from_vector(sums).astype(dtype);
}

std::vector<Var> BincountOp::L_op(const Apply& node, const std::vector<Var>& g) const {
  if (node.nin() == 1) return {disconnected()};
  if (!has_grad(g[0])) return {disconnected(), disconnected()};
  return {disconnected(), take_along_axis(g[0], node.input(0), 0)};
}

std::vector<std::vector<bool>> BincountOp::connection_pattern(const Apply& node) const {
  if (node.nin() == 1) return {{false}};
  return {{false}, {true}};
}

// --- Unique --------------------------------------------------------------------------

OpPtr UniqueOp::from_props(const Props& p) {
  auto flag = [&](const char* key) { return p.contains(key) && p.get_as<bool>(key); };
  return std::make_shared<UniqueOp>(flag("return_index"), flag("return_inverse"),
                                    flag("return_counts"));
}

Props UniqueOp::props() const {
  return Props{{"return_index", index_}, {"return_inverse", inverse_}, {"return_counts", counts_}};
}

ApplyPtr UniqueOp::make_node(std::vector<Var> inputs) const {
  expect_arity(*this, inputs, 1, 1);
  auto x = tensor_input(*this, inputs, 0);
  require_ordered(*this, x->dtype(), 0);
  std::vector<TypePtr> outs{TensorType::make(x->dtype(), 1, x->device())};
  if (index_) outs.push_back(TensorType::make(DType::Int64, 1, x->device()));
  if (inverse_) outs.push_back(TensorType::make(DType::Int64, flat_shape(*x), x->device()));
  if (counts_) outs.push_back(TensorType::make(DType::Int64, 1, x->device()));
  return build(std::move(inputs), std::move(outs));
}

void UniqueOp::perform(const Apply&, InputRefs inputs, OutputRefs outputs) const {
  const NDArray& x = inputs[0].array();
  LaneInput in = lane_input(*this, x, std::nullopt);
  std::int64_t n = in.data.size();
  std::vector<std::int64_t> first, inverse(static_cast<std::size_t>(n)), counts;
  NDArray values;
  visit_ordered(*this, in.data.dtype(), [&](auto tag) {
    using V = typename decltype(tag)::type;
    const V* p = in.data.data<V>();
    std::vector<std::int64_t> perm(static_cast<std::size_t>(n));
    std::iota(perm.begin(), perm.end(), 0);
    std::stable_sort(perm.begin(), perm.end(),
                     [&](std::int64_t a, std::int64_t b) { return less_nan_last(p[a], p[b]); });
    std::vector<V> uniq;
    for (std::int64_t i = 0; i < n; ++i) {
      V v = p[perm[i]];
      if (uniq.empty() || !same_nan_equal<V>(uniq.back(), v)) {
        uniq.push_back(v);
        first.push_back(perm[i]);
        counts.push_back(0);
      }
      ++counts.back();
      inverse[perm[i]] = static_cast<std::int64_t>(uniq.size()) - 1;
    }
    values = NDArray::from_vector(uniq);
  });
  int o = 0;
  outputs[o++] = values.dtype() == x.dtype() ? values : values.astype(x.dtype());
  if (index_) outputs[o++] = NDArray::from_vector(first);
  if (inverse_) outputs[o++] = NDArray::from_vector(inverse);
  if (counts_) outputs[o++] = NDArray::from_vector(counts);
}

std::optional<std::vector<ShapeVars>> UniqueOp::infer_shape(const Apply&,
                                                            const std::vector<ShapeVars>&) const {
  return std::nullopt;  // the number of distinct values is known only at run time
}

std::vector<Var> UniqueOp::L_op(const Apply&, const std::vector<Var>&) const {
  return {grad_undefined(0, "Unique has no gradient")};
}

}  // namespace theano::tensor_ops::extra
