// Registration of the ops of structure/ (filled in as they land).
#include "../registration.h"

namespace theano::tensor_ops {

void register_structure(Registrar&) {}

}  // namespace theano::tensor_ops
