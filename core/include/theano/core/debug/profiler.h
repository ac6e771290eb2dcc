// The profiler: with FunctionOptions::profile or the flag profile=True, a
// function records the time of every node and call, the shapes it saw, its
// compile time split into rewriting and linking, and the memory its values
// took. The report has Theano's tables (per Op class, per Op, per Apply
// node, memory, optimizer), is printed at exit (flag profiling.destination)
// or on demand, and exports as a Chrome trace (chrome://tracing, Perfetto).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "theano/core/function.h"

namespace theano::debug {

/// One row of the Apply table: one node of the compiled graph.
struct ApplyProfile {
  int position = 0;      ///< toposort index
  std::string node;      ///< "TestAdd{inplace=false}(x, y)"
  std::string op;        ///< "TestAdd{inplace=false}"
  std::string op_class;  ///< "TestAdd"
  std::string kernel;    ///< the implementation that ran ("perform", ...)
  std::int64_t calls = 0;
  double seconds = 0;
  /// Per input / output of the last call: "dtype=float32, shape=(3,), strides=(4,)".
  std::vector<std::string> inputs;
  std::vector<std::string> outputs;
  /// Bytes of new storage the node's outputs took in the last call.
  std::size_t bytes_allocated = 0;
};

/// One row of the Op or Op class table.
struct OpProfile {
  std::string name;
  std::int64_t calls = 0;
  int applies = 0;  ///< nodes with this op / class
  double seconds = 0;
};

/// What the profiler recorded for one compiled function. Safe to read while
/// the function runs in other threads.
class ProfileStats {
 public:
  struct Data;
  explicit ProfileStats(std::shared_ptr<Data> data) : d_(std::move(data)) {}

  const std::string& name() const;
  std::int64_t calls() const;
  /// Wall time inside the program's runs, and the part spent in nodes.
  double call_seconds() const;
  double node_seconds() const;
  double optimizer_seconds() const;
  double linker_seconds() const;
  /// Sorted by time, largest first.
  std::vector<ApplyProfile> apply_table() const;
  std::vector<OpProfile> op_table() const;
  std::vector<OpProfile> class_table() const;
  /// Largest bytes of intermediate and output storage alive at once in one
  /// call (with the function's gc setting), and the inputs' bytes.
  std::size_t peak_bytes() const;
  std::size_t input_bytes() const;
  /// The storage map footprint (values alive, largest first) at the end of
  /// the call with the highest peak.
  std::string footprint() const;
  /// The optimizer profile (optdb's table).
  const std::string& optimizer_report() const;

  /// The whole report; `n_apply` rows of the Apply table (0: the flag
  /// profiling.n_apply).
  std::string summary(std::size_t n_apply = 0) const;
  /// Chrome trace-event JSON: one event per call and per node execution
  /// (at most profiling.max_trace_events are kept).
  std::string chrome_trace() const;
  /// Writes chrome_trace() to `path`; IOError when it cannot.
  void write_chrome_trace(const std::string& path) const;

 private:
  friend std::string chrome_trace(const std::vector<std::shared_ptr<const ProfileStats>>&);
  std::shared_ptr<Data> d_;
};

/// One Chrome trace holding several profiles, one process row per function
/// (all profiles share one time origin, so their events line up).
std::string chrome_trace(const std::vector<std::shared_ptr<const ProfileStats>>& profiles);

/// The profile of a function compiled with profiling on, else null.
std::shared_ptr<const ProfileStats> profile_of(const Function& f);

/// Every profile made in this process, oldest first.
std::vector<std::shared_ptr<const ProfileStats>> all_profiles();
/// The summaries of every profile that has been called, as printed at exit.
std::string profile_summaries();

}  // namespace theano::debug
