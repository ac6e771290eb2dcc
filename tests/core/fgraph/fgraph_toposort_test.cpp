// FunctionGraph::toposort after many rewrites: after every replacement of a
// random sequence, the cached order is recomputed and equals a plain
// reference depth-first sort (outputs first, then nodes in insertion order,
// inputs before extra orderings), so compiled programs keep their order; it
// is a valid topological order of exactly the graph's nodes; Feature
// orderings are honoured and a cycle among them is refused.
#include <gtest/gtest.h>

#include <random>
#include <unordered_map>
#include <unordered_set>

#include "testops/testops.h"
#include "theano/core/errors.h"
#include "theano/core/fgraph.h"

using namespace theano;

namespace {

// The reference order: the same depth-first walk, written recursively with
// sets, as simple as possible.
std::vector<Apply*> reference_toposort(const FunctionGraph& fg,
                                       const std::map<Apply*, std::vector<Apply*>>& extra = {}) {
  std::vector<Apply*> out;
  std::unordered_set<Apply*> done;
  std::function<void(Apply*)> visit = [&](Apply* n) {
    if (!done.insert(n).second) return;
    for (const auto& in : n->inputs())
      if (in->owner() && fg.contains(in->owner())) visit(in->owner());
    if (auto it = extra.find(n); it != extra.end())
      for (Apply* p : it->second) visit(p);
    out.push_back(n);
  };
  for (const auto& o : fg.outputs())
    if (o->owner() && fg.contains(o->owner())) visit(o->owner());
  for (Apply* n : fg.apply_nodes()) visit(n);
  return out;
}

void expect_valid_order(const FunctionGraph& fg, const std::vector<Apply*>& order) {
  ASSERT_EQ(order.size(), fg.size());
  std::unordered_map<Apply*, std::size_t> pos;
  for (std::size_t i = 0; i < order.size(); ++i) {
    ASSERT_TRUE(fg.contains(order[i]));
    ASSERT_TRUE(pos.emplace(order[i], i).second) << "a node appears twice";
  }
  for (Apply* n : order) {
    for (const auto& in : n->inputs()) {
      if (in->owner()) {
        EXPECT_LT(pos.at(in->owner()), pos.at(n));
      }
    }
  }
}

TEST(FunctionGraphToposort, EqualsAFreshSortAfterEveryRandomReplacement) {
  testops::init();
  std::mt19937 rng(12345);
  Var x = testops::dvector("x"), y = testops::dvector("y");
  std::vector<Var> vars{x, y};
  for (int i = 0; i < 300; ++i) {
    const Var& a = vars[rng() % vars.size()];
    const Var& b = vars[rng() % vars.size()];
    switch (rng() % 3) {
      case 0:
        vars.push_back(testops::add(a, b));
        break;
      case 1:
        vars.push_back(testops::mul(a, b));
        break;
      default:
        vars.push_back(testops::neg(a));
    }
  }
  FunctionGraph fg({x, y}, {vars[vars.size() - 1], vars[vars.size() - 7], vars[150]});
  for (int step = 0; step < 200 && fg.size() > 3; ++step) {
    const std::vector<Apply*> before = fg.toposort();
    EXPECT_EQ(before, reference_toposort(fg));
    expect_valid_order(fg, before);
    EXPECT_EQ(&fg.toposort(), &fg.toposort());  // cached while nothing changes
    // Replace a value by a new node reading only values sorted before it,
    // which cannot depend on it: no cycle.
    std::size_t target = 1 + rng() % (before.size() - 1);
    Var old_var = before[target]->output(0);
    Var a = rng() % 4 == 0 ? fg.inputs()[rng() % 2] : before[rng() % target]->output(0);
    Var b = before[rng() % target]->output(0);
    Var fresh = rng() % 2 ? testops::add(a, b) : testops::neg(a);
    fg.replace(old_var, fresh, "test");
    fg.check_integrity();
  }
  EXPECT_EQ(fg.toposort(), reference_toposort(fg));
  expect_valid_order(fg, fg.toposort());
}

// Orders `later` after `earlier` (as the DestroyHandler orders readers
// before a destroyer).
class OrderAfter final : public Feature {
 public:
  OrderAfter(Apply* later, Apply* earlier) : later_(later), earlier_(earlier) {}
  std::map<Apply*, std::vector<Apply*>> orderings(const FunctionGraph&) const override {
    return {{later_, {earlier_}}};
  }

 private:
  Apply* later_;
  Apply* earlier_;
};

TEST(FunctionGraphToposort, HonoursFeatureOrderingsAndRefusesACycle) {
  testops::init();
  Var x = testops::dvector("x");
  Var a = testops::neg(x), b = testops::add(x, x);
  Var c = testops::mul(a, b);
  FunctionGraph fg({x}, {c}, /*clone=*/false);
  // Without orderings the walk from c sorts a before b.
  ASSERT_EQ(fg.toposort(), (std::vector<Apply*>{a->owner(), b->owner(), c->owner()}));
  fg.attach_feature(std::make_shared<OrderAfter>(a->owner(), b->owner()));
  fg.add_output(x);  // any change invalidates the cached order
  std::map<Apply*, std::vector<Apply*>> extra{{a->owner(), {b->owner()}}};
  EXPECT_EQ(fg.toposort(), (std::vector<Apply*>{b->owner(), a->owner(), c->owner()}));
  EXPECT_EQ(fg.toposort(), reference_toposort(fg, extra));

  FunctionGraph cyclic({x}, {c}, /*clone=*/false);
  cyclic.attach_feature(std::make_shared<OrderAfter>(a->owner(), c->owner()));
  EXPECT_THROW(cyclic.toposort(), InconsistencyError);
}

}  // namespace
