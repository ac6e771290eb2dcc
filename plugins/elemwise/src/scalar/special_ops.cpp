// Cast and Second.
#include "special_ops.h"

#include <algorithm>
#include <cstring>

#include "basic_op.h"
#include "convert.h"

namespace theano::elemwise {

namespace {

// Replicates element 0 over n elements by doubling the filled prefix.
void fill_from_first(void* out, std::size_t itemsize, std::int64_t n) {
  char* o = static_cast<char*>(out);
  std::int64_t filled = 1;
  while (filled < n) {
    std::int64_t chunk = std::min(filled, n - filled);
    std::memcpy(o + filled * itemsize, o, static_cast<std::size_t>(chunk) * itemsize);
    filled += chunk;
  }
}

}  // namespace

std::vector<DType> CastOp::output_dtypes(const std::vector<DType>&) const {
  return {to_};
}

LoopSignature CastOp::loop_signature(const std::vector<DType>& in) const {
  return LoopSignature{{in.at(0)}, {to_}};
}

ScalarLoop CastOp::make_loop(const LoopSignature& sig) const {
  DType from = sig.in.at(0), to = sig.out.at(0);
  return [from, to](const LoopArgs& a) {
    if (a.in_step[0]) {
      convert_contiguous(a.in[0], from, a.out[0], to, a.n);
    } else if (a.n > 0) {
      convert_contiguous(a.in[0], from, a.out[0], to, 1);
      fill_from_first(a.out[0], itemsize(to), a.n);
    }
  };
}

std::string CastOp::c_expr(const LoopSignature& sig, const std::vector<std::string>& args) const {
  DType from = sig.in.at(0);
  auto plain = [](DType d) { return !is_complex(d) && d != DType::Float16; };
  if (!plain(from) || !plain(to_)) return {};
  if (to_ == DType::Bool) return "(" + args[0] + " != 0)";
  return "((" + ctype(to_) + ")" + args[0] + ")";
}

std::vector<Var> CastOp::grad(const std::vector<Var>& inputs, const std::vector<Var>&,
                              const std::vector<Var>& output_grads) const {
  T::TensorVar x = inputs.at(0), gz = output_grads.at(0);
  return {T::cast(gz, x.dtype())};
}

std::vector<DType> SecondOp::output_dtypes(const std::vector<DType>& in) const {
  return {in.at(1)};
}

LoopSignature SecondOp::loop_signature(const std::vector<DType>& in) const {
  DType d = compute_dtype(in.at(1));
  return LoopSignature{{in.at(0), d}, {d}};
}

ScalarLoop SecondOp::make_loop(const LoopSignature& sig) const {
  std::size_t size = itemsize(sig.out.at(0));
  return [size](const LoopArgs& a) {
    if (a.n <= 0) return;
    if (a.in_step[1]) {
      if (a.out[0] != a.in[1])
        std::memmove(a.out[0], a.in[1], size * static_cast<std::size_t>(a.n));
    } else {
      std::memcpy(a.out[0], a.in[1], size);
      fill_from_first(a.out[0], size, a.n);
    }
  };
}

std::string SecondOp::c_expr(const LoopSignature& sig, const std::vector<std::string>& args) const {
  if (is_complex(sig.out.at(0))) return {};
  return args.at(1);
}

std::vector<Var> SecondOp::grad(const std::vector<Var>&, const std::vector<Var>&,
                                const std::vector<Var>& output_grads) const {
  return {Variable::make(DisconnectedType::make()), output_grads.at(0)};
}

}  // namespace theano::elemwise
