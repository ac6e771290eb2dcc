// The kernel's own ops and rewrites, offered as a static plugin: Shape,
// Shape_i, DeepCopyOp and ViewOp, the shape rewrites (ShapeOpt,
// local_track_shape_i, local_shape_to_shape_i), local_view_op, and the
// optimizer's flags (optdb.max_use_ratio, optdb.position_cutoff,
// on_opt_error).
#pragma once

#include "theano/plugin_api/descriptor.h"
#include "theano/plugin_api/registrar.h"

namespace theano::optdb {

/// The registration table, for a host that folds it into its own
/// "theano.core" plugin.
void register_core_builtins(Registrar& registrar);

/// A static descriptor ("theano.core.optdb") running register_core_builtins;
/// pass it in InitOptions::static_plugins.
const theano_plugin_descriptor* core_builtin_plugin();

}  // namespace theano::optdb
