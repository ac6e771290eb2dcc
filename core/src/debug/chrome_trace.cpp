// The profile as Chrome trace-event JSON (chrome://tracing, Perfetto): one
// complete ("X") event per call and per node execution, times in
// microseconds from the profile's start.
#include <fstream>
#include <nlohmann/json.hpp>

#include "profile_data.h"

namespace theano::debug {

std::string ProfileStats::chrome_trace() const {
  using nlohmann::json;
  json events = json::array();
  events.push_back({{"name", "process_name"},
                    {"ph", "M"},
                    {"pid", 1},
                    {"args", {{"name", "theano function " + d_->name}}}});
  std::lock_guard lock(d_->mutex);
  for (const TraceEvent& e : d_->trace) {
    json ev = {{"ph", "X"},
               {"pid", 1},
               {"tid", e.thread},
               {"ts", static_cast<double>(e.start_ns) / 1e3},
               {"dur", static_cast<double>(e.duration_ns) / 1e3}};
    if (e.position < 0) {
      ev["name"] = d_->name;
      ev["cat"] = "call";
    } else {
      const NodeRecord& r = d_->nodes[e.position];
      ev["name"] = r.op;
      ev["cat"] = r.op_class;
      ev["args"] = {{"node", r.node}, {"position", r.position}, {"kernel", r.kernel}};
    }
    events.push_back(std::move(ev));
  }
  json doc = {{"traceEvents", std::move(events)}, {"displayTimeUnit", "ms"}};
  return doc.dump();
}

void ProfileStats::write_chrome_trace(const std::string& path) const {
  std::ofstream out(path);
  if (!out) throw IOError("cannot write the Chrome trace to '" + path + "'");
  out << chrome_trace();
  if (!out) throw IOError("writing the Chrome trace to '" + path + "' failed");
}

}  // namespace theano::debug
