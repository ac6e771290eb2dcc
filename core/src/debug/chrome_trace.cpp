// Profiles as Chrome trace-event JSON (chrome://tracing, Perfetto): one
// complete ("X") event per call and per node execution, times in
// microseconds from the profiles' common origin, one process row per
// function.
#include <fstream>
#include <nlohmann/json.hpp>

#include "profile_data.h"

namespace theano::debug {

namespace {

using nlohmann::json;

void append_events(json& events, const ProfileStats::Data& d, int pid) {
  events.push_back({{"name", "process_name"},
                    {"ph", "M"},
                    {"pid", pid},
                    {"args", {{"name", "theano function " + d.name}}}});
  std::lock_guard lock(d.mutex);
  for (const TraceEvent& e : d.trace) {
    json ev = {{"ph", "X"},
               {"pid", pid},
               {"tid", e.thread},
               {"ts", static_cast<double>(e.start_ns) / 1e3},
               {"dur", static_cast<double>(e.duration_ns) / 1e3}};
    if (e.position < 0) {
      ev["name"] = d.name;
      ev["cat"] = "call";
    } else {
      const NodeRecord& r = d.nodes[e.position];
      ev["name"] = r.op;
      ev["cat"] = r.op_class;
      ev["args"] = {{"node", r.node}, {"position", r.position}, {"kernel", r.kernel}};
    }
    events.push_back(std::move(ev));
  }
}

}  // namespace

std::string chrome_trace(const std::vector<std::shared_ptr<const ProfileStats>>& profiles) {
  json events = json::array();
  int pid = 0;
  for (const auto& p : profiles)
    if (p) append_events(events, *p->d_, ++pid);
  json doc = {{"traceEvents", std::move(events)}, {"displayTimeUnit", "ms"}};
  return doc.dump();
}

std::string ProfileStats::chrome_trace() const {
  json events = json::array();
  append_events(events, *d_, 1);
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
