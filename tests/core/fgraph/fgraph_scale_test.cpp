// FunctionGraph on very large graphs: pruning a chain of 200k nodes needs no
// deep recursion, and releasing the 100k clients of one value stays linear.
#include <gtest/gtest.h>

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

TEST(FunctionGraphScale, RemovingAClientKeepsTheOthersInOrder) {
  testops::init();
  Var x = testops::dvector("x");
  Var a = testops::neg(x), b = testops::neg(x), c = testops::neg(x);
  FunctionGraph fg({x}, {a, b, c}, /*clone=*/false);
  fg.replace(fg.outputs()[1], x, "test");  // b is pruned: a and c keep their order
  const auto& cl = fg.clients(x.get());
  ASSERT_EQ(cl.size(), 3u);
  EXPECT_EQ(cl[0].node, a->owner());
  EXPECT_EQ(cl[1].node, c->owner());
  EXPECT_EQ(cl[2], (Client{nullptr, 1}));
}

}  // namespace
