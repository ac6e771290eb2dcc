// The profile's tables: Theano's Class, Ops and Apply tables, the memory
// profile and the optimizer profile (see profiler.h).
#include <algorithm>
#include <cstdio>
#include <map>
#include <sstream>

#include "mode_options.h"
#include "profile_data.h"
#include "theano/core/debug/value_report.h"

namespace theano::debug {

namespace {

double seconds(std::int64_t ns) {
  return static_cast<double>(ns) * 1e-9;
}

std::vector<OpProfile> group(const std::vector<ApplyProfile>& rows, bool by_class) {
  std::map<std::string, OpProfile> groups;
  for (const ApplyProfile& r : rows) {
    OpProfile& g = groups[by_class ? r.op_class : r.op];
    g.name = by_class ? r.op_class : r.op;
    g.calls += r.calls;
    g.seconds += r.seconds;
    g.applies += 1;
  }
  std::vector<OpProfile> out;
  for (auto& [name, g] : groups) out.push_back(std::move(g));
  std::stable_sort(out.begin(), out.end(),
                   [](const OpProfile& a, const OpProfile& b) { return a.seconds > b.seconds; });
  return out;
}

std::size_t flag_count(const std::string& name, std::size_t fallback) {
  try {
    return static_cast<std::size_t>(std::stoll(flag_or(name, std::to_string(fallback))));
  } catch (const std::exception&) {
    return fallback;
  }
}

std::string line(const char* format, double a, double b, double c, double d) {
  char buf[128];
  std::snprintf(buf, sizeof buf, format, a, b, c, d);
  return buf;
}

void op_rows(std::ostream& os, const std::vector<OpProfile>& rows, double total, std::size_t n) {
  double cumulative = 0;
  std::size_t shown = 0;
  for (const OpProfile& r : rows) {
    if (shown++ == n) {
      os << "   ... (" << rows.size() - n << " more; profiling.n_ops shows more)\n";
      break;
    }
    double share = total > 0 ? 100 * r.seconds / total : 0;
    cumulative += share;
    double per_call = r.calls ? r.seconds / static_cast<double>(r.calls) : 0;
    os << line("  %6.1f%%   %6.1f%%   %10.3es   %10.3es", share, cumulative, r.seconds, per_call)
       << "  " << r.calls << "  " << r.applies << "  " << r.name << "\n";
  }
}

}  // namespace

const std::string& ProfileStats::name() const {
  return d_->name;
}
std::int64_t ProfileStats::calls() const {
  return d_->calls.load();
}
double ProfileStats::call_seconds() const {
  return seconds(d_->call_nanos.load());
}
double ProfileStats::optimizer_seconds() const {
  return d_->optimizer_seconds;
}
double ProfileStats::linker_seconds() const {
  return d_->linker_seconds;
}
std::size_t ProfileStats::peak_bytes() const {
  return d_->peak_bytes.load();
}
std::size_t ProfileStats::input_bytes() const {
  return d_->input_bytes.load();
}
const std::string& ProfileStats::optimizer_report() const {
  return d_->optimizer_report;
}

std::string ProfileStats::footprint() const {
  std::lock_guard lock(d_->mutex);
  return d_->footprint;
}

double ProfileStats::node_seconds() const {
  std::int64_t ns = 0;
  for (const NodeRecord& r : d_->nodes) ns += r.nanos.load();
  return seconds(ns);
}

std::vector<ApplyProfile> ProfileStats::apply_table() const {
  std::vector<ApplyProfile> rows;
  std::lock_guard lock(d_->mutex);
  for (const NodeRecord& r : d_->nodes) {
    rows.push_back(ApplyProfile{r.position, r.node, r.op, r.op_class, r.kernel, r.calls.load(),
                                seconds(r.nanos.load()), r.inputs, r.outputs,
                                r.bytes_allocated.load()});
  }
  std::stable_sort(rows.begin(), rows.end(), [](const ApplyProfile& a, const ApplyProfile& b) {
    return a.seconds > b.seconds;
  });
  return rows;
}

std::vector<OpProfile> ProfileStats::op_table() const {
  return group(apply_table(), false);
}
std::vector<OpProfile> ProfileStats::class_table() const {
  return group(apply_table(), true);
}

std::string ProfileStats::summary(std::size_t n_apply) const {
  if (n_apply == 0) n_apply = flag_count("profiling.n_apply", 20);
  std::size_t n_ops = flag_count("profiling.n_ops", 20);
  std::vector<ApplyProfile> rows = apply_table();
  double total = node_seconds();
  double calls_time = call_seconds();
  std::ostringstream os;
  os << "Function profiling\n==================\n"
     << "  Message: " << name() << "\n"
     << line("  Time in %.0f calls to the function: %.3es\n", static_cast<double>(calls()),
             calls_time, 0, 0)
     << line("  Time in nodes: %.3es (%.1f%% of the calls)\n", total,
             calls_time > 0 ? 100 * total / calls_time : 0, 0, 0)
     << "  Number of Apply nodes: " << rows.size() << "\n"
     << line("  Total compile time: %.3es\n    Optimizer time: %.3es\n    Linker time: %.3es\n",
             optimizer_seconds() + linker_seconds(), optimizer_seconds(), linker_seconds(), 0)
     << "\nClass\n---\n<% time> <sum %> <apply time> <time per call> <#call> <#apply> <Class "
        "name>\n";
  op_rows(os, class_table(), total, n_ops);
  os << "\nOps\n---\n<% time> <sum %> <apply time> <time per call> <#call> <#apply> <Op name>\n";
  op_rows(os, op_table(), total, n_ops);
  os << "\nApply\n------\n<% time> <sum %> <apply time> <time per call> <#call> <id> <Apply "
        "name>\n";
  double cumulative = 0;
  for (std::size_t i = 0; i < rows.size() && i < n_apply; ++i) {
    const ApplyProfile& r = rows[i];
    double share = total > 0 ? 100 * r.seconds / total : 0;
    cumulative += share;
    double per_call = r.calls ? r.seconds / static_cast<double>(r.calls) : 0;
    os << line("  %6.1f%%   %6.1f%%   %10.3es   %10.3es", share, cumulative, r.seconds, per_call)
       << "  " << r.calls << "  " << r.position << "  " << r.node << "\n";
    for (std::size_t k = 0; k < r.inputs.size(); ++k)
      os << "    input " << k << ": " << r.inputs[k] << "\n";
    for (std::size_t k = 0; k < r.outputs.size(); ++k)
      os << "    output " << k << ": " << r.outputs[k] << "\n";
  }
  if (rows.size() > n_apply) os << "   ... (" << rows.size() - n_apply << " more nodes)\n";
  os << "\nMemory profile\n--------------\n"
     << "  Peak storage of intermediates and outputs in one call: " << format_bytes(peak_bytes())
     << (d_->allow_gc ? " (allow_gc on)" : " (allow_gc off)") << "\n"
     << "  Inputs, shared values and constants: " << format_bytes(input_bytes()) << "\n"
     << "  Nodes allocating most (last call):\n";
  std::vector<ApplyProfile> by_bytes = rows;
  std::stable_sort(by_bytes.begin(), by_bytes.end(), [](const auto& a, const auto& b) {
    return a.bytes_allocated > b.bytes_allocated;
  });
  for (std::size_t i = 0; i < by_bytes.size() && i < 5 && by_bytes[i].bytes_allocated; ++i)
    os << "    " << format_bytes(by_bytes[i].bytes_allocated) << "  " << by_bytes[i].node << "\n";
  if (std::string fp = footprint(); !fp.empty())
    os << "  At the end of the call with the highest peak:\n" << fp;
  if (!optimizer_report().empty()) os << "\n" << optimizer_report();
  return os.str();
}

}  // namespace theano::debug
