// The pieces of the template plugin's table of contents (plugin.cpp).
#pragma once

#include "theano/plugin_api/registrar.h"

namespace acme {

/// The Huber op schema with its example cases, and the huber.default_delta flag.
void register_ops(theano::Registrar& r);
/// local_huber_neg into the canonicalize phase.
void register_rewrites(theano::Registrar& r);

}  // namespace acme
