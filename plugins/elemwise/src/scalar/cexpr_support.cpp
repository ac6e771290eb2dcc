// The support code string of the built-in scalar ops (support_code.inc,
// embedded at configure time) and its host-compiled twin.
#include "cexpr.h"
#include "support_code_string.h"

namespace theano::elemwise::cexpr {

const std::string& support_code() {
  static const std::string code = kSupportCode;
  return code;
}

}  // namespace theano::elemwise::cexpr
