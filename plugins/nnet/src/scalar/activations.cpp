// Activation scalar ops: kernels, C expressions and gradients. The sigmoid
// and softplus kernels are written so that no intermediate overflows:
// sigmoid uses exp(-|x|) on both sides of 0, softplus is
// max(x, 0) + log1p(exp(-|x|)). Contiguous runs of sigmoid and softplus
// take exp(-|x|) (and log1p) from the SLEEF vector tables.
#include "activations.h"

#include <algorithm>
#include <cmath>

#include "vecmath.h"

#include "theano/tensor.h"

namespace theano::nnet {

namespace T = theano::tensor;

namespace {

template <class F>
F sigmoid_k(F x) {
  if (x >= 0) return F(1) / (F(1) + std::exp(-x));
  F e = std::exp(x);
  return e / (F(1) + e);
}
template <class F>
F softplus_k(F x) {
  return std::fmax(x, F(0)) + std::log1p(std::exp(-std::fabs(x)));
}
template <class F>
F softsign_k(F x) {
  return x / (F(1) + std::fabs(x));
}
template <class F>
F ultra_fast_sigmoid_k(F x) {
  F t = std::fabs(x * F(0.5));
  F a = t < F(1.7) ? F(1.5) * t / (F(1) + t)
        : t < F(3) ? F(0.935409070603099) + F(0.0458812946797165) * (t - F(1.7))
                   : F(0.99505475368673);
  return F(0.5) * ((x < 0 ? -a : a) + F(1));
}

// The same functions for generated code, one overload per width.
constexpr const char* kSupport = R"(
#include <math.h>
static inline float theano_nnet_sigmoid(float x) {
  if (x >= 0) return 1.0f / (1.0f + expf(-x));
  float e = expf(x); return e / (1.0f + e);
}
static inline double theano_nnet_sigmoid(double x) {
  if (x >= 0) return 1.0 / (1.0 + exp(-x));
  double e = exp(x); return e / (1.0 + e);
}
static inline float theano_nnet_softplus(float x) { return fmaxf(x, 0.0f) + log1pf(expf(-fabsf(x))); }
static inline double theano_nnet_softplus(double x) { return fmax(x, 0.0) + log1p(exp(-fabs(x))); }
static inline float theano_nnet_ultra_fast_sigmoid(float x) {
  float t = fabsf(0.5f * x);
  float a = t < 1.7f ? 1.5f * t / (1.0f + t)
          : t < 3.0f ? 0.935409070603099f + 0.0458812946797165f * (t - 1.7f) : 0.99505475368673f;
  return 0.5f * ((x < 0 ? -a : a) + 1.0f);
}
static inline double theano_nnet_ultra_fast_sigmoid(double x) {
  double t = fabs(0.5 * x);
  double a = t < 1.7 ? 1.5 * t / (1.0 + t)
           : t < 3.0 ? 0.935409070603099 + 0.0458812946797165 * (t - 1.7) : 0.99505475368673;
  return 0.5 * ((x < 0 ? -a : a) + 1.0);
}
)";

template <class F>
ScalarLoop unary_loop(F (*fn)(F)) {
  return [fn](const LoopArgs& a) {
    const F* in = static_cast<const F*>(a.in[0]);
    F* out = static_cast<F*>(a.out[0]);
    if (a.in_step[0] == 0) {
      F v = fn(in[0]);
      for (std::int64_t k = 0; k < a.n; ++k) out[k] = v;
      return;
    }
    for (std::int64_t k = 0; k < a.n; ++k) out[k] = fn(in[k]);
  };
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (std::size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size()))
    s.replace(p, from.size(), to);
  return s;
}

}  // namespace

DType activation_dtype(DType d) {
  switch (d) {
    case DType::Bool:
    case DType::Int8:
    case DType::Int16:
    case DType::UInt8:
    case DType::UInt16:
      return DType::Float32;
    default:
      return is_float(d) ? d : DType::Float64;
  }
}

std::vector<DType> ActivationOp::output_dtypes(const std::vector<DType>& in) const {
  if (in.size() != 1 || is_complex(in[0])) {
    throw TypeError(scalar_name() + ": expected one real input, got " +
                    (in.empty() ? std::string("none") : std::string(dtype_name(in[0]))));
  }
  return {activation_dtype(in[0])};
}

LoopSignature ActivationOp::loop_signature(const std::vector<DType>& in) const {
  DType out = output_dtypes(in)[0];
  DType work = out == DType::Float64 ? DType::Float64 : DType::Float32;
  return LoopSignature{{work}, {work}};
}

