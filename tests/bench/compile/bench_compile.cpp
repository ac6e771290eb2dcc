// Compile-time benchmark: chains and trees of 1k, 10k and 100k elementwise
// nodes, alone and with their gradient, compiled in FAST_RUN. Prints the
// CPU time of the optimizer alone and of the whole compile (clone, optimize,
// link), and each per 1000 nodes of the graph given to the compiler (CPU
// time, since this machine is shared: the wall time is printed too).
// Compile time is a product feature; Theano took seconds to minutes here.
//
//   bench_compile [--sizes 1000,10000,100000] [--profile] [--mode FAST_RUN]
//                 [--only chain|chain+grad|tree|tree+grad]
//
// Uses the optimizer tests' tiny ops until the elemwise plugin is usable.
#include <time.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

#include "ot_ops.h"
#include "theano/core/function.h"
#include "theano/optdb/optimize.h"

namespace {

using theano::Var;

// CPU time of this thread: on a shared machine, wall time also counts the
// other processes' turns.
double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

// Reverse-mode gradient of a 0-d `cost` through the ops' L_op rules.
std::vector<Var> gradients(const Var& cost, const std::vector<Var>& wrt) {
  std::vector<theano::ApplyPtr> order = theano::io_toposort(wrt, {cost});
  std::unordered_map<const theano::Variable*, Var> grad{{cost.get(), ot::constant(1)}};
  for (auto it = order.rbegin(); it != order.rend(); ++it) {
    theano::Apply& node = **it;
    std::vector<Var> gouts;
    bool any = false;
    for (int k = 0; k < node.nout(); ++k) {
      auto g = grad.find(node.out(k));
      gouts.push_back(g == grad.end() ? nullptr : g->second);
      any = any || g != grad.end();
    }
    if (!any) continue;
    std::vector<Var> gins = node.op().L_op(node, gouts);
    for (int i = 0; i < node.nin(); ++i) {
      if (!gins[i] || gins[i]->type()->kind() != "tensor") continue;
      auto [slot, fresh] = grad.emplace(node.input(i).get(), gins[i]);
      if (!fresh) slot->second = ot::add(slot->second, gins[i]);
    }
  }
  std::vector<Var> out;
  for (const auto& w : wrt) out.push_back(grad.count(w.get()) ? grad[w.get()] : ot::constant(0));
  return out;
}

// n nodes: each applies one of a cycle of unary and binary ops to the last.
Var chain(const Var& x, const Var& y, int n) {
  Var v = x;
  for (int i = 0; i < n; ++i) {
    switch (i % 5) {
      case 0:
        v = ot::exp(v);
        break;
      case 1:
        v = ot::mul(v, y);
        break;
      case 2:
        v = ot::neg(v);
        break;
      case 3:
        v = ot::add(v, x);
        break;
      default:
        v = ot::log1p(v);
        break;
    }
  }
  return v;
}

// About n nodes: distinct leaves x * i and y + i, then a balanced tree of
// alternating adds and muls.
Var tree(const Var& x, const Var& y, int n) {
  int leaves = (n + 1) / 2;
  std::vector<Var> level;
  for (int i = 0; i < leaves; ++i) {
    Var c = ot::constant(static_cast<double>(i + 1));
    level.push_back(i % 2 ? ot::mul(x, c) : ot::add(y, c));
  }
  bool use_mul = false;
  while (level.size() > 1) {
    std::vector<Var> next;
    for (std::size_t i = 0; i + 1 < level.size(); i += 2) {
      next.push_back(use_mul ? ot::mul(level[i], level[i + 1]) : ot::add(level[i], level[i + 1]));
      use_mul = !use_mul;
    }
    if (level.size() % 2) next.push_back(level.back());
    level.swap(next);
  }
  return level[0];
}

std::size_t count_nodes(const std::vector<Var>& in, const std::vector<Var>& out) {
  return theano::io_toposort(in, out).size();
}

void run(const std::string& shape, bool with_grad, int n, const theano::Mode& mode, bool profile) {
  Var x = ot::vector("x"), y = ot::vector("y");
  Var out = shape == "chain" ? chain(x, y, n) : tree(x, y, n);
  std::vector<Var> outputs{out};
  if (with_grad) {
    for (const Var& g : gradients(ot::sum(out), {x, y})) outputs.push_back(g);
  }
  std::size_t nodes = count_nodes({x, y}, outputs);
  // The optimizer alone, then the whole compile (clone, optimize, link).
  theano::FunctionGraph fg({x, y}, outputs);
  theano::optdb::OptimizeReport report;
  double c0 = thread_cpu_seconds();
  theano::optdb::optimize(fg, mode, &report);
  double optimize_cpu = thread_cpu_seconds() - c0;

  std::vector<theano::Out> outs(outputs.begin(), outputs.end());
  auto t0 = std::chrono::steady_clock::now();
  c0 = thread_cpu_seconds();
  theano::Function f = theano::function({x, y}, outs, {.mode = mode, .on_unused_input = "ignore"});
  double compile_cpu = thread_cpu_seconds() - c0;
  double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf(
      "%-6s %-5s n=%-7d nodes %7zu -> %7zu  optimize %8.1f ms  compile %8.1f ms (wall %8.1f)"
      "  optimize %6.2f / compile %6.2f ms per 1k nodes\n",
      shape.c_str(), with_grad ? "+grad" : "", n, nodes, f.fgraph().size(), optimize_cpu * 1e3,
      compile_cpu * 1e3, wall * 1e3, optimize_cpu * 1e6 / static_cast<double>(nodes),
      compile_cpu * 1e6 / static_cast<double>(nodes));
  if (profile) std::printf("%s\n", theano::optdb::format_report(report).c_str());
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

}  // namespace

int main(int argc, char** argv) {
  std::vector<int> sizes{1000, 10000, 100000};
  bool profile = false;
  std::string only;
  theano::Mode mode;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--sizes") && i + 1 < argc)
      sizes = parse_sizes(argv[++i]);
    else if (!std::strcmp(argv[i], "--profile"))
      profile = true;
    else if (!std::strcmp(argv[i], "--mode") && i + 1 < argc)
      mode.name = argv[++i];
    else if (!std::strcmp(argv[i], "--only") && i + 1 < argc)
      only = argv[++i];
    else {
      std::fprintf(
          stderr,
          "usage: %s [--sizes 1000,10000] [--profile] [--mode FAST_RUN] [--only chain+grad]\n",
          argv[0]);
      return 2;
    }
  }
  ot::init();
  for (int n : sizes)
    for (const char* shape : {"chain", "tree"})
      for (bool grad : {false, true}) {
        std::string name = std::string(shape) + (grad ? "+grad" : "");
        if (only.empty() || only == name) run(shape, grad, n, mode, profile);
      }
  return 0;
}
