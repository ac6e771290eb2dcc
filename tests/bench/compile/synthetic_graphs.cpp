// Synthetic graphs for the compile benchmark (see synthetic_graphs.h).
#include "synthetic_graphs.h"

#include <unordered_map>

#include "ot_ops.h"
#include "theano/core/gradient.h"
#include "theano/core/init.h"
#include "theano/tensor.h"

namespace bench_compile {

namespace {

using theano::Var;
namespace T = theano::tensor;

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

}  // namespace

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

}  // namespace bench_compile
