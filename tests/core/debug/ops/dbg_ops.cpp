// The dishonest test ops' make_node, perform and infer_shape.
#include <cmath>

#include "dbg_ops_impl.h"

namespace dbg {

namespace {

double negate(double v) {
  return -v;
}
double twice_of(double v) {
  return 2 * v;
}
double thrice_of(double v) {
  return 3 * v;
}
double quintuple_of(double v) {
  return 5 * v;
}
double log_of(double v) {
  return std::log(v);
}
double identity(double v) {
  return v;
}

template <class T>
void negate_into(const NDArray& x, T* dst) {
  NDArray c = x.ascontiguous();
  const T* src = c.data<T>();
  for (std::int64_t i = 0; i < c.size(); ++i) dst[i] = -src[i];
}

// -x written into the output cell's buffer whenever the shape fits, as if
// that buffer were contiguous (the bug DebugMode's strided buffers catch).
void trusting_negate(const NDArray& x, Value& cell) {
  bool reuse =
      cell.is_array() && cell.array().shape() == x.shape() && cell.array().dtype() == x.dtype();
  NDArray out = reuse ? cell.array() : NDArray::empty(x.dtype(), x.shape());
  if (x.dtype() == DType::Float32)
    negate_into(x, static_cast<float*>(out.raw_data()));
  else
    negate_into(x, static_cast<double*>(out.raw_data()));
  cell = out;
}

}  // namespace

NDArray map_elements(const NDArray& x, double (*f)(double)) {
  std::vector<double> v = x.to_vector<double>();
  for (double& e : v) e = f(e);
  return NDArray::from_vector(v, x.shape()).astype(x.dtype());
}

std::string DbgOp::name() const {
  static const std::pair<const char*, const char*> names[] = {
      {"writes_input", "DbgWritesInput"},
      {"undeclared_view", "DbgUndeclaredView"},
      {"lying_shape", "DbgLyingShape"},
      {"bad_kernel", "DbgBadKernel"},
      {"trusts_buffer", "DbgTrustsBuffer"},
      {"log", "DbgLog"},
      {"twice", "DbgTwice"},
      {"thrice", "DbgThrice"},
      {"quintuple", "DbgQuintuple"},
      {"huge", "DbgHuge"}};
  for (const auto& [kind, name] : names)
    if (kind_ == kind) return name;
  return "DbgUnknown";
}

ApplyPtr DbgOp::make_node(std::vector<Var> inputs) const {
  if (inputs.size() != 1) throw ValueError(name() + " takes one input");
  auto t = as_tensor_type(inputs[0]->type());
  if (!t || !is_float(t->dtype()))
    throw_input_type_error(*this, 0, "a float tensor", inputs[0]->type());
  TypePtr type = t;
  return build(std::move(inputs), {type});
}

void DbgOp::perform(const Apply&, InputRefs in, OutputRefs out) const {
  const NDArray& x = in[0].array();
  if (kind_ == "writes_input") {
    out[0] = map_elements(x, negate);
    NDArray target = x;  // the bug: overwrite the input, undeclared
    target.view(Shape{}, Strides{}, x.offset()).assign(NDArray::scalar<double>(42));
  } else if (kind_ == "undeclared_view") {
    out[0] = in[0];
  } else if (kind_ == "lying_shape") {
    out[0] = map_elements(x, identity);
  } else if (kind_ == "bad_kernel") {
    out[0] = map_elements(x, negate);
  } else if (kind_ == "trusts_buffer") {
    trusting_negate(x, out[0]);
  } else if (kind_ == "log") {
    out[0] = map_elements(x, log_of);
  } else if (kind_ == "twice") {
    out[0] = map_elements(x, twice_of);
  } else if (kind_ == "thrice") {
    out[0] = map_elements(x, thrice_of);
  } else if (kind_ == "quintuple") {
    out[0] = map_elements(x, quintuple_of);
  } else if (kind_ == "huge") {
    out[0] = NDArray::empty(x.dtype(), Shape{std::int64_t{1} << 60});
  }
}

std::optional<std::vector<ShapeVars>> DbgOp::infer_shape(
    const Apply&, const std::vector<ShapeVars>& shapes) const {
  if (kind_ == "huge") return std::nullopt;
  if (kind_ != "lying_shape") return std::vector<ShapeVars>{shapes.at(0)};
  ShapeVars lie;
  auto int64 = TensorType::make(DType::Int64, 0);
  for (std::size_t d = 0; d < shapes.at(0).size(); ++d)
    lie.push_back(Constant::make(int64, Value(NDArray::scalar<std::int64_t>(7))));
  return std::vector<ShapeVars>{lie};
}

}  // namespace dbg
