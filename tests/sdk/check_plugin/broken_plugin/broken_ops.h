// The ops of the deliberately broken plugin "theano.test.broken", shared
// with the harness's own tests (tests/sdk/testing), which build them
// directly. Every op maps a float64 vector to one of the same type; each
// but GoodSquare breaks exactly one contract:
//   GoodSquare      x*x, correct everywhere (the control),
//   WrongGrad       x*x whose L_op forgets the factor 2,
//   WrongRop        x*x whose R_op forgets the factor 2 (L_op right),
//   WrongDtype      x*x whose perform returns float32 (declared float64),
//   BadThunk        x*x whose make_thunk computes x*x + 1,
//   LyingView       identity returning its input's buffer, view_map empty,
//   SecretWriter    2*x that also zeroes its input, destroy_map empty,
//   WrongShape      copy of x whose infer_shape says length 7,
//   LossyProps      copy of x whose props() names its label "tag", which
//                   from_props does not read back,
//   NoExamples      correct copy registered without example cases.
#pragma once

#include <algorithm>

#include "theano/core/op.h"
#include "theano/tensor.h"

namespace broken {

using namespace theano;
namespace T = theano::tensor;

/// Float64 vector -> float64 vector; subclasses say what they compute.
class VectorOp : public Op {
 public:
  explicit VectorOp(std::string name) : name_(std::move(name)) {}
  std::string name() const override { return name_; }
  ApplyPtr make_node(std::vector<Var> inputs) const override {
    auto t = as_tensor_type(inputs.at(0)->type());
    if (!t || t->dtype() != DType::Float64 || t->ndim() != 1)
      throw_input_type_error(*this, 0, "a float64 vector", inputs.at(0)->type());
    return build(std::move(inputs), {t});
  }
  std::optional<std::vector<ShapeVars>> infer_shape(
      const Apply&, const std::vector<ShapeVars>& shapes) const override {
    return std::vector<ShapeVars>{shapes.at(0)};
  }
  std::vector<Var> L_op(const Apply&, const std::vector<Var>& g) const override {
    return {g.at(0)};
  }
  std::vector<Var> R_op(const Apply&, const std::vector<Var>& v) const override {
    return {v.at(0)};
  }

 protected:
  /// A fresh array of f(x) for each element.
  template <class F>
  static NDArray map(const NDArray& x, F f) {
    std::vector<double> v = x.to_vector<double>();
    std::transform(v.begin(), v.end(), v.begin(), f);
    return NDArray::from_vector(v, x.shape());
  }

 private:
  std::string name_;
};

/// x*x with the factors of its derivatives as parameters (2 is right).
class Square : public VectorOp {
 public:
  Square(std::string name, double grad_factor, double rop_factor = 2.0)
      : VectorOp(std::move(name)), grad_factor_(grad_factor), rop_factor_(rop_factor) {}
  void perform(const Apply&, InputRefs in, OutputRefs out) const override {
    out[0] = map(in[0].array(), [](double x) { return x * x; });
  }
  std::vector<Var> L_op(const Apply& node, const std::vector<Var>& g) const override {
    return {T::mul(T::mul(g.at(0), node.input(0)), grad_factor_)};
  }
  std::vector<Var> R_op(const Apply& node, const std::vector<Var>& v) const override {
    return {T::mul(T::mul(v.at(0), node.input(0)), rop_factor_)};
  }

 private:
  double grad_factor_;
  double rop_factor_;
};

class WrongDtype : public Square {
 public:
  WrongDtype() : Square("WrongDtype", 2.0) {}
  void perform(const Apply& node, InputRefs in, OutputRefs out) const override {
    Square::perform(node, in, out);
    out[0] = out[0].array().astype(DType::Float32);
  }
};

class BadThunk : public Square {
 public:
  BadThunk() : Square("BadThunk", 2.0) {}
  std::optional<Thunk> make_thunk(const Apply&) const override {
    return Thunk([](InputRefs in, OutputRefs out) {
      out[0] = map(in[0].array(), [](double x) { return x * x + 1; });
    });
  }
};

class Copy : public VectorOp {
 public:
  using VectorOp::VectorOp;
  void perform(const Apply&, InputRefs in, OutputRefs out) const override {
    out[0] = in[0].array().copy();
  }
};

class LyingView : public VectorOp {
 public:
  LyingView() : VectorOp("LyingView") {}
  void perform(const Apply&, InputRefs in, OutputRefs out) const override {
    out[0] = in[0].array();  // the input's own buffer, not declared in view_map
  }
};

class SecretWriter : public VectorOp {
 public:
  SecretWriter() : VectorOp("SecretWriter") {}
  void perform(const Apply&, InputRefs in, OutputRefs out) const override {
    const NDArray& x = in[0].array();
    out[0] = map(x, [](double v) { return 2 * v; });
    double* data = x.data<double>();  // undeclared write into the input's buffer
    std::fill(data, data + x.size(), 0.0);
  }
  std::vector<Var> L_op(const Apply&, const std::vector<Var>& g) const override {
    return {T::mul(g.at(0), 2.0)};
  }
  std::vector<Var> R_op(const Apply&, const std::vector<Var>& v) const override {
    return {T::mul(v.at(0), 2.0)};
  }
};

class WrongShape : public Copy {
 public:
  WrongShape() : Copy("WrongShape") {}
  std::optional<std::vector<ShapeVars>> infer_shape(const Apply&,
                                                    const std::vector<ShapeVars>&) const override {
    Var seven =
        Constant::make(TensorType::make(DType::Int64, 0), Value(NDArray::scalar<std::int64_t>(7)));
    return std::vector<ShapeVars>{{seven}};
  }
};

class LossyProps : public Copy {
 public:
  explicit LossyProps(std::string label) : Copy("LossyProps"), label_(std::move(label)) {}
  /// Reflected under another key than from_props reads: the label is lost.
  Props props() const override { return Props{{"tag", label_}}; }

 private:
  std::string label_;
};

}  // namespace broken
