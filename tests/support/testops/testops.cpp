// The test ops' make_node, perform and gradients.
#include <cmath>

#include "testops/testops_impl.h"

namespace testops {

namespace {

std::shared_ptr<const TensorType> float_tensor(const Op& op, const Var& v, int i) {
  auto t = as_tensor_type(v->type());
  if (!t || !is_float(t->dtype())) throw_input_type_error(op, i, "a float tensor", v->type());
  return t;
}

// An output buffer: the previous call's one when it fits and may be reused.
NDArray output_like(Value& cell, const NDArray& like) {
  if (cell.is_array()) {
    const NDArray& old = cell.array();
    if (old.shape() == like.shape() && old.dtype() == like.dtype() && old.is_c_contiguous() &&
        !old.may_share_memory(like)) {
      return old;
    }
  }
  return NDArray::empty(like.dtype(), like.shape());
}

template <class Fn>
void binary_loop(const NDArray& a, const NDArray& b, NDArray& out, Fn fn) {
  NDArray ca = a.ascontiguous(), cb = b.ascontiguous();
  visit_dtype(a.dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    if constexpr (std::is_floating_point_v<T>) {
      const T* x = ca.data<T>();
      const T* y = cb.data<T>();
      T* z = out.data<T>();
      for (std::int64_t i = 0; i < out.size(); ++i) z[i] = fn(x[i], y[i]);
    }
  });
}

}  // namespace

ApplyPtr BinaryOp::make_node(std::vector<Var> inputs) const {
  if (inputs.size() != 2) throw ValueError(display() + " takes 2 inputs");
  auto a = float_tensor(*this, inputs[0], 0);
  auto b = float_tensor(*this, inputs[1], 1);
  if (a->dtype() != b->dtype() || a->ndim() != b->ndim()) throw_input_type_error(*this, 1, a->str(), b);
  return build(std::move(inputs), {a});
}

void BinaryOp::perform(const Apply&, InputRefs in, OutputRefs out) const {
  const NDArray& a = in[0].array();
  const NDArray& b = in[1].array();
  if (a.shape() != b.shape()) {
    throw ValueError("shape mismatch: " + shape_str(a.shape()) + " vs " + shape_str(b.shape()));
  }
  NDArray z = inplace_ && a.is_c_contiguous() ? a : output_like(out[0], a);
  if (name_ == "TestAdd") binary_loop(a, b, z, [](auto x, auto y) { return x + y; });
  else binary_loop(a, b, z, [](auto x, auto y) { return x * y; });
  out[0] = z;
}

std::optional<std::vector<ShapeVars>> BinaryOp::infer_shape(const Apply&,
                                                            const std::vector<ShapeVars>& shapes) const {
  return std::vector<ShapeVars>{shapes[0]};
}

std::vector<Var> BinaryOp::L_op(const Apply& node, const std::vector<Var>& grads) const {
  const Var& g = grads[0];
  if (name_ == "TestAdd") return {g, g};
  return {mul(g, node.input(1)), mul(g, node.input(0))};
}

std::string UnaryOp::name() const {
  if (kind_ == "neg") return "TestNeg";
  if (kind_ == "sum") return "TestSum";
  if (kind_ == "view") return "TestView";
  if (kind_ == "fail") return "TestFailIfNegative";
  if (kind_ == "counter") return "TestCounter";
  return "TestToFakeDevice";
}

ApplyPtr UnaryOp::make_node(std::vector<Var> inputs) const {
  if (inputs.size() != 1) throw ValueError(display() + " takes 1 input");
  auto t = float_tensor(*this, inputs[0], 0);
  TypePtr out = t;
  if (kind_ == "sum") out = TensorType::make(t->dtype(), 0);
  if (kind_ == "to_fake") out = t->with_device(Device{"fakedev", 0});
  return build(std::move(inputs), {out});
}

void UnaryOp::perform(const Apply&, InputRefs in, OutputRefs out) const {
  const NDArray& a = in[0].array();
  if (kind_ == "view") {
    out[0] = a;
    return;
  }
  NDArray c = a.ascontiguous();
  visit_dtype(a.dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    if constexpr (std::is_floating_point_v<T>) {
      const T* x = c.data<T>();
      if (kind_ == "sum") {
        T s = 0;
        for (std::int64_t i = 0; i < c.size(); ++i) s += x[i];
        out[0] = NDArray::scalar<T>(s);
        return;
      }
      NDArray z = output_like(out[0], c);
      T* y = z.data<T>();
      for (std::int64_t i = 0; i < c.size(); ++i) {
        if (kind_ == "fail" && x[i] < 0) {
          throw ValueError("negative value " + std::to_string(static_cast<double>(x[i])) + " at element " +
                           std::to_string(i));
        }
        y[i] = kind_ == "neg" ? -x[i] : x[i];
      }
      out[0] = z;
    }
  });
  if (kind_ == "counter") ++counter_calls;
}

std::vector<Var> UnaryOp::L_op(const Apply& node, const std::vector<Var>& grads) const {
  if (kind_ == "neg") return {neg(grads[0])};
  if (kind_ == "sum") return {grad_undefined(0, "TestSum has no gradient")};
  (void)node;
  return {grads[0]};
}

ApplyPtr IfElseOp::make_node(std::vector<Var> inputs) const {
  if (inputs.size() != 3) throw ValueError("TestIfElse takes (cond, then, else)");
  if (!same_type(inputs[1]->type(), inputs[2]->type()))
    throw_input_type_error(*this, 2, inputs[1]->type()->str(), inputs[2]->type());
  TypePtr t = inputs[1]->type();
  return build(std::move(inputs), {t});
}

void IfElseOp::perform(const Apply&, InputRefs in, OutputRefs out) const {
  out[0] = in[0].array().item<double>() != 0 ? in[1] : in[2];
}

std::vector<int> IfElseOp::lazy_perform(const Apply&, InputRefs in, const std::vector<bool>& computed,
                                        OutputRefs out) const {
  if (!computed[0]) return {0};
  int branch = in[0].array().item<double>() != 0 ? 1 : 2;
  if (!computed[branch]) return {branch};
  out[0] = in[branch];
  return {};
}

}  // namespace testops
