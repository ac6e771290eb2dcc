// Internal: what the profiler records for one function (ProfileStats::Data).
// Counters are atomics so concurrent calls can record without a lock; the
// shapes seen and the trace events are guarded by `mutex`.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <vector>

#include "theano/core/debug/profiler.h"

namespace theano::debug {

using ProfileClock = std::chrono::steady_clock;

struct NodeRecord {
  int position = 0;
  std::string node, op, op_class, kernel;
  std::vector<int> output_cells;
  std::vector<int> free_after;  ///< cells the program frees after this node
  std::atomic<std::int64_t> calls{0};
  std::atomic<std::int64_t> nanos{0};
  std::atomic<std::size_t> bytes_allocated{0};
  std::vector<std::string> inputs, outputs;  ///< guarded by Data::mutex
};

struct TraceEvent {
  int position;  ///< -1 for a whole call
  std::int64_t start_ns;
  std::int64_t duration_ns;
  std::uint32_t thread;
};

/// The time origin every profile shares (the first profile's creation).
inline ProfileClock::time_point profile_epoch() {
  static const ProfileClock::time_point epoch = ProfileClock::now();
  return epoch;
}

struct ProfileStats::Data {
  std::string name;
  ProfileClock::time_point origin = profile_epoch();
  double optimizer_seconds = 0;
  double linker_seconds = 0;
  std::string optimizer_report;
  bool allow_gc = true;
  std::deque<NodeRecord> nodes;      ///< by toposort position (atomics do not move)
  std::vector<char> external_cells;  ///< inputs, shared values and constants
  std::atomic<std::int64_t> calls{0};
  std::atomic<std::int64_t> call_nanos{0};
  std::atomic<std::size_t> peak_bytes{0};
  std::atomic<std::size_t> input_bytes{0};
  std::size_t max_trace_events = 100000;
  mutable std::mutex mutex;
  std::vector<TraceEvent> trace;
  /// The storage map footprint at the end of the call with the highest peak.
  std::string footprint;
};

/// Nanoseconds from the profile's origin to `t`.
inline std::int64_t since_origin(const ProfileStats::Data& d, ProfileClock::time_point t) {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(t - d.origin).count();
}

}  // namespace theano::debug
