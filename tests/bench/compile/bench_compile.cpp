// Compile-time benchmark: chains and trees of 1k, 10k and 100k elementwise
// nodes, alone and with their gradient, and the functions of the training
// workloads of shared/bench/WORKLOADS.md, compiled in FAST_RUN. Each case is
// compiled several times (graph built once); the median wall time is
// reported in the bench line format of WORKLOADS.md, one line per case:
//
//   C<id> theanopp <median seconds> <figure> <unit>  # min .. max .. reps ..
//
// where <id> is the workload number (C4 compiles W4's function; figure in
// ms, goal <= 50 ms) or the synthetic graph (Cchain+grad-10k; figure in ms
// per 1000 nodes of the graph given to the compiler, with the growth factor
// of CPU ms per 1000 nodes against the previous size: 1.0 is linear). Lines starting with '#' are
// details (optimizer and CPU times; --profile adds the optimizer profile).
// Compile time is a product feature; Theano took seconds to minutes here.
//
//   bench_compile [--ops elemwise|test] [--sizes 1000,10000,100000] [--profile]
//                 [--mode FAST_RUN] [--only chain|chain+grad|tree|tree+grad|workloads]
//                 [--reps 7]
//
// --ops elemwise (default) uses the elemwise plugin through the T:: front
// end and theano::grad (its fusion and algebraic rewrites run too); --ops
// test the optimizer tests' tiny ops and their L_op rules (no workloads).
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "compile_workloads.h"
#include "synthetic_graphs.h"
#include "theano/core/function.h"
#include "theano/optdb/optimize.h"

namespace {

using theano::Var;
using namespace bench_compile;

// CPU time of this thread: on a shared machine, wall time also counts the
// other processes' turns.
double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

struct Options {
  std::vector<int> sizes{1000, 10000, 100000};
  bool profile = false;
  std::string only;
  std::string ops = "elemwise";
  int reps = 7;
  theano::Mode mode;
};

// Wall and CPU seconds of repeated compiles: `reps` of them, fewer when
// they would take more than a few seconds (at least one).
struct Timing {
  std::vector<double> wall, cpu;
  std::size_t nodes_after = 0;
  double median(std::vector<double> v) const {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
  }
  double min() const { return *std::min_element(wall.begin(), wall.end()); }
  double max() const { return *std::max_element(wall.begin(), wall.end()); }
};

Timing time_compiles(const std::vector<theano::In>& in, const std::vector<theano::Out>& out,
                     theano::FunctionOptions options, const Options& o) {
  options.mode = o.mode;
  options.on_unused_input = "ignore";
  Timing t;
  double spent = 0;
  while (static_cast<int>(t.wall.size()) < o.reps && (t.wall.empty() || spent < 4.0)) {
    auto w0 = std::chrono::steady_clock::now();
    double c0 = thread_cpu_seconds();
    theano::Function f = theano::function(in, out, options);
    t.cpu.push_back(thread_cpu_seconds() - c0);
    t.wall.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - w0).count());
    spent += t.wall.back();
    t.nodes_after = f.fgraph().size();
  }
  return t;
}

std::string size_label(int n) {
  return n % 1000 == 0 ? std::to_string(n / 1000) + "k" : std::to_string(n);
}

// CPU ms per 1000 nodes of the last size of each shape, for the growth factor.
std::map<std::string, double> previous_per_1k;

void run_synthetic(const Ops& ops, const std::string& shape, bool with_grad, int n,
                   const Options& o) {
  Var x = ops.vector("x"), y = ops.vector("y");
  Var out = shape == "chain" ? chain(ops, x, y, n) : tree(ops, x, y, n);
  std::vector<Var> outputs{out};
  if (with_grad)
    for (const Var& g : ops.grad(ops.sum(out), {x, y})) outputs.push_back(g);
  std::size_t nodes = theano::io_toposort({x, y}, outputs).size();
  // The optimizer alone once (its profile), then whole compiles.
  theano::FunctionGraph fg({x, y}, outputs);
  theano::optdb::OptimizeReport report;
  double c0 = thread_cpu_seconds();
  theano::optdb::optimize(fg, o.mode, &report);
  double optimize_cpu = thread_cpu_seconds() - c0;
  Timing t = time_compiles({x, y}, std::vector<theano::Out>(outputs.begin(), outputs.end()), {}, o);

  std::string name = shape + (with_grad ? "+grad" : "");
  double k_nodes = static_cast<double>(nodes) / 1000.0;
  double per_1k = t.median(t.wall) * 1e3 / k_nodes;
  // The growth factor compares CPU times: wall times swing with the load.
  double cpu_per_1k = t.median(t.cpu) * 1e3 / k_nodes;
  std::string growth;
  if (auto it = previous_per_1k.find(name); it != previous_per_1k.end()) {
    char g[96];
    std::snprintf(g, sizeof g, " .. growth x%.2f in cpu ms per 1k nodes vs the previous size",
                  cpu_per_1k / it->second);
    growth = g;
  }
  previous_per_1k[name] = cpu_per_1k;
  std::printf(
      "C%s-%s theanopp %.6f %.3f ms/1k-nodes  # min %.6f .. max %.6f .. reps %zu .. nodes %zu -> "
      "%zu .. cpu %.1f ms (%.3f ms/1k) .. optimize %.1f ms cpu%s .. ops %s\n",
      name.c_str(), size_label(n).c_str(), t.median(t.wall), per_1k, t.min(), t.max(),
      t.wall.size(), nodes, t.nodes_after, t.median(t.cpu) * 1e3, t.median(t.cpu) * 1e3 / k_nodes,
      optimize_cpu * 1e3, growth.c_str(), o.ops.c_str());
  if (o.profile) std::printf("%s\n", theano::optdb::format_report(report).c_str());
  std::fflush(stdout);
}

