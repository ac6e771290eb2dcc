// Bad test plugin: a descriptor whose struct_size is smaller than ABI 1.0 requires.
#include "theano/plugin_api/plugin.h"

namespace {
int register_nothing(void*, char*, size_t) {
  return 0;
}
const theano_plugin_descriptor descriptor = {8,
                                             THEANO_PLUGIN_ABI_MAJOR,
                                             THEANO_PLUGIN_ABI_MINOR,
                                             "test.small_struct",
                                             "1.0.0",
                                             THEANO_BUILD_FINGERPRINT,
                                             nullptr,
                                             0,
                                             &register_nothing,
                                             nullptr,
                                             nullptr};
}  // namespace

extern "C" __attribute__((visibility("default"))) const theano_plugin_descriptor*
theano_plugin_entry(void) {
  return &descriptor;
}
