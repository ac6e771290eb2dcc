// Compile-time benchmark: chains and trees of 1k, 10k and 100k elementwise
// nodes, alone and with their gradient, compiled in FAST_RUN. Prints the
// CPU time of the optimizer alone and of the whole compile (clone, optimize,
// link), and each per 1000 nodes of the graph given to the compiler (CPU
// time, since this machine is shared: the wall time is printed too).
// Compile time is a product feature; Theano took seconds to minutes here.
//
//   bench_compile [--ops test|elemwise] [--sizes 1000,10000,100000] [--profile]
//                 [--mode FAST_RUN] [--only chain|chain+grad|tree|tree+grad]
//
// --ops test (default) uses the optimizer tests' tiny ops and their L_op
// rules; --ops elemwise the elemwise plugin through the T:: front end and
// theano::grad (its fusion and algebraic rewrites then run too).
#include <time.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "ot_ops.h"
#include "theano/core/function.h"
#include "theano/core/gradient.h"
#include "theano/core/init.h"
#include "theano/optdb/optimize.h"
#include "theano/tensor.h"

namespace {

using theano::Var;
namespace T = theano::tensor;

// CPU time of this thread: on a shared machine, wall time also counts the
// other processes' turns.
double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

// The graph-building vocabulary of one op family.
struct Ops {
  std::function<Var(const std::string&)> vector;
  std::function<Var(double)> constant;
  std::function<Var(const Var&)> exp, neg, log1p, sum;
  std::function<Var(const Var&, const Var&)> add, mul;
  std::function<std::vector<Var>(const Var&, const std::vector<Var>&)> grad;
};

// Reverse-mode gradient of a 0-d `cost` through the test ops' L_op rules.
std::vector<Var> test_gradients(const Var& cost, const std::vector<Var>& wrt) {
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

Ops test_ops() {
  ot::init();
  return {[](const std::string& n) { return ot::vector(n); },
          ot::constant,
          ot::exp,
          ot::neg,
          ot::log1p,
          ot::sum,
          ot::add,
          ot::mul,
          test_gradients};
}

Ops elemwise_ops() {
  theano::initialize();
  return {[](const std::string& n) { return Var(T::tensor(theano::DType::Float32, 1, n)); },
          [](double v) { return Var(T::constant(v, theano::DType::Float32)); },
          [](const Var& a) { return Var(T::exp(a)); },
          [](const Var& a) { return Var(T::neg(a)); },
          [](const Var& a) { return Var(T::log1p(a)); },
          [](const Var& a) { return Var(T::sum(a)); },
          [](const Var& a, const Var& b) { return Var(T::add(a, b)); },
          [](const Var& a, const Var& b) { return Var(T::mul(a, b)); },
          [](const Var& cost, const std::vector<Var>& wrt) { return theano::grad(cost, wrt); }};
}

// n nodes: each applies one of a cycle of unary and binary ops to the last.
Var chain(const Ops& ops, const Var& x, const Var& y, int n) {
  Var v = x;
  for (int i = 0; i < n; ++i) {
    switch (i % 5) {
      case 0:
        v = ops.exp(v);
        break;
      case 1:
        v = ops.mul(v, y);
        break;
      case 2:
        v = ops.neg(v);
        break;
      case 3:
        v = ops.add(v, x);
        break;
      default:
        v = ops.log1p(v);
        break;
    }
  }
  return v;
}

// About n nodes: distinct leaves x * i and y + i, then a balanced tree of
// alternating adds and muls.
Var tree(const Ops& ops, const Var& x, const Var& y, int n) {
  int leaves = (n + 1) / 2;
  std::vector<Var> level;
  for (int i = 0; i < leaves; ++i) {
    Var c = ops.constant(static_cast<double>(i + 1));
    level.push_back(i % 2 ? ops.mul(x, c) : ops.add(y, c));
  }
  bool use_mul = false;
  while (level.size() > 1) {
    std::vector<Var> next;
    for (std::size_t i = 0; i + 1 < level.size(); i += 2) {
      next.push_back(use_mul ? ops.mul(level[i], level[i + 1]) : ops.add(level[i], level[i + 1]));
      use_mul = !use_mul;
    }
    if (level.size() % 2) next.push_back(level.back());
    level.swap(next);
  }
  return level[0];
}

struct Options {
  std::vector<int> sizes{1000, 10000, 100000};
  bool profile = false;
  std::string only;
  std::string ops = "test";
  theano::Mode mode;
};

void run(const Ops& ops, const std::string& shape, bool with_grad, int n, const Options& o) {
  Var x = ops.vector("x"), y = ops.vector("y");
  Var out = shape == "chain" ? chain(ops, x, y, n) : tree(ops, x, y, n);
  std::vector<Var> outputs{out};
  if (with_grad)
    for (const Var& g : ops.grad(ops.sum(out), {x, y})) outputs.push_back(g);
  std::size_t nodes = theano::io_toposort({x, y}, outputs).size();
  // The optimizer alone, then the whole compile (clone, optimize, link).
  theano::FunctionGraph fg({x, y}, outputs);
  theano::optdb::OptimizeReport report;
  double c0 = thread_cpu_seconds();
  theano::optdb::optimize(fg, o.mode, &report);
  double optimize_cpu = thread_cpu_seconds() - c0;

  std::vector<theano::Out> outs(outputs.begin(), outputs.end());
  auto t0 = std::chrono::steady_clock::now();
  c0 = thread_cpu_seconds();
  theano::Function f =
      theano::function({x, y}, outs, {.mode = o.mode, .on_unused_input = "ignore"});
  double compile_cpu = thread_cpu_seconds() - c0;
  double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf(
      "%-8s %-6s %-5s n=%-7d nodes %7zu -> %7zu  optimize %8.1f ms  compile %8.1f ms (wall %8.1f)"
      "  optimize %6.2f / compile %6.2f ms per 1k nodes\n",
      o.ops.c_str(), shape.c_str(), with_grad ? "+grad" : "", n, nodes, f.fgraph().size(),
      optimize_cpu * 1e3, compile_cpu * 1e3, wall * 1e3,
      optimize_cpu * 1e6 / static_cast<double>(nodes),
      compile_cpu * 1e6 / static_cast<double>(nodes));
  if (o.profile) std::printf("%s\n", theano::optdb::format_report(report).c_str());
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
    else
      return false;
  }
  return o.ops == "test" || o.ops == "elemwise";
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  if (!parse(argc, argv, o)) {
    std::fprintf(stderr,
                 "usage: %s [--ops test|elemwise] [--sizes 1000,10000] [--profile] "
                 "[--mode FAST_RUN] [--only chain+grad]\n",
                 argv[0]);
    return 2;
  }
  Ops ops = o.ops == "test" ? test_ops() : elemwise_ops();
  for (int n : o.sizes)
    for (const char* shape : {"chain", "tree"})
      for (bool grad : {false, true}) {
        std::string name = std::string(shape) + (grad ? "+grad" : "");
        if (!o.only.empty() && o.only != name) continue;
        try {
          run(ops, shape, grad, n, o);
        } catch (const std::exception& e) {
          std::printf("%-8s %-10s n=%-7d FAILED: %s\n", o.ops.c_str(), name.c_str(), n, e.what());
        }
      }
  return 0;
}
