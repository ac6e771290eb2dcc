// Output-dtype rules and loop signatures of scalar ops.
#include "type_rules.h"

#include "kernels.h"
#include "theano/core/errors.h"

namespace theano::elemwise {

std::string dtype_list_str(const std::vector<DType>& dtypes) {
  std::string s = "(";
  for (std::size_t i = 0; i < dtypes.size(); ++i) {
    s += (i ? ", " : "") + std::string(dtype_name(dtypes[i]));
  }
  return s + ")";
}

void throw_no_loop(const std::string& op, const LoopSignature& sig) {
  throw TypeError("scalar op " + op + " has no kernel for inputs " + dtype_list_str(sig.in) +
                  " -> " + dtype_list_str(sig.out));
}

DType upcast(const std::vector<DType>& dtypes) {
  if (dtypes.empty()) throw ValueError("upcast of no dtypes");
  DType r = dtypes[0];
  for (std::size_t i = 1; i < dtypes.size(); ++i) r = promote_types(r, dtypes[i]);
  return r;
}

DType upgrade_to_float(DType d) {
  switch (d) {
    case DType::Bool:
    case DType::Int8:
    case DType::Int16:
    case DType::UInt8:
    case DType::UInt16:
      return DType::Float32;
    case DType::Int32:
    case DType::Int64:
    case DType::UInt32:
    case DType::UInt64:
      return DType::Float64;
    default:
      return d;
  }
}

namespace {

[[noreturn]] void refuse(const std::string& op, const std::vector<DType>& in,
                         const std::string& why) {
  throw TypeError("scalar op " + op + " does not accept inputs of dtypes " + dtype_list_str(in) +
                  ": " + why);
}

void check_no_complex(const std::string& op, const std::vector<DType>& in) {
  for (DType d : in) {
    if (is_complex(d)) refuse(op, in, "complex numbers are not supported");
  }
}

}  // namespace

DType apply_rule(OutRule rule, const std::string& op, const std::vector<DType>& in) {
  if (rule == OutRule::Switch) {
    if (in.size() != 3) throw TypeError("scalar op " + op + " takes 3 inputs");
    return upcast({in[1], in[2]});
  }
  DType up = upcast(in);
  switch (rule) {
    case OutRule::Upcast:
      return up;
    case OutRule::UpcastNoBool:
      for (DType d : in) {
        if (d == DType::Bool) refuse(op, in, "bool is not supported (use T::invert or T::xor_)");
      }
      return up;
    case OutRule::UpcastNoComplex:
      check_no_complex(op, in);
      return up;
    case OutRule::UpcastMin8:
      return up == DType::Bool ? DType::Int8 : up;
    case OutRule::UpcastMin8NoComplex:
      check_no_complex(op, in);
      return up == DType::Bool ? DType::Int8 : up;
    case OutRule::IntOrBool:
      for (DType d : in) {
        if (!is_discrete(d)) refuse(op, in, "only integers and bool are accepted");
      }
      return up;
    case OutRule::ToFloat:
      return upgrade_to_float(up);
    case OutRule::ToFloatNoComplex:
      check_no_complex(op, in);
      return upgrade_to_float(up);
    case OutRule::Compare:
      return DType::Bool;
    case OutRule::CompareNoComplex:
      check_no_complex(op, in);
      return DType::Bool;
    case OutRule::Magnitude:
      return real_dtype(up);
    case OutRule::RoundLike:
      check_no_complex(op, in);
      return up;
    case OutRule::Switch:
      break;
  }
  return up;
}

LoopSignature rule_signature(OutRule rule, const std::string& op, const std::vector<DType>& in) {
  DType out = apply_rule(rule, op, in);
  DType work = compute_dtype(out);
  if (rule == OutRule::Compare || rule == OutRule::CompareNoComplex || rule == OutRule::Magnitude) {
    work = compute_dtype(upcast(in));
  }
  LoopSignature sig;
  sig.in.assign(in.size(), work);
  if (rule == OutRule::Switch) sig.in[0] = DType::Bool;
  sig.out = {compute_dtype(out)};
  return sig;
}

}  // namespace theano::elemwise
