// Print and Assert: identity ops for looking inside a running graph.
//
//   auto y = debug::print(x, "after layer 1", {"shape", "min", "max"});
//   auto z = debug::assert_that(y, {all_positive}, "activations must be positive");
//
// Both return a view of their input, so they cost nothing but their side
// effect; a graph must use their result for them to run. They are never
// constant-folded and survive every rewrite phase; the flags
// debug.remove_print and debug.remove_assert remove them when rewriting.
#pragma once

#include <functional>
#include <memory>
#include <source_location>
#include <string>
#include <vector>

#include "theano/core/graph.h"

namespace theano::debug {

/// Identity that, each time it runs, writes one line: `message`, then each
/// attribute of its input's value named in `attrs`: "value" (the whole
/// array), "shape", "dtype", "strides", "min", "max", "mean", "nans"
/// (count of NaN and infinite elements) or "summary" (dtype, shape, min,
/// max, mean). Unknown attributes are a ValueError listing the valid ones.
Var print(const Var& x, const std::string& message = "",
          const std::vector<std::string>& attrs = {"value"},
          std::source_location loc = std::source_location::current());

/// `x` unchanged, after checking that every element of every condition is
/// nonzero. A failure stops the call with a NodeError stating `message`,
/// the failed condition and the node. Conditions are tensors of any dtype
/// and shape.
Var assert_that(const Var& x, const std::vector<Var>& conditions, const std::string& message = "",
                std::source_location loc = std::source_location::current());

/// Where Print writes its lines (default: standard output).
using PrintSink = std::function<void(const std::string& line)>;
/// Replaces the process-wide sink; returns the previous one. Thread-safe.
PrintSink set_print_sink(PrintSink sink);

/// Collects every line Print writes while it lives (restoring the previous
/// sink after).
class PrintCapture {
 public:
  PrintCapture();
  ~PrintCapture();
  PrintCapture(const PrintCapture&) = delete;
  PrintCapture& operator=(const PrintCapture&) = delete;
  /// The lines so far, each ending with '\n'.
  std::string text() const;
  std::vector<std::string> lines() const;

 private:
  struct Lines;
  std::shared_ptr<Lines> lines_;
  PrintSink previous_;
};

}  // namespace theano::debug
