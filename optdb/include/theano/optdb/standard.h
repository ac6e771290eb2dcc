// The standard optimizer database: one stage per phase of
// theano::standard_phases(), at Theano's positions, holding the generic
// machinery (merging, constant folding, the destroy handler, in-place
// insertion) and, once the registry is frozen, every rewrite plugins
// registered into a phase.
#pragma once

#include <memory>
#include <string>

#include "theano/core/mode.h"
#include "theano/optdb/db.h"

namespace theano::optdb {

/// Theano's position of a standard phase ("merge1" 0, "canonicalize" 1,
/// "stabilize" 1.5, "specialize" 2, "gpu" 48.5, "fusion" 49, "jit" 49.4,
/// "add_destroy_handler" 49.5, "inplace" 60, "merge3" 100). Throws
/// ValueError naming the known phases for any other name.
double phase_position(const std::string& phase);

/// The process-wide database. Registry rewrites are placed into their phase
/// the first time it is queried after the registry is frozen.
SequenceDB& standard_optdb();

/// The optimizer for `query` on the standard database, built once per
/// distinct query and cached (thread-safe).
std::shared_ptr<GraphRewriter> standard_query(const Query& query);

/// The query a mode runs: its optimizer ("fast_run", "fast_compile",
/// "merge", "None", "o1".."o4", "stabilize", "unsafe") plus its
/// including / excluding / requiring tags and the optdb.position_cutoff flag.
Query mode_query(const Mode& mode);

}  // namespace theano::optdb
