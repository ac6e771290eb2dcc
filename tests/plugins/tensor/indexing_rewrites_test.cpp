// Indexing ops in compiled graphs: infer_shape agrees with the computed
// shapes, the non-inplace Inc ops leave their input alone while the
// in-place ones (declared in destroy_map) write into it and are swapped in
// by the in-place pass, and the subtensor rewrites fire.
#include "indexing_helpers.h"
#include "theano/optdb/graph_ops.h"
#include "theano/optdb/inplace.h"

namespace theano::indexing_test {
namespace {

using T::none;
using T::slice;

// Runs the op of `out`'s node directly on `args`.
Value perform(const T::TensorVar& out, const std::vector<Value>& args) {
  std::vector<const Value*> ins;
  for (const Value& a : args) ins.push_back(&a);
  Value result;
  Value* outs[] = {&result};
  out->owner()->op().perform(*out->owner(), InputRefs(ins.data(), ins.size()), OutputRefs(outs, 1));
  return result;
}

TEST(IndexingShapes, InferShapeAgreesWithValues) {
  init();
  auto x = T::dtensor3("x");
  auto a = T::lscalar("a"), b = T::lscalar("b"), s = T::lscalar("s");
  auto idx = T::lvector("idx");
  std::vector<T::TensorVar> outs = {
      T::index(x, {slice(a, b, s)}),
      T::index(x, {slice(), slice(b, a, s), 1}),
      T::index(x, {-1, slice(none, none, -2)}),
      T::index(x, {slice(a), T::new_axis}),
      T::index(x, {idx}),
      T::index(x, {slice(), {1, 0, 1}, slice(0, 3)}),
      T::inc_subtensor(x, {slice(a, b)}, 1.0),
      T::set_subtensor(x, {idx}, 0.0),
  };
  NDArray xv = NDArray::zeros(DType::Float64, {5, 4, 3});
  NDArray iv = NDArray::from_values<std::int64_t>({4, 0, -1});
  struct Bounds {
    std::int64_t a, b, s;
  };
  for (Bounds bd : {Bounds{1, 4, 1}, Bounds{-1, 0, -1}, Bounds{4, -7, -2}, Bounds{0, 100, 3}}) {
    SCOPED_TRACE(std::to_string(bd.a) + ":" + std::to_string(bd.b) + ":" + std::to_string(bd.s));
    std::vector<Value> args{xv, NDArray::scalar(bd.a), NDArray::scalar(bd.b), NDArray::scalar(bd.s),
                            iv};
    for (std::size_t k = 0; k < outs.size(); ++k) {
      SCOPED_TRACE("output " + std::to_string(k));
      std::vector<In> ins{In(x), In(a), In(b), In(s), In(idx)};
      FunctionOptions lenient;
      lenient.on_unused_input = "ignore";
      auto values = function(ins, {Out(outs[k])}, lenient);
      std::vector<Out> dims;
      for (int d = 0; d < outs[k].ndim(); ++d) dims.emplace_back(optdb::shape_i(outs[k], d));
      auto shapes = function(ins, dims, lenient);
      Shape actual = values(args).at(0).array().shape();
      Shape inferred;
      for (const Value& v : shapes(args)) inferred.push_back(v.array().item<std::int64_t>());
      EXPECT_EQ(inferred, actual);
      if (k != 5) {
        EXPECT_EQ(count_op(shapes, outs[k]->owner()->op().name()), 0)
            << "not inferred: " << ::testing::PrintToString(op_names(shapes));
      }
    }
  }
}

TEST(IndexingInplace, NonInplaceOpsLeaveTheirInputAlone) {
  init();
  NDArray xv = NDArray::from_values<double>({1, 2, 3, 4, 5, 6}, {3, 2});
  NDArray before = xv.copy();
  auto x = T::dmatrix("x");
  for (T::TensorVar out :
       {T::inc_subtensor(x, {slice(1)}, 10.0), T::set_subtensor(x, {{0, 0}}, 10.0),
        T::inc_subtensor(x, {{0, 2}, {1, 1}}, 10.0)}) {
    SCOPED_TRACE(out->owner()->op().display());
    EXPECT_TRUE(out->owner()->op().destroy_map().empty());
    std::vector<Value> args{xv};
    for (std::size_t i = 1; i < out->owner()->inputs().size(); ++i) {
      const Var& in = out->owner()->input(static_cast<int>(i));
      args.push_back(std::static_pointer_cast<const Constant>(in)->value());
    }
    Value r = perform(out, args);
    EXPECT_TRUE(array_equal(xv, before));
    EXPECT_FALSE(r.array().may_share_memory(xv));
  }
}

TEST(IndexingInplace, InplaceVariantsDeclareAndWrite) {
  init();
  auto x = T::dmatrix("x");
  for (T::TensorVar out :
       {T::inc_subtensor(x, {slice(1)}, 10.0), T::inc_subtensor(x, {{0, 0}}, 10.0),
        T::set_subtensor(x, {{0, 2}, {1, 1}}, 10.0)}) {
    auto* cap = dynamic_cast<const optdb::InplaceCapable*>(&out->owner()->op());
    ASSERT_NE(cap, nullptr);
    ASSERT_EQ(cap->inplace_candidates(*out->owner()), (std::vector<std::pair<int, int>>{{0, 0}}));
    OpPtr inplace = cap->with_inplace(*out->owner(), 0, 0);
    ASSERT_TRUE(inplace);
    EXPECT_EQ(inplace->destroy_map(), (IOMap{{0, {0}}}));
    EXPECT_FALSE(inplace->equals(out->owner()->op()));
    T::TensorVar y = inplace->make_node(out->owner()->inputs())->output(0);
    NDArray xv = NDArray::from_values<double>({1, 2, 3, 4, 5, 6}, {3, 2});
    std::vector<Value> args{xv};
    for (std::size_t i = 1; i < y->owner()->inputs().size(); ++i)
      args.push_back(
          std::static_pointer_cast<const Constant>(y->owner()->input(static_cast<int>(i)))
              ->value());
    Value r = perform(y, args);
    EXPECT_TRUE(r.array().may_share_memory(xv));
    EXPECT_TRUE(array_equal(r.array(), xv));
    EXPECT_TRUE(close(r.array(),
                      eval1({x}, out, {NDArray::from_values<double>({1, 2, 3, 4, 5, 6}, {3, 2})})));
  }
}

TEST(IndexingInplace, InplacePassSwapsInWhereAllowed) {
  init();
  auto x = T::dmatrix("x");
  auto idx = T::lvector("idx");
  T::TensorVar tmp = x * 2.0;
  auto f = function({In(x), In(idx)},
                    {Out(T::inc_subtensor(T::set_subtensor(tmp, {slice(0, 1)}, 5.0), {idx}, 1.0))});
  bool basic_inplace = false, rows_inplace = false;
  for (const Apply* n : f.fgraph().toposort()) {
    if (n->op().name() == "IncSubtensor") basic_inplace = !n->op().destroy_map().empty();
    if (n->op().name() == "AdvancedIncSubtensor1") rows_inplace = !n->op().destroy_map().empty();
  }
  EXPECT_TRUE(basic_inplace);
  EXPECT_TRUE(rows_inplace);
  NDArray xv = NDArray::from_values<double>({1, 2, 3, 4}, {2, 2});
  auto r = f({xv, NDArray::from_values<std::int64_t>({1, 1, 0})}).at(0).array();
  EXPECT_TRUE(close(r, NDArray::from_values<double>({6, 6, 8, 10}, {2, 2})));
  EXPECT_TRUE(array_equal(xv, NDArray::from_values<double>({1, 2, 3, 4}, {2, 2})));
  // A function input is not destroyable: the Inc op on it stays a copy.
  auto g = function({In(x)}, {Out(T::set_subtensor(x, {0}, 0.0))});
  for (const Apply* n : g.fgraph().toposort())
    if (n->op().name() == "IncSubtensor") {
      EXPECT_TRUE(n->op().destroy_map().empty());
    }
  g({xv});
  EXPECT_TRUE(array_equal(xv, NDArray::from_values<double>({1, 2, 3, 4}, {2, 2})));
}

TEST(IndexingRewrites, UselessSubtensorRemoved) {
  init();
  auto x = T::dmatrix("x");
  auto f = function({In(x)}, {Out(T::exp(T::index(x, {slice(), slice(0)})))});
  EXPECT_EQ(count_op(f, "Subtensor"), 0);
  auto g = function({In(x)}, {Out(T::exp(T::index(x, {slice(1)})))});
  EXPECT_EQ(count_op(g, "Subtensor"), 1);
  auto s = T::tensor(DType::Float64, StaticShape{2, 3}, "s");
  auto h = function({In(s)}, {Out(T::exp(T::index(s, {slice(-2, 2), slice(0, 10)})))});
  EXPECT_EQ(count_op(h, "Subtensor"), 0);
}

TEST(IndexingRewrites, SubtensorOfShapeIsShapeI) {
  init();
  auto x = T::dmatrix("x");
  T::TensorVar d = T::index(optdb::shape(x), {-1});
  auto f = function({In(x)}, {Out(d)});
  EXPECT_EQ(count_op(f, "Subtensor"), 0);
  EXPECT_EQ(count_op(f, "Shape"), 0);
  EXPECT_EQ(f({NDArray::zeros(DType::Float64, {2, 7})}).at(0).array().item<std::int64_t>(), 7);
}

TEST(IndexingRewrites, IncrementsOfZerosAndIntoZeros) {
  init();
  auto x = T::dmatrix("x");
  auto idx = T::lvector("idx");
  T::TensorVar zeros = T::fill(T::index(x, {slice(1)}), 0.0);
  auto f = function({In(x), In(idx)}, {Out(T::exp(T::inc_subtensor(x, {idx}, 0.0)) +
                                           T::exp(T::inc_subtensor(x, {slice(1)}, zeros)))});
  EXPECT_EQ(count_op(f, "AdvancedIncSubtensor1"), 0);
  EXPECT_EQ(count_op(f, "IncSubtensor"), 0);
  // The gradient of a slice increments zeros: it becomes a set.
  Var g = grad(T::sum(T::index(x, {slice(1, 3)})), x);
  auto h = function({In(x)}, {Out(g)});
  bool set = false;
  for (const Apply* n : h.fgraph().toposort())
    if (n->op().name() == "IncSubtensor") set = n->op().props().get_as<bool>("set_instead_of_inc");
  EXPECT_TRUE(set);
  EXPECT_TRUE(close(h({NDArray::zeros(DType::Float64, {4, 2})}).at(0).array(),
                    NDArray::from_values<double>({0, 0, 1, 1, 1, 1, 0, 0}, {4, 2})));
}

TEST(IndexingRewrites, ConstantFolding) {
  init();
  T::TensorVar c = T::constant(NDArray::from_values<double>({1, 2, 3, 4}));
  auto x = T::dvector("x");
  auto f = function({In(x)},
                    {Out(x + T::index(c, {slice(none, none, -1)}) + T::index(c, {{3, 3, 0, 1}}))});
  EXPECT_EQ(count_op(f, "Subtensor"), 0);
  EXPECT_EQ(count_op(f, "AdvancedSubtensor1"), 0);
  EXPECT_TRUE(close(f({NDArray::zeros(DType::Float64, {4})}).at(0).array(),
                    NDArray::from_values<double>({8, 7, 3, 3})));
}

}  // namespace
}  // namespace theano::indexing_test
