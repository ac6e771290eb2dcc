// The scalar-op interface shared by every plugin that applies a function
// element by element: the elemwise plugin's Elemwise, Composite and CAReduce
// run any ScalarOp, whichever plugin registered it (nnet's sigmoid, say), and
// the CPU JIT and the CUDA backend ask it for a C expression per dtype to
// generate fused kernels. A scalar op is an Op on ScalarType variables
// (Composite's inner graphs are made of them) registered under the name
// "scalar.<scalar_name>"; Elemwise refers to it by scalar_name plus props.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "theano/core/op.h"

namespace theano {

/// The dtypes a scalar kernel reads and writes. Elemwise converts each input
/// to `in[i]` before the kernel reads it and converts the kernel's `out[k]`
/// to the node's output dtype after (float16 is computed in float32 this way).
struct LoopSignature {
  std::vector<DType> in;
  std::vector<DType> out;
  friend bool operator==(const LoopSignature&, const LoopSignature&) = default;
};

/// One kernel call over `n` elements. Input i is read at element
/// `k * in_step[i]` where in_step is 1 (contiguous) or 0 (the same value
/// broadcast); outputs are contiguous. Inputs and outputs may alias exactly
/// (in-place), never partially.
struct LoopArgs {
  std::int64_t n = 0;
  const void* const* in = nullptr;
  const std::int64_t* in_step = nullptr;
  void* const* out = nullptr;
};
/// A kernel bound to one LoopSignature. Safe to call from several threads.
using ScalarLoop = std::function<void(const LoopArgs&)>;

/// The contract every scalar op implements.
class __attribute__((visibility("default"))) ScalarOp : public Op {
 public:
  /// Short name shown by Elemwise ("add", "exp", "Composite").
  virtual std::string scalar_name() const = 0;
  /// Registry name: "scalar.<scalar_name>".
  std::string name() const override { return "scalar." + scalar_name(); }
  std::string display() const override {
    Props p = props();
    return p.empty() ? scalar_name() : scalar_name() + "{" + p.str() + "}";
  }
  /// Number of inputs, or -1 when variadic (at least one input).
  virtual int nin() const = 0;
  virtual int nout() const { return 1; }

  /// Output dtypes for these input dtypes; throws TypeError naming the op
  /// and the refused dtype (sub on bool, floor on complex, ...).
  virtual std::vector<DType> output_dtypes(const std::vector<DType>& in) const = 0;
  /// The dtypes the kernel works in for these input dtypes.
  virtual LoopSignature loop_signature(const std::vector<DType>& in) const = 0;
  /// The kernel for `sig` (one returned by loop_signature).
  virtual ScalarLoop make_loop(const LoopSignature& sig) const = 0;

  /// A C/C++ expression computing the (single) output from `args`, which
  /// name values of dtypes sig.in; the result is of dtype sig.out[0]. Uses
  /// the C math library names (expf for float32, exp for float64) and the
  /// helpers of c_support_code(). Empty when the op cannot be expressed so.
  virtual std::string c_expr(const LoopSignature& /*sig*/,
                             const std::vector<std::string>& /*args*/) const {
    return {};
  }
  /// Helper definitions c_expr relies on (inline functions), or empty.
  virtual std::string c_support_code() const { return {}; }

  /// Gradient as a tensor graph: `inputs` and `outputs` are the Elemwise
  /// node's (broadcast) tensors, `output_grads` the gradients of its outputs
  /// (null when disconnected). Returns one gradient per input shaped like
  /// the output (Elemwise sums over broadcast dims). Discrete inputs and
  /// outputs are handled by Elemwise; default: undefined.
  virtual std::vector<Var> grad(const std::vector<Var>& inputs, const std::vector<Var>& /*outputs*/,
                                const std::vector<Var>& /*output_grads*/) const {
    std::vector<Var> out;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
      out.push_back(grad_undefined(static_cast<int>(i), scalar_name() + " has no gradient"));
    }
    return out;
  }

  virtual bool commutative() const { return false; }
  virtual bool associative() const { return false; }
  /// Neutral element for reductions (0 for add, 1 for mul), if any.
  virtual std::optional<double> identity() const { return std::nullopt; }

  // --- the Op contract on ScalarType variables --------------------------------
  ApplyPtr make_node(std::vector<Var> inputs) const override {
    if (nin() >= 0 && static_cast<int>(inputs.size()) != nin()) {
      throw TypeError(display() + ": expected " + std::to_string(nin()) + " inputs, got " +
                      std::to_string(inputs.size()));
    }
    std::vector<DType> dtypes;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
      auto st = as_scalar_type(inputs[i]->type());
      if (!st)
        throw_input_type_error(*this, static_cast<int>(i), "a ScalarType", inputs[i]->type());
      dtypes.push_back(st->dtype());
    }
    std::vector<TypePtr> out;
    for (DType d : output_dtypes(dtypes)) out.push_back(ScalarType::make(d));
    return build(std::move(inputs), std::move(out));
  }

  void perform(const Apply& node, InputRefs inputs, OutputRefs outputs) const override {
    std::vector<DType> dtypes;
    for (std::size_t i = 0; i < inputs.size(); ++i) dtypes.push_back(inputs[i].array().dtype());
    LoopSignature sig = loop_signature(dtypes);
    std::vector<NDArray> ins, outs;
    std::vector<const void*> in_ptrs;
    std::vector<void*> out_ptrs;
    std::vector<std::int64_t> steps(inputs.size(), 1);
    for (std::size_t i = 0; i < inputs.size(); ++i) {
      ins.push_back(inputs[i].array().astype(sig.in[i]).ascontiguous());
      in_ptrs.push_back(ins.back().raw_data());
    }
    for (DType d : sig.out) {
      outs.push_back(NDArray::empty(d, {}));
      out_ptrs.push_back(outs.back().raw_data());
    }
    make_loop(sig)(LoopArgs{1, in_ptrs.data(), steps.data(), out_ptrs.data()});
    for (std::size_t k = 0; k < outputs.size(); ++k) {
      auto st = as_scalar_type(node.out(static_cast<int>(k))->type());
      outputs[k] = outs[k].astype(st ? st->dtype() : sig.out[k]);
    }
  }
};

}  // namespace theano
