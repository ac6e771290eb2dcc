// The profiler instrument: per-node and per-call timing, the shapes seen,
// and a model of the memory a call holds, recorded through node and run
// hooks; plus the registry that prints every profile at exit.
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <unordered_map>
#include <unordered_set>

#include "../compile/function_impl.h"
#include "instruments.h"
#include "mode_options.h"
#include "profile_data.h"
#include "run_state.h"
#include "theano/core/config.h"
#include "theano/core/debug/monitor.h"
#include "theano/core/debug/value_report.h"
#include "theano/core/printing.h"
#include "theano/optdb/optimize.h"

namespace theano::debug {

namespace {

struct ProfileRun {
  ProfileClock::time_point start;
  ProfileClock::time_point node_start;
  std::vector<const void*> cell_key;  ///< storage each produced cell holds
  std::unordered_map<const void*, std::pair<int, std::size_t>> live;  ///< refs, bytes
  std::unordered_set<const void*> external;  ///< storage of inputs / shared / constants
  std::size_t live_bytes = 0;
  std::size_t peak = 0;
};

std::uint32_t thread_number() {
  static std::atomic<std::uint32_t> next{1};
  thread_local std::uint32_t id = next++;
  return id;
}

std::pair<const void*, std::size_t> storage_of(const Value& v) {
  if (v.is_array()) return {v.array().buffer().get(), v.array().buffer()->size()};
  if (v.is_opaque()) return {v.opaque_ptr().get(), v.nbytes()};
  return {nullptr, 0};
}

std::string layout(const Value& v) {
  if (!v.is_array()) return v.empty() ? "no value" : v.summary();
  const NDArray& a = v.array();
  std::string strides = "(";
  for (int i = 0; i < a.ndim(); ++i) strides += (i ? ", " : "") + std::to_string(a.strides()[i]);
  strides += a.ndim() == 1 ? ",)" : ")";
  return "dtype=" + std::string(dtype_name(a.dtype())) + ", shape=" + shape_str(a.shape()) +
         ", strides=" + strides;
}

template <class Refs>
std::vector<std::string> layouts(const Refs& refs) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < refs.size(); ++i) out.push_back(layout(refs[i]));
  return out;
}

void raise_to(std::atomic<std::size_t>& target, std::size_t value) {
  std::size_t cur = target.load();
  while (cur < value && !target.compare_exchange_weak(cur, value)) {
  }
}

// --- the registry of profiles printed at exit ----------------------------------------
struct ExitRegistry {
  std::mutex mutex;
  std::vector<std::shared_ptr<const ProfileStats>> all;
};

ExitRegistry& exit_registry() {
  static ExitRegistry r;
  return r;
}

void print_at_exit() {
  std::string dest = flag_or("profiling.destination", "stderr");
  if (dest == "none") return;
  std::string text = profile_summaries();
  if (text.empty()) return;
  if (dest == "stderr")
    std::cerr << text << std::flush;
  else if (dest == "stdout")
    std::cout << text << std::flush;
  else
    std::ofstream(dest, std::ios::app) << text;
}

void register_for_exit(std::shared_ptr<const ProfileStats> stats) {
  ExitRegistry& r = exit_registry();  // constructed before the handler is registered
  static std::once_flag once;
  std::call_once(once, [] { std::atexit(print_at_exit); });
  std::lock_guard lock(r.mutex);
  r.all.push_back(std::move(stats));
}

class ProfilerInstrument final : public Instrument {
 public:
  ProfilerInstrument(const Mode& mode, const FunctionOptions& options)
      : data_(std::make_shared<ProfileStats::Data>()),
        stats_(std::make_shared<ProfileStats>(data_)) {
    data_->name = options.name.empty() ? "(unnamed function)" : options.name;
    data_->max_trace_events =
        static_cast<std::size_t>(mode_number(mode, "profiling", "max_trace_events", 100000));
    register_for_exit(stats_);
  }

  void after_optimize(FunctionGraph&, const optdb::OptimizeReport& report, double s) override {
    data_->optimizer_seconds = s;
    data_->optimizer_report = optdb::format_report(report);
  }
  void extend(LinkerOptions& options) override;
  void after_link(const Program& program, double seconds) override;
  std::shared_ptr<const ProfileStats> profile() const override { return stats_; }

 private:
  void on_run_begin(const Program& program, Frame& frame) const;
  void on_run_end(const Program& program, const Frame& frame) const;
  void on_after(int position, InputRefs in, OutputRefs out) const;
  void track_memory(ProfileRun& run, NodeRecord& rec, OutputRefs out) const;

  std::shared_ptr<ProfileStats::Data> data_;
  std::shared_ptr<ProfileStats> stats_;
};

void ProfilerInstrument::extend(LinkerOptions& options) {
  data_->allow_gc = options.allow_gc;
  NodeHooks h;
  h.run_begin = [this](const Program& p, Frame& f) { on_run_begin(p, f); };
  h.run_end = [this](const Program& p, Frame& f) { on_run_end(p, f); };
  h.before = [this](int, const Apply&, InputRefs) {
    if (ProfileRun* run = RunStates<ProfileRun>::current(this))
      run->node_start = ProfileClock::now();
  };
  h.after = [this](int p, const Apply&, InputRefs in, OutputRefs out) { on_after(p, in, out); };
  // Added last, so it nests innermost: it times the kernel, not other hooks.
  options.hooks = combine_hooks(std::move(options.hooks), std::move(h));
}

