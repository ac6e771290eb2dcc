// Helpers that build the C expressions scalar ops hand to the JIT backends,
// and the support code (helper functions) those expressions rely on.
#pragma once

#include <string>
#include <vector>

#include "basic_op.h"

namespace theano::elemwise::cexpr {

/// "(a + b + c)". Empty for complex loops (the JITs do not handle them).
CExprRule infix(std::string op);
/// "(-a)", "(~a)".
CExprRule prefix(std::string op);
/// "expf(a)" / "exp(a)": a C math function on float loops only.
CExprRule math(std::string stem);
/// "theano_mod(a, b)": a helper from support_code(), for real loops.
CExprRule helper(std::string name);
/// A fixed pattern with $0, $1, ... for the arguments and $T for the C type
/// of the loop's first input dtype; real loops only.
CExprRule pattern(std::string text);

/// Helper functions shared by every built-in scalar op's expressions
/// (floor division, Python modulo, integer power, sign, NaN-propagating
/// maximum/minimum, digamma, erfinv, ...), for C++ or CUDA.
const std::string& support_code();

}  // namespace theano::elemwise::cexpr
