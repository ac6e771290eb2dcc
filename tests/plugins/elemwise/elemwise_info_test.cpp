// ElemwiseInfo (theano/core/elemwise_info.h): an Elemwise node answers its
// scalar op's name and whether it works in place, so rewrites of other
// plugins can match it without its props; other ops do not answer.
#include "theano/core/elemwise_info.h"
#include "helpers.h"
#include "theano/core/registry.h"

namespace theano::testing {
namespace {

OpPtr elemwise_op(const std::string& name, PropList inplace = {}) {
  return Registry::global().make_op("Elemwise",
                                    Props{{"scalar_op", name}, {"inplace_pattern", inplace}});
}

TEST(ElemwiseInfo, NamesTheScalarOpOfAPlainNode) {
  init();
  auto x = T::dvector("x"), y = T::dvector("y");
  T::TensorVar sum = x + y, ex = T::exp(x);  // alive: they own their nodes
  const Apply* add = sum->owner();
  const Apply* e = ex->owner();
  ASSERT_NE(elemwise_info(add), nullptr);
  EXPECT_EQ(elemwise_info(add)->scalar_op_name(), "add");
  EXPECT_FALSE(elemwise_info(add)->is_inplace());
  EXPECT_EQ(plain_elemwise_name(add), "add");
  EXPECT_EQ(plain_elemwise_name(e), "exp");
}

TEST(ElemwiseInfo, InPlaceNodeAnswersButIsNotPlain) {
  init();
  auto x = T::dvector("x"), y = T::dvector("y");
  ApplyPtr node = elemwise_op("mul", {PropValue::ints({0, 0})})->make_node({x.var(), y.var()});
  ASSERT_NE(elemwise_info(node.get()), nullptr);
  EXPECT_EQ(elemwise_info(node.get())->scalar_op_name(), "mul");
  EXPECT_TRUE(elemwise_info(node.get())->is_inplace());
  EXPECT_EQ(plain_elemwise_name(node.get()), "");
  // The same scalar op without the pattern is plain again.
  ApplyPtr plain = elemwise_op("mul")->make_node({x.var(), y.var()});
  EXPECT_EQ(plain_elemwise_name(plain.get()), "mul");
}

TEST(ElemwiseInfo, CompositeIsNamedComposite) {
  init();
  auto x = T::dvector("x"), y = T::dvector("y");
  T::TensorVar out = T::exp(x * y + x);
  Function f = function({x, y}, {out});
  ASSERT_EQ(f.fgraph().size(), 1u);
  const Apply* fused = f.fgraph().apply_nodes()[0];
  ASSERT_NE(elemwise_info(fused), nullptr);
  EXPECT_EQ(elemwise_info(fused)->scalar_op_name(), "Composite");
}

TEST(ElemwiseInfo, AnswersStayRightAcrossManyOpTypes) {
  // More op types than elemwise_info remembers per thread, visited in turns
  // with Elemwise nodes, so answers come both from the cache and fresh.
  init();
  auto m = T::dmatrix("m"), n = T::dmatrix("n");
  std::vector<T::TensorVar> others = {T::dot(m, n),
                                      T::sum(m),
                                      T::max(m),
                                      T::argmax(m),
                                      T::shape(m),
                                      T::flatten(m),
                                      T::reshape(m, {-1}),
                                      T::concatenate({m, n}),
                                      T::dimshuffle(m, {1, 0}),
                                      T::prod(m)};
  T::TensorVar added = m + n, ex = T::exp(m);
  ApplyPtr in_place = elemwise_op("sub", {PropValue::ints({0, 0})})->make_node({m.var(), n.var()});
  for (int round = 0; round < 3; ++round) {
    for (const auto& v : others) {
      ASSERT_NE(v->owner(), nullptr);
      EXPECT_EQ(elemwise_info(v->owner()), nullptr) << v->owner()->op().display();
      EXPECT_EQ(plain_elemwise_name(added->owner()), "add");
      EXPECT_EQ(plain_elemwise_name(ex->owner()), "exp");
      ASSERT_NE(elemwise_info(in_place.get()), nullptr);
      EXPECT_TRUE(elemwise_info(in_place.get())->is_inplace());
      EXPECT_EQ(elemwise_info(in_place.get())->scalar_op_name(), "sub");
    }
  }
}

TEST(ElemwiseInfo, OtherOpsAndNullAreNotElemwise) {
  init();
  auto m = T::dmatrix("m");
  T::TensorVar transposed = T::dimshuffle(m, {1, 0}), total = T::sum(m);
  EXPECT_EQ(elemwise_info(transposed->owner()), nullptr);  // DimShuffle
  EXPECT_EQ(elemwise_info(total->owner()), nullptr);       // CAReduce
  EXPECT_EQ(plain_elemwise_name(total->owner()), "");
  EXPECT_EQ(elemwise_info(nullptr), nullptr);
  EXPECT_EQ(plain_elemwise_name(m->owner()), "");  // an input: no node
}

}  // namespace
}  // namespace theano::testing