void ProfilerInstrument::after_link(const Program& program, double seconds) {
  ProfileStats::Data& d = *data_;
  d.linker_seconds = seconds;
  d.external_cells.assign(program.num_cells(), 0);
  for (int c : program.input_cells()) d.external_cells[c] = 1;
  for (const auto& [c, v] : program.shared_cells()) d.external_cells[c] = 1;
  for (const auto& [c, v] : program.constant_cells()) d.external_cells[c] = 1;
  const auto& nodes = program.nodes();
  for (std::size_t p = 0; p < nodes.size(); ++p) {
    NodeRecord& rec = d.nodes.emplace_back();
    rec.position = static_cast<int>(p);
    rec.node = node_str(*nodes[p].node);
    rec.op = nodes[p].node->op().display();
    rec.op_class = nodes[p].node->op().name();
    rec.kernel = nodes[p].kernel_name;
    rec.output_cells = nodes[p].outputs;
  }
  if (!d.allow_gc || program.lazy()) return;
  // The program frees an intermediate after its last reader (as the VM does).
  std::vector<char> keep = d.external_cells;
  for (int c : program.output_cells()) keep[c] = 1;
  std::vector<int> last_use(program.num_cells(), -1);
  for (std::size_t p = 0; p < nodes.size(); ++p) {
    for (int c : nodes[p].inputs) last_use[c] = static_cast<int>(p);
    for (int c : nodes[p].outputs) last_use[c] = std::max(last_use[c], static_cast<int>(p));
  }
  for (int c = 0; c < program.num_cells(); ++c)
    if (!keep[c] && last_use[c] >= 0) d.nodes[last_use[c]].free_after.push_back(c);
}

void ProfilerInstrument::on_run_begin(const Program& program, Frame& frame) const {
  ProfileRun& run = RunStates<ProfileRun>::begin(this);
  run.cell_key.assign(program.num_cells(), nullptr);
  std::size_t input_bytes = 0;
  for (int c = 0; c < program.num_cells(); ++c) {
    if (!data_->external_cells[c]) continue;
    auto [key, bytes] = storage_of(frame.cells[c]);
    if (key && run.external.insert(key).second) input_bytes += bytes;
  }
  raise_to(data_->input_bytes, input_bytes);
  run.start = ProfileClock::now();
}

void ProfilerInstrument::on_run_end(const Program& program, const Frame& frame) const {
  auto end = ProfileClock::now();
  std::unique_ptr<ProfileRun> run = RunStates<ProfileRun>::end(this);
  if (!run) return;
  auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(end - run->start).count();
  bool first = data_->calls++ == 0;
  data_->call_nanos += ns;
  bool new_peak = run->peak > data_->peak_bytes.load();
  raise_to(data_->peak_bytes, run->peak);
  // The storage footprint of the first call, then of each call that raised the peak.
  std::string footprint;
  if (first || new_peak) footprint = format_footprint(storage_footprint(program, frame), 10);
  std::lock_guard lock(data_->mutex);
  if (!footprint.empty()) data_->footprint = std::move(footprint);
  if (data_->trace.size() < data_->max_trace_events)
    data_->trace.push_back({-1, since_origin(*data_, run->start), ns, thread_number()});
}

void ProfilerInstrument::on_after(int position, InputRefs in, OutputRefs out) const {
  auto end = ProfileClock::now();
  ProfileRun* run = RunStates<ProfileRun>::current(this);
  if (!run || position < 0 || position >= static_cast<int>(data_->nodes.size())) return;
  NodeRecord& rec = data_->nodes[position];
  auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(end - run->node_start).count();
  ++rec.calls;
  rec.nanos += ns;
  track_memory(*run, rec, out);
  std::vector<std::string> ins = layouts(in), outs = layouts(out);
  std::lock_guard lock(data_->mutex);
  rec.inputs = std::move(ins);
  rec.outputs = std::move(outs);
  if (data_->trace.size() < data_->max_trace_events)
    data_->trace.push_back({position, since_origin(*data_, run->node_start), ns, thread_number()});
}

// Storage a node's outputs add (views of existing storage add nothing),
// then what the program frees after it; the high-water mark is the peak.
void ProfilerInstrument::track_memory(ProfileRun& run, NodeRecord& rec, OutputRefs out) const {
  std::size_t allocated = 0;
  for (std::size_t k = 0; k < out.size() && k < rec.output_cells.size(); ++k) {
    auto [key, bytes] = storage_of(out[k]);
    int cell = rec.output_cells[k];
    if (!key || run.external.count(key) || run.cell_key[cell] == key) continue;
    auto& entry = run.live[key];
    if (entry.first++ == 0) {
      entry.second = bytes;
      run.live_bytes += bytes;
      allocated += bytes;
    }
    run.cell_key[cell] = key;
  }
  rec.bytes_allocated = allocated;
  run.peak = std::max(run.peak, run.live_bytes);
  for (int cell : rec.free_after) {
    const void* key = run.cell_key[cell];
    run.cell_key[cell] = nullptr;
    auto it = key ? run.live.find(key) : run.live.end();
    if (it == run.live.end() || --it->second.first > 0) continue;
    run.live_bytes -= it->second.second;
    run.live.erase(it);
  }
}

}  // namespace

std::shared_ptr<Instrument> make_profiler_instrument(const Mode& mode,
                                                     const FunctionOptions& options) {
  return std::make_shared<ProfilerInstrument>(mode, options);
}

std::shared_ptr<const ProfileStats> profile_of(const Function& f) {
  const auto& instrument = f.impl()->compiled->instrument;
  return instrument ? instrument->profile() : nullptr;
}

std::vector<std::shared_ptr<const ProfileStats>> all_profiles() {
  ExitRegistry& r = exit_registry();
  std::lock_guard lock(r.mutex);
  return r.all;
}

std::string profile_summaries() {
  std::string out;
  for (const auto& stats : all_profiles())
    if (stats->calls() > 0) out += stats->summary() + "\n";
  return out;
}

}  // namespace theano::debug
