// FunctionGraph on very large graphs: pruning a chain of 200k nodes needs no
// deep recursion, and releasing the 100k clients of one value stays linear
// (clients are kept in no particular order, so a removal never shifts them).
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "testops/testops.h"
#include "theano/core/fgraph.h"

using namespace theano;

namespace {

TEST(FunctionGraphScale, PruningAVeryLongChainAndItsManyClients) {
  testops::init();
  Var x = testops::dvector("x");
  Var v = x;
  for (int i = 0; i < 200000; ++i) v = i % 2 ? testops::add(v, x) : testops::neg(v);
  FunctionGraph fg({x}, {v}, /*clone=*/false);
  ASSERT_EQ(fg.size(), 200000u);
  ASSERT_EQ(fg.clients(x.get()).size(), 100001u);  // the first neg and every add
  fg.replace(fg.outputs()[0], x, "test");
  EXPECT_EQ(fg.size(), 0u);
  ASSERT_EQ(fg.clients(x.get()).size(), 1u);
  EXPECT_EQ(fg.clients(x.get())[0], (Client{nullptr, 0}));
  fg.check_integrity();
}

// The clients of `v` that are nodes, as a sorted list (clients have no order).
std::vector<Apply*> reader_nodes(const FunctionGraph& fg, const Variable* v) {
  std::vector<Apply*> nodes;
  for (const Client& c : fg.clients(v))
    if (c.node) nodes.push_back(c.node);
  std::sort(nodes.begin(), nodes.end());
  return nodes;
}

TEST(FunctionGraphScale, RemovingAClientKeepsTheOthers) {
  testops::init();
  Var x = testops::dvector("x");
  Var a = testops::neg(x), b = testops::neg(x), c = testops::neg(x);
  FunctionGraph fg({x}, {a, b, c}, /*clone=*/false);
  fg.replace(fg.outputs()[1], x, "test");  // b is pruned: a and c stay, x becomes output 1
  std::vector<Apply*> want{a->owner(), c->owner()};
  std::sort(want.begin(), want.end());
  EXPECT_EQ(reader_nodes(fg, x.get()), want);
  const auto& cl = fg.clients(x.get());
  EXPECT_EQ(cl.size(), 3u);
  EXPECT_EQ(std::count(cl.begin(), cl.end(), Client{nullptr, 1}), 1);
}

TEST(FunctionGraphScale, ReadersReplacedBackwardsOrShuffledLeaveTheRest) {
  // Fusion's pattern: each reader of x is replaced, last first, by a new
  // reader appended at the end, so every removal sits deep inside the list
  // (where the removal search starts beside the previous one); then the new
  // readers leave in a shuffled order. Exactly the right readers remain.
  testops::init();
  constexpr int n = 2000;
  Var x = testops::dvector("x");
  std::vector<Var> readers;
  for (int i = 0; i < n; ++i) readers.push_back(testops::neg(x));
  FunctionGraph fg({x}, readers, /*clone=*/false);
  std::vector<Apply*> fresh(n);
  for (int i = n - 1; i >= 0; --i) {
    Var f = testops::neg(x);
    fresh[i] = f->owner();
    fg.replace(fg.outputs()[i], f, "test");
    if (i == n / 2) {  // r0 .. r(n/2 - 1) and fresh(n/2) .. fresh(n-1)
      std::vector<Apply*> want;
      for (int k = 0; k < n / 2; ++k) want.push_back(readers[k]->owner());
      for (int k = n / 2; k < n; ++k) want.push_back(fresh[k]);
      std::sort(want.begin(), want.end());
      EXPECT_EQ(reader_nodes(fg, x.get()), want);
    }
  }
  std::vector<int> order(n);
  for (int i = 0; i < n; ++i) order[i] = i;
  std::shuffle(order.begin(), order.end(), std::mt19937(7));
  std::vector<bool> gone(n, false);
  for (int step = 0; step < n; ++step) {
    fg.replace(fg.outputs()[order[step]], x, "test");
    gone[order[step]] = true;
    if (step % 397 != 0) continue;
    std::vector<Apply*> want;  // the readers left
    for (int i = 0; i < n; ++i)
      if (!gone[i]) want.push_back(fresh[i]);
    std::sort(want.begin(), want.end());
    EXPECT_EQ(reader_nodes(fg, x.get()), want) << "after " << step + 1 << " removals";
  }
  EXPECT_EQ(fg.size(), 0u);
  fg.check_integrity();
}

}  // namespace
