// Registration of the ops of extra/ (filled in as they land).
#include "../registration.h"

namespace theano::tensor_ops {

void register_extra(Registrar&) {}

}  // namespace theano::tensor_ops
