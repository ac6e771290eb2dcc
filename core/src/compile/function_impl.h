// Internal: the compiled state behind a Function, shared by its copies.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "theano/core/debug/instrument.h"
#include "theano/core/function.h"
#include "theano/core/linker.h"

namespace theano {

/// What compiling produced; immutable and shared between Function copies.
struct CompiledGraph {
  /// The graph before optimization (what a saved function holds), cloned
  /// from the user's graph on first use: most functions are never saved,
  /// and an eager copy cost about a tenth of compiling a large graph.
  const FunctionGraph& unoptimized() const;
  std::function<std::unique_ptr<FunctionGraph>()> make_unoptimized;
  std::unique_ptr<FunctionGraph> fg;
  std::unique_ptr<Program> program;
  std::size_t num_outputs = 0;  ///< user outputs; the rest of fg's outputs are updates
  /// Per user output: must be deep-copied before returning (it aliases an
  /// input, a constant, a shared value or another output).
  std::vector<bool> output_needs_copy;
  double optimizer_seconds = 0;
  double linker_seconds = 0;
  /// DebugMode / NanGuardMode / profiler state (core/src/debug), or null.
  std::shared_ptr<debug::Instrument> instrument;

 private:
  mutable std::once_flag unoptimized_once_;
  mutable std::unique_ptr<FunctionGraph> unoptimized_;
};

struct FunctionImpl {
  std::shared_ptr<const CompiledGraph> compiled;
  std::string name;
  Mode mode;
  std::vector<In> inputs;
  std::vector<Out> outputs;
  VarPairs updates;  ///< user-facing (shared variable, expression)
  /// Container for each of program.shared_cells(), in the same order.
  std::vector<std::shared_ptr<Container>> containers;
  std::vector<std::shared_ptr<SharedVariable>> shared_vars;
  /// (index into containers, program output position) for each update.
  std::vector<std::pair<int, int>> update_slots;
  /// Containers written by updates, sorted by address (the lock order).
  std::vector<Container*> locked;
  bool allow_input_downcast_set = false;
  bool allow_input_downcast = false;
  SourceLoc compiled_at;

  mutable std::mutex pool_mutex;
  mutable std::vector<std::unique_ptr<Frame>> pool;
  /// One idle frame outside the pool, guarded by a try-lock flag instead of
  /// pool_mutex: a function called from one thread at a time takes and
  /// returns it with two atomic operations each; the loser of a race falls
  /// back to the pool.
  mutable std::atomic_flag spare_busy;
  mutable std::unique_ptr<Frame> spare;

  std::unique_ptr<Frame> acquire() const;
  void release(std::unique_ptr<Frame> frame) const;
};

}  // namespace theano
