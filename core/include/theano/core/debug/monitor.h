// MonitorMode-style hooks: callbacks before and after every node of a
// compiled function (Theano's MonitorMode(pre_func, post_func)), and ready
// made ones for stepping through a run or catching the first NaN.
#pragma once

#include <iosfwd>

#include "theano/core/mode.h"

namespace theano::debug {

/// Hooks running `first`'s callbacks, then `second`'s.
NodeHooks combine_hooks(NodeHooks first, NodeHooks second);

/// `base` (by default the mode the flags select) with `hooks` added to its own.
Mode monitor_mode(NodeHooks hooks);
Mode monitor_mode(NodeHooks hooks, Mode base);

/// Prints every node as it runs, "[3] Elemwise{add}(x, y)", then one line
/// per input and output with its summary (dtype, shape, min, max, mean).
NodeHooks trace_hooks(std::ostream& out);
/// Prints the node and its inputs and outputs whenever an output holds NaN
/// (Theano's detect_nan), and lets the run go on.
NodeHooks detect_nan_hooks(std::ostream& out);

}  // namespace theano::debug
