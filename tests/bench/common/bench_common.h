// What every Theano++ benchmark binary shares: the timing rule of
// shared/bench/WORKLOADS.md (warm up, pick k so a repetition lasts about
// 0.2 s, median of 7 repetitions with min and max), the uniform output line,
// command-line options (--smoke, --data DIR, --only W1,W2), inputs loaded
// from the .npy files the Python peers generate (or seeded ones without
// --data), and checks of our results against NumPy's.
#pragma once

#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "theano/core/function.h"
#include "theano/core/ndarray.h"

namespace bench {

struct Timing {
  double median = 0, min = 0, max = 0;  ///< seconds per call
  std::int64_t k = 1;
};

struct Options {
  bool smoke = false;             ///< one call per workload, to prove the binary works
  std::string data;               ///< folder of .npy inputs and expected values
  std::set<std::string> only;     ///< workloads to run; empty runs all
  std::vector<std::string> rest;  ///< arguments not understood here
  bool wants(const std::string& workload) const;
};

/// Parses --smoke, --data DIR and --only W1,W2 (the rest goes to `rest`).
Options parse_options(int argc, char** argv);
/// The options given to parse_options (smoke mode changes time_call).
const Options& options();

/// Warm-up, then the median per-call time of `repetitions` repetitions of k calls.
Timing time_call(const std::function<void()>& call, int repetitions = 7);
/// "Wn <impl> <median seconds> <unit figure> <unit>  # min .. max .. k .."
void report(const std::string& workload, const std::string& impl, const Timing& t,
            double unit_figure, const std::string& unit);

/// Compiles and prints "# compile Wn <impl> <ms> ms".
theano::Function compile(const std::string& workload, const std::string& impl,
                         std::vector<theano::In> in, std::vector<theano::Out> out,
                         theano::FunctionOptions function_options = {});

/// DIR/<name>.npy with --data; otherwise `fallback()` (seeded inputs).
theano::NDArray input(const std::string& name, const std::function<theano::NDArray()>& fallback);
/// float32 standard normal values (times `scale`) from a seeded generator.
theano::NDArray normal(theano::Shape shape, std::uint64_t seed, double scale = 1.0);

/// Compares `got` with DIR/<expected>.npy elementwise: |got - want| <= atol +
/// rtol |want|. Prints "# check Wn <impl> <expected> ok|FAILED ..." (or
/// "skipped" without --data); a failure makes exit_code() 1.
void check(const std::string& workload, const std::string& impl, const std::string& expected,
           const theano::NDArray& got, double rtol, double atol = 0);
/// 0, or 1 after a failed check.
int exit_code();

}  // namespace bench
