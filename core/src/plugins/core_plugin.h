// The core itself as a static plugin, "theano.core": it registers what the
// kernel provides (its config flags, so a plugin redeclaring one is refused
// with both owners named) and lets plugins depend on a core version range.
#pragma once

#include "theano/plugin_api/descriptor.h"

namespace theano {

const theano_plugin_descriptor* core_plugin_descriptor();

}  // namespace theano
