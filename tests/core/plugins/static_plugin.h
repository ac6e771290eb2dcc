// The statically linked test plugin "test.static" (one op, StaticOp).
#pragma once

#include "theano/plugin_api/descriptor.h"

namespace theano::test {
const theano_plugin_descriptor* static_test_plugin();
}
