// Graph objects: ownership, source locations, constants, toposort and cloning.
#include <gtest/gtest.h>

#include "testops/testops.h"
#include "theano/core/graph.h"
#include "theano/core/op.h"
#include "theano/core/registry.h"

using namespace theano;

TEST(Graph, OutputKeepsItsNodeAndInputsAlive) {
  std::weak_ptr<Variable> weak_x;
  Var z;
  {
    Var x = testops::dvector("x");
    weak_x = x;
    z = testops::neg(testops::neg(x));
  }
  ASSERT_FALSE(weak_x.expired());
  EXPECT_EQ(z->owner()->input(0)->owner()->input(0)->name(), "x");
  z.reset();
  EXPECT_TRUE(weak_x.expired()) << "dropping the last output handle must free the whole graph";
}

TEST(Graph, SiblingOutputsShareTheirNode) {
  Var x = testops::dvector("x");
  Var y = testops::neg(x);
  Var again = y->owner()->output(0);
  EXPECT_EQ(again.get(), y.get());
  EXPECT_EQ(y->self().get(), y.get());
  EXPECT_EQ(x->self().get(), x.get());
}

TEST(Graph, RecordsTheUserSourceLine) {
  testops::init();
  Var x = testops::dvector("x");
  auto op = Registry::global().make_op("TestNeg");
  int line = __LINE__ + 1;
  Var y = op->apply1({x});
  EXPECT_EQ(y->tag().loc.line, line);
  EXPECT_NE(y->tag().loc.file.find("graph_test.cpp"), std::string::npos);
  EXPECT_EQ(y->owner()->loc().line, line);
}

TEST(Graph, ConstantsCompareByTypeAndData) {
  auto t = TensorType::make(DType::Float64, 1);
  auto a = Constant::make(t, NDArray::from_values<double>({1, 2, 3}));
  auto b = Constant::make(t, NDArray::from_values<double>({1, 2, 3}));
  auto c = Constant::make(t, NDArray::from_values<double>({1, 2, 4}));
  EXPECT_TRUE(a->equals(*b));
  EXPECT_EQ(a->signature(), b->signature());
  EXPECT_FALSE(a->equals(*c));
  auto f = Constant::make(TensorType::make(DType::Float32, 1), NDArray::from_values<float>({1, 2, 3}));
  EXPECT_FALSE(a->equals(*f)) << "same numbers, different dtype";
}

TEST(Graph, ConstantRejectsAValueOfTheWrongRank) {
  EXPECT_THROW(Constant::make(TensorType::make(DType::Float64, 2), NDArray::from_values<double>({1, 2})),
               TypeError);
}

TEST(Graph, IoToposortPutsProducersFirst) {
  Var x = testops::dvector("x");
  Var a = testops::neg(x);
  Var b = testops::add(a, x);
  Var c = testops::mul(b, a);
  auto order = io_toposort({x}, {c});
  ASSERT_EQ(order.size(), 3u);
  EXPECT_EQ(order[0].get(), a->owner());
  EXPECT_EQ(order[1].get(), b->owner());
  EXPECT_EQ(order[2].get(), c->owner());
}

TEST(Graph, CloneCopiesNodesAndKeepsSharedAndConstants) {
  Var x = testops::dvector("x");
  auto w = shared(NDArray::from_values<double>({1, 2}), "w");
  Var y = testops::add(testops::neg(x), w);
  CloneMap cm = clone_graph({x}, {y});
  Var y2 = cm[y.get()];
  EXPECT_NE(y2.get(), y.get());
  EXPECT_NE(y2->owner(), y->owner());
  EXPECT_EQ(y2->owner()->input(1).get(), w.get()) << "shared variables are not copied";
  EXPECT_EQ(cm[x.get()]->name(), "x");
  EXPECT_NE(cm[x.get()].get(), x.get());
}

TEST(Graph, CloneAppliesGivens) {
  Var x = testops::dvector("x");
  Var z = testops::dvector("z");
  Var y = testops::neg(x);
  Var replacement = testops::add(z, z);
  CloneMap cm = clone_graph({z}, {y}, true, {{x, replacement}});
  Var y2 = cm[y.get()];
  Apply* add = y2->owner()->input(0)->owner();
  ASSERT_NE(add, nullptr);
  EXPECT_EQ(add->op().name(), "TestAdd");
  EXPECT_EQ(add->input(0).get(), cm[z.get()].get());
}

TEST(Graph, GivensWithAnotherTypeAreRejected) {
  Var x = testops::dvector("x");
  Var f = testops::fvector("f");
  EXPECT_THROW(clone_graph({f}, {testops::neg(x)}, true, {{x, f}}), TypeError);
}

