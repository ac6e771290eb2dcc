// Registration of the ops of subtensor/ (filled in as they land).
#include "../registration.h"

namespace theano::tensor_ops {

void register_indexing(Registrar&) {}

}  // namespace theano::tensor_ops
