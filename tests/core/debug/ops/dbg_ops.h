// Test ops for the debugging tools: each breaks one contract on purpose
// (DebugMode must catch it), plus log and a huge allocation for NanGuardMode
// and the out-of-memory report. All work on float tensors.
#pragma once

#include <string>

#include "theano/core/graph.h"

namespace dbg {

/// Loads the test plugins (theano.test.ops and theano.test.debug_ops).
void init();

/// -x computed correctly, but also writes 42 into x[0] (no destroy_map).
theano::Var writes_input(const theano::Var& x);
/// Returns x itself as its output (no view_map).
theano::Var undeclared_view(const theano::Var& x);
/// A copy of x whose infer_shape claims every dimension is 7.
theano::Var lying_shape(const theano::Var& x);
/// -x by perform; its registered CPU kernel returns -x + 1.
theano::Var bad_kernel(const theano::Var& x);
/// -x, reusing the output cell's buffer whenever the shape fits, even
/// when it is not contiguous (writes as if it were).
theano::Var trusts_buffer(const theano::Var& x);
/// Elementwise natural log.
theano::Var log(const theano::Var& x);
/// 2 * x. The rewrite "dbg_wrong_twice" (tag dbg_wrong, canonicalize)
/// replaces it by x: a wrong rewrite; "dbg_twice_as_add" (tag dbg_rebuild,
/// specialize) by TestAdd(x, x): a right one that builds a node.
theano::Var twice(const theano::Var& x);
/// 3 * x. The graph rewrite "dbg_hidden_thrice" (tag dbg_hidden,
/// specialize) replaces it by x, reporting the change as a "revert" so
/// that no replacement is recorded: only the phase-by-phase re-run finds it.
theano::Var thrice(const theano::Var& x);
/// 5 * x. The graph rewrite "dbg_unnamed_quintuple" (tag dbg_unnamed,
/// stabilize) replaces it by x without giving a reason.
theano::Var quintuple(const theano::Var& x);
/// Allocates an absurdly large array (MemoryError).
theano::Var huge(const theano::Var& x);

}  // namespace dbg