TEST(SharedVariable, GetAndSetHonourBorrow) {
  NDArray init = NDArray::from_values<double>({1, 2, 3});
  auto w = shared(init, "w");
  init.data<double>()[0] = 100;  // shared() copied: the variable owns its data
  EXPECT_EQ(w->get_value().array().at({0}), 1.0);

  Value copy = w->get_value();
  copy.array().data<double>()[1] = -1;
  EXPECT_EQ(w->get_value().array().at({1}), 2.0) << "get_value() without borrow is a copy";

  Value internal = w->get_value(/*borrow=*/true);
  internal.array().data<double>()[1] = -1;
  EXPECT_EQ(w->get_value().array().at({1}), -1.0) << "borrow returns the internal buffer";

  NDArray fresh = NDArray::from_values<double>({7, 8, 9});
  w->set_value(fresh);
  fresh.data<double>()[0] = 0;
  EXPECT_EQ(w->get_value().array().at({0}), 7.0) << "set_value() without borrow copies";
  w->set_value(fresh, /*borrow=*/true);
  fresh.data<double>()[0] = 5;
  EXPECT_EQ(w->get_value().array().at({0}), 5.0) << "set_value(borrow) keeps the caller's buffer";
}

TEST(SharedVariable, SetValueChecksTheType) {
  auto w = shared(NDArray::from_values<double>({1, 2}), "w");
  try {
    w->set_value(NDArray::from_values<double>({1, 2, 3, 4}, {2, 2}));
    FAIL() << "a matrix must not fit a vector shared variable";
  } catch (const TypeError& e) {
    EXPECT_NE(std::string(e.what()).find("ndim 1"), std::string::npos) << e.what();
  }
  w->set_value(NDArray::from_values<double>({1, 2, 3}));  // another length is fine: dims unknown
  EXPECT_EQ(w->get_value().array().dim(0), 3);
}

TEST(Types, AreInternedAndPrintTheirShape) {
  auto a = TensorType::make(DType::Float32, {std::nullopt, 3});
  auto b = TensorType::make(DType::Float32, {std::nullopt, 3});
  EXPECT_EQ(a.get(), b.get());
  EXPECT_EQ(a->str(), "TensorType(float32, (?, 3))");
  EXPECT_TRUE(TensorType::make(DType::Float32, {1, std::nullopt})->broadcastable(0));
  EXPECT_NE(a.get(), TensorType::make(DType::Float64, {std::nullopt, 3}).get());
}

TEST(Types, FilterExplainsMismatches) {
  auto t = TensorType::make(DType::Float32, {std::nullopt, 3});
  try {
    t->filter(NDArray::zeros(DType::Float32, {2, 4}));
    FAIL();
  } catch (const TypeError& e) {
    EXPECT_NE(std::string(e.what()).find("(2, 4)"), std::string::npos) << e.what();
  }
  EXPECT_THROW(t->filter(NDArray::zeros(DType::Float64, {2, 3})), TypeError) << "float64 -> float32 is lossy";
  Value ok = t->filter(NDArray::zeros(DType::Float64, {2, 3}), FilterOptions{.allow_downcast = true});
  EXPECT_EQ(ok.array().dtype(), DType::Float32);
  Value up = t->filter(NDArray::zeros(DType::Int8, {2, 3}));
  EXPECT_EQ(up.array().dtype(), DType::Float32) << "int8 -> float32 is a safe cast";
}

TEST(Props, EqualityHashAndPrinting) {
  Props a{{"axis", PropValue::ints({0, 2})}, {"keepdims", true}, {"dtype", DType::Float32}};
  Props b{{"axis", PropValue::ints({0, 2})}, {"keepdims", true}, {"dtype", DType::Float32}};
  Props c{{"axis", PropValue::ints({0, 1})}, {"keepdims", true}, {"dtype", DType::Float32}};
  EXPECT_TRUE(a == b);
  EXPECT_EQ(a.hash(), b.hash());
  EXPECT_FALSE(a == c);
  EXPECT_EQ(a.str(), "axis=(0, 2),keepdims=True,dtype=float32");
  EXPECT_EQ(a.get("axis").as_ints(), (std::vector<std::int64_t>{0, 2}));
  EXPECT_THROW(a.get("missing"), ValueError);
  EXPECT_THROW(a.get("keepdims").as<std::string>(), TypeError);
}

TEST(Op, EqualityFollowsNameAndProps) {
  testops::init();
  auto& reg = Registry::global();
  EXPECT_TRUE(reg.make_op("TestAdd")->equals(*reg.make_op("TestAdd")));
  EXPECT_FALSE(reg.make_op("TestAdd")->equals(*reg.make_op("TestAdd", {{"inplace", true}})));
  EXPECT_FALSE(reg.make_op("TestAdd")->equals(*reg.make_op("TestMul")));
  EXPECT_EQ(reg.make_op("TestAdd", {{"inplace", true}})->display(), "TestAdd{inplace=True}");
}

TEST(Op, MakeNodeNamesTheBadInput) {
  Var x = testops::dvector("x");
  Var i = Variable::make(TensorType::make(DType::Int32, 1), "i");
  try {
    testops::add(x, i);
    FAIL();
  } catch (const TypeError& e) {
    EXPECT_NE(std::string(e.what()).find("input 1"), std::string::npos) << e.what();
  }
}
