// The timing rule of WORKLOADS.md: warm up, pick k so a repetition lasts
// about 0.2 s, report the median of 7 repetitions with min and max.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

namespace bench {

struct Timing {
  double median = 0, min = 0, max = 0;  ///< seconds per call
  std::int64_t k = 1;
};

Timing time_call(const std::function<void()>& call, int repetitions = 7);
/// "Wn <impl> <median seconds> <unit figure>  # min .. max .. k .."
void report(const std::string& workload, const std::string& impl, const Timing& t,
            double unit_figure, const std::string& unit);

}  // namespace bench