void run_workload(const Workload& w, const Options& o) {
  Timing t = time_compiles(w.inputs, w.outputs, w.options, o);
  double ms = t.median(t.wall) * 1e3;
  std::printf(
      "%s theanopp %.6f %.3f ms  # min %.6f .. max %.6f .. reps %zu .. cpu %.3f ms .. goal <= 50 "
      "ms %s .. %zu nodes compiled .. %s\n",
      w.id.c_str(), t.median(t.wall), ms, t.min(), t.max(), t.wall.size(), t.median(t.cpu) * 1e3,
      ms <= 50 ? "met" : "MISSED", t.nodes_after, w.what.c_str());
  if (o.profile) {
    std::vector<Var> ins, outs;
    for (const auto& i : w.inputs) ins.push_back(i.variable);
    for (const auto& u : w.outputs) outs.push_back(u.variable);
    for (const auto& [var, update] : w.options.updates) outs.push_back(update);
    theano::FunctionGraph fg(ins, outs);
    theano::optdb::OptimizeReport report;
    theano::optdb::optimize(fg, o.mode, &report);
    std::printf("%s\n", theano::optdb::format_report(report).c_str());
  }
  std::fflush(stdout);
}

std::vector<int> parse_sizes(const char* text) {
  std::vector<int> out;
  for (const char* p = text; *p;) {
    out.push_back(std::atoi(p));
    while (*p && *p != ',') ++p;
    if (*p) ++p;
  }
  return out;
}

bool parse(int argc, char** argv, Options& o) {
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    bool has_value = i + 1 < argc;
    if (a == "--sizes" && has_value)
      o.sizes = parse_sizes(argv[++i]);
    else if (a == "--profile")
      o.profile = true;
    else if (a == "--mode" && has_value)
      o.mode.name = argv[++i];
    else if (a == "--only" && has_value)
      o.only = argv[++i];
    else if (a == "--ops" && has_value)
      o.ops = argv[++i];
    else if (a == "--reps" && has_value)
      o.reps = std::max(1, std::atoi(argv[++i]));
    else
      return false;
  }
  return o.ops == "test" || o.ops == "elemwise";
}

void run_all(const Options& o) {
  Ops ops = o.ops == "test" ? test_ops() : elemwise_ops();
  for (const char* shape : {"chain", "tree"})
    for (bool grad : {false, true})
      for (int n : o.sizes) {
        std::string name = std::string(shape) + (grad ? "+grad" : "");
        if (!o.only.empty() && o.only != name) continue;
        try {
          run_synthetic(ops, shape, grad, n, o);
        } catch (const std::exception& e) {
          std::printf("# C%s-%s FAILED: %s\n", name.c_str(), size_label(n).c_str(), e.what());
        }
      }
  if (o.ops != "elemwise" || !(o.only.empty() || o.only == "workloads")) return;
  for (const Workload& w : training_workloads()) {
    try {
      run_workload(w, o);
    } catch (const std::exception& e) {
      std::printf("# %s FAILED: %s\n", w.id.c_str(), e.what());
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  if (!parse(argc, argv, o)) {
    std::fprintf(stderr,
                 "usage: %s [--ops elemwise|test] [--sizes 1000,10000] [--profile] "
                 "[--mode FAST_RUN] [--only chain+grad|workloads] [--reps 7]\n",
                 argv[0]);
    return 2;
  }
  std::printf("# compile benchmark: mode %s, ops %s, median of up to %d compiles\n",
              o.mode.name.c_str(), o.ops.c_str(), o.reps);
  run_all(o);
  return 0;
}
