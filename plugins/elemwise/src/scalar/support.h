// The support functions of support_code.inc compiled for the host, in
// namespace theano::elemwise::support (theano_psi, theano_erfinv, ...).
#pragma once

#include <cmath>
#include <cstdint>

namespace theano::elemwise::support {
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wtype-limits"
#pragma GCC diagnostic ignored "-Wbool-compare"
#define THEANO_SCALAR_FN inline
#include "support_code.inc"
#undef THEANO_SCALAR_FN
#pragma GCC diagnostic pop
}  // namespace theano::elemwise::support
