// C expressions for the JIT backends.
#include "cexpr.h"

namespace theano::elemwise {

std::string ctype(DType d) {
  switch (d) {
    case DType::Bool:
      return "bool";
    case DType::Int8:
      return "int8_t";
    case DType::Int16:
      return "int16_t";
    case DType::Int32:
      return "int32_t";
    case DType::Int64:
      return "int64_t";
    case DType::UInt8:
      return "uint8_t";
    case DType::UInt16:
      return "uint16_t";
    case DType::UInt32:
      return "uint32_t";
    case DType::UInt64:
      return "uint64_t";
    case DType::Float16:
      return "theano_half";
    case DType::Float32:
      return "float";
    case DType::Float64:
      return "double";
    case DType::Complex64:
      return "theano_complex64";
    case DType::Complex128:
      return "theano_complex128";
  }
  return "void";
}

std::string cfn(const LoopSignature& sig, const std::string& stem) {
  return sig.in.empty() || sig.in[0] != DType::Float32 ? stem : stem + "f";
}

namespace cexpr {
namespace {

bool has_complex(const LoopSignature& sig) {
  for (DType d : sig.in)
    if (is_complex(d)) return true;
  for (DType d : sig.out)
    if (is_complex(d)) return true;
  return false;
}

std::string join(const std::vector<std::string>& args, const std::string& sep) {
  std::string s;
  for (std::size_t i = 0; i < args.size(); ++i) s += (i ? sep : "") + args[i];
  return s;
}

}  // namespace

CExprRule infix(std::string op) {
  return [op](const LoopSignature& sig, const std::vector<std::string>& args) -> std::string {
    if (has_complex(sig)) return {};
    return "(" + join(args, " " + op + " ") + ")";
  };
}

CExprRule prefix(std::string op) {
  return [op](const LoopSignature& sig, const std::vector<std::string>& args) -> std::string {
    if (has_complex(sig)) return {};
    return "(" + op + args[0] + ")";
  };
}

CExprRule math(std::string stem) {
  return [stem](const LoopSignature& sig, const std::vector<std::string>& args) -> std::string {
    if (!is_float(sig.in[0])) return {};
    return cfn(sig, stem) + "(" + join(args, ", ") + ")";
  };
}

CExprRule helper(std::string name) {
  return [name](const LoopSignature& sig, const std::vector<std::string>& args) -> std::string {
    if (has_complex(sig)) return {};
    return name + "(" + join(args, ", ") + ")";
  };
}

CExprRule pattern(std::string text) {
  return [text](const LoopSignature& sig, const std::vector<std::string>& args) -> std::string {
    if (has_complex(sig)) return {};
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '$' && i + 1 < text.size() && text[i + 1] == 'T') {
        out += ctype(sig.in[0]);
        ++i;
      } else if (text[i] == '$' && i + 1 < text.size() && text[i + 1] >= '0' &&
                 text[i + 1] <= '9') {
        out += args.at(static_cast<std::size_t>(text[i + 1] - '0'));
        ++i;
      } else {
        out += text[i];
      }
    }
    return out;
  };
}

}  // namespace cexpr
}  // namespace theano::elemwise
