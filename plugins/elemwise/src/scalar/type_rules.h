// Output-dtype rules of scalar ops (Theano's output_types_preference
// functions) and the loop signature each implies: which dtype the kernel
// computes in (float16 is computed in float32, as NumPy does).
#pragma once

#include <string>
#include <vector>

#include "theano/core/dtype.h"
#include "theano/plugin_api/scalar_op.h"

namespace theano::elemwise {

/// NumPy's result_type over several dtypes.
DType upcast(const std::vector<DType>& dtypes);
/// bool/int8/int16/uint8/uint16 -> float32; wider integers -> float64;
/// floats and complex kept.
DType upgrade_to_float(DType d);
/// The dtype a kernel computes in for values of dtype `d`.
inline DType compute_dtype(DType d) {
  return d == DType::Float16 ? DType::Float32 : d;
}

/// How a scalar op derives its output dtype from its inputs'.
enum class OutRule {
  Upcast,               ///< NumPy promotion (add, mul, identity, ...)
  UpcastNoBool,         ///< promotion; bool refused (sub, neg)
  UpcastNoComplex,      ///< promotion; complex refused (maximum, mod, clip, ...)
  UpcastMin8,           ///< promotion with bool -> int8 (pow)
  UpcastMin8NoComplex,  ///< as UpcastMin8; complex refused (int_div, mod)
  IntOrBool,            ///< integers and bool only (bitwise ops)
  ToFloat,              ///< promotion, then upgrade_to_float (exp, true_div, ...)
  ToFloatNoComplex,     ///< as ToFloat; complex refused (erf, floor, arctan2, ...)
  Compare,              ///< bool output; inputs compared in their promotion (eq, neq)
  CompareNoComplex,     ///< as Compare; complex refused (lt, gt, le, ge)
  Magnitude,            ///< promotion; complex -> its real dtype (abs)
  RoundLike,            ///< promotion; complex refused; ints unchanged (round, sgn)
  Switch,               ///< (cond, a, b): promotion of a and b; cond read as bool
};

/// Output dtype of a single-output op following `rule`; throws TypeError
/// naming `op` and the refused dtype.
DType apply_rule(OutRule rule, const std::string& op, const std::vector<DType>& in);
/// The loop signature of a single-output op following `rule`.
LoopSignature rule_signature(OutRule rule, const std::string& op, const std::vector<DType>& in);

/// "float32" for error messages about lists of dtypes: "(int8, float32)".
std::string dtype_list_str(const std::vector<DType>& dtypes);

}  // namespace theano::elemwise