namespace {

namespace vm = elemwise::vecmath;

template <class F>
auto vector_fn(vm::Fn f) {
  if constexpr (sizeof(F) == 4) {
    return vm::unary_f32(f);
  } else {
    return vm::unary_f64(f);
  }
}

/// sigmoid (or softplus) over blocks: e = exp(-|x|) vectorised into a stack
/// buffer, then the branch-free combination. In-place safe (out[k] depends
/// on in[k] only). Null when the CPU has no vector table.
template <class F>
ScalarLoop vector_loop(bool softplus, F (*scalar)(F)) {
  auto vexp = vector_fn<F>(vm::Fn::Exp);
  auto vlog1p = vector_fn<F>(vm::Fn::Log1p);
  if (!vexp || !vlog1p) return nullptr;
  return [=](const LoopArgs& a) {
    const F* in = static_cast<const F*>(a.in[0]);
    F* out = static_cast<F*>(a.out[0]);
    if (a.in_step[0] == 0) {
      F v = scalar(in[0]);
      for (std::int64_t k = 0; k < a.n; ++k) out[k] = v;
      return;
    }
    constexpr std::int64_t kBlock = 256;
    F e[kBlock];
    for (std::int64_t k0 = 0; k0 < a.n; k0 += kBlock) {
      const std::int64_t n = std::min(kBlock, a.n - k0);
      for (std::int64_t j = 0; j < n; ++j) e[j] = -std::fabs(in[k0 + j]);
      vexp(e, e, n);
      if (softplus) {
        vlog1p(e, e, n);
        for (std::int64_t j = 0; j < n; ++j) out[k0 + j] = std::fmax(in[k0 + j], F(0)) + e[j];
      } else {
        for (std::int64_t j = 0; j < n; ++j) {
          F r = F(1) / (F(1) + e[j]);
          out[k0 + j] = in[k0 + j] >= 0 ? r : e[j] * r;
        }
      }
    }
  };
}

}  // namespace

ScalarLoop ActivationOp::make_loop(const LoopSignature& sig) const {
  if (sig.in.size() != 1 || sig.out.size() != 1 || sig.in[0] != sig.out[0])
    throw TypeError(scalar_name() + ": unsupported loop signature");
  if (spec_.name == "sigmoid" || spec_.name == "softplus") {
    bool softplus = spec_.name == "softplus";
    ScalarLoop v = sig.in[0] == DType::Float32   ? vector_loop<float>(softplus, spec_.f32)
                   : sig.in[0] == DType::Float64 ? vector_loop<double>(softplus, spec_.f64)
                                                 : nullptr;
    if (v) return v;
  }
  if (sig.in[0] == DType::Float32) return unary_loop<float>(spec_.f32);
  if (sig.in[0] == DType::Float64) return unary_loop<double>(spec_.f64);
  throw TypeError(scalar_name() + ": no kernel for " + std::string(dtype_name(sig.in[0])) +
                  " (float32 or float64 expected)");
}

std::string ActivationOp::c_expr(const LoopSignature& sig,
                                 const std::vector<std::string>& args) const {
  if (args.size() != 1 || sig.in.empty()) return {};
  bool single = sig.in[0] == DType::Float32;
  std::string e = replace_all(spec_.c_template, "$0", "(" + args[0] + ")");
  e = replace_all(e, "$F", single ? "f" : "");
  return replace_all(e, "$T", single ? "float" : "double");
}

std::string ActivationOp::c_support_code() const {
  return kSupport;
}

std::vector<Var> ActivationOp::grad(const std::vector<Var>& inputs, const std::vector<Var>& outputs,
                                    const std::vector<Var>& output_grads) const {
  if (!spec_.grad) return ScalarOp::grad(inputs, outputs, output_grads);
  return {spec_.grad(inputs[0], outputs[0], output_grads[0])};
}

std::vector<std::shared_ptr<const ActivationOp>> activation_ops() {
  using V = const Var&;
  std::vector<ActivationSpec> specs{
      {"sigmoid", "logistic function 1 / (1 + exp(-x))", &sigmoid_k<float>, &sigmoid_k<double>,
       "theano_nnet_sigmoid(($T)$0)",
       [](V, V out, V gz) -> Var { return T::TensorVar(gz) * out * (1 - T::TensorVar(out)); }},
      {"softplus", "log(1 + exp(x)), without overflow", &softplus_k<float>, &softplus_k<double>,
       "theano_nnet_softplus(($T)$0)",
       [](V x, V, V gz) -> Var { return T::TensorVar(gz) * T::nnet::sigmoid(x); }},
      {"softsign", "x / (1 + |x|)", &softsign_k<float>, &softsign_k<double>,
       "(($T)$0 / (($T)1 + fabs$F(($T)$0)))",
       [](V x, V, V gz) -> Var { return T::TensorVar(gz) / T::sqr(1 + T::abs(x)); }},
      {"ultra_fast_sigmoid",
       "piecewise-rational approximation of sigmoid (max abs error about 0.02; no gradient)",
       &ultra_fast_sigmoid_k<float>, &ultra_fast_sigmoid_k<double>,
       "theano_nnet_ultra_fast_sigmoid(($T)$0)", nullptr},
  };
  std::vector<std::shared_ptr<const ActivationOp>> ops;
  for (auto& s : specs) ops.push_back(std::make_shared<ActivationOp>(std::move(s)));
  return ops;
}

}  // namespace theano::nnet
