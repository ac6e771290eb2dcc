// ShapeFeature, the Shape / Shape_i ops and the shape rewrites.
#include "helpers.h"
#include "theano/optdb/graph_ops.h"
#include "theano/optdb/optimizers.h"
#include "theano/optdb/shape_feature.h"

namespace ottest {
namespace {

using namespace theano;
using namespace theano::optdb;

std::optional<std::int64_t> constant_of(const Var& v) {
  auto* c = dynamic_cast<const Constant*>(v.get());
  if (!c) return std::nullopt;
  return c->value().array().item<std::int64_t>();
}

// An op that says nothing about shapes.
class OpaqueOp final : public Op {
 public:
  std::string name() const override { return "OTOpaque"; }
  ApplyPtr make_node(std::vector<Var> in) const override {
    TypePtr t = in[0]->type();
    return build(std::move(in), {t});
  }
  void perform(const Apply&, InputRefs in, OutputRefs out) const override { out[0] = in[0]; }
};

// An op whose shape is its input's, counting how often it is asked.
class CountingOp final : public Op {
 public:
  explicit CountingOp(int& asked) : asked_(asked) {}
  std::string name() const override { return "OTCounting"; }
  ApplyPtr make_node(std::vector<Var> in) const override {
    TypePtr t = in[0]->type();
    return build(std::move(in), {t});
  }
  void perform(const Apply&, InputRefs in, OutputRefs out) const override { out[0] = in[0]; }
  std::optional<std::vector<ShapeVars>> infer_shape(
      const Apply&, const std::vector<ShapeVars>& in) const override {
    ++asked_;
    return std::vector<ShapeVars>{in[0]};
  }

 private:
  int& asked_;
};

TEST_F(OptdbTest, ReplacingComputesNoShapeNobodyAskedFor) {
  int asked = 0;
  Var x = ot::vector("x");
  Var c = std::make_shared<CountingOp>(asked)->make_node({x})->output(0);
  auto fg = graph({x}, {ot::exp(c)});
  auto sf = std::make_shared<ShapeFeature>();
  fg->attach_feature(sf);
  fg->replace(fg->outputs()[0], ot::neg(c), "test");
  EXPECT_EQ(asked, 0);  // shapes are computed when asked for
  EXPECT_TRUE(ShapeFeature::is_placeholder(sf->shape_i(fg->outputs()[0], 0), x.get(), 0));
  EXPECT_EQ(asked, 1);
}

TEST_F(OptdbTest, ReplacingKeepsTheBetterOfBothShapes) {
  Var x = ot::vector("x"), y = ot::vector("y");
  Var old = ot::exp(x);
  auto fg = graph({x, y}, {old});
  auto sf = std::make_shared<ShapeFeature>();
  fg->attach_feature(sf);
  ASSERT_TRUE(ShapeFeature::is_placeholder(sf->shape_i(old, 0), x.get(), 0));  // asked: x's
  // The replacement's op says nothing about shapes (its own would be a
  // placeholder); the value is the same, so the old variable's shape is kept.
  Var opaque = std::make_shared<OpaqueOp>()->make_node({y})->output(0);
  fg->replace(old, opaque, "test");
  EXPECT_TRUE(ShapeFeature::is_placeholder(sf->shape_i(opaque, 0), x.get(), 0));
}

TEST_F(OptdbTest, StaticDimensionsAreConstants) {
  Var x = ot::vector("x", 3);
  Var y = ot::exp(x);
  auto fg = graph({x}, {y, ot::sum(y)});
  auto sf = std::make_shared<ShapeFeature>();
  fg->attach_feature(sf);
  ASSERT_EQ(sf->shape_of(y).size(), 1u);
  EXPECT_EQ(constant_of(sf->shape_of(y)[0]), 3);
  EXPECT_EQ(sf->constant_shape(x), (std::vector<std::int64_t>{3}));
  EXPECT_TRUE(sf->shape_of(fg->outputs()[1]).empty());
}

TEST_F(OptdbTest, UnknownDimensionsFlowThroughInferShape) {
  Var x = ot::vector("x"), y = ot::vector("y");
  Var a = ot::exp(ot::neg(x));
  Var b = ot::add(a, ot::constant(2));
  Var c = std::make_shared<OpaqueOp>()->make_node({x})->output(0);
  auto fg = graph({x, y}, {b, y, c});
  auto sf = std::make_shared<ShapeFeature>();
  fg->attach_feature(sf);
  Var dim = sf->shape_i(b, 0);
  EXPECT_TRUE(ShapeFeature::is_placeholder(dim, x.get(), 0));  // Shape_i(0)(x), not of b
  EXPECT_TRUE(sf->same_shape(x, b));
  EXPECT_TRUE(sf->same_shape(a, b, 0, 0));
  EXPECT_FALSE(sf->same_shape(x, y));
  EXPECT_TRUE(ShapeFeature::is_placeholder(sf->shape_i(c, 0), c.get(), 0));
  EXPECT_FALSE(sf->constant_shape(b));
}

TEST_F(OptdbTest, ShapeOnlyUsesDoNotKeepTheValueAlive) {
  Var x = ot::vector("x");
  Var heavy = ot::exp(ot::exp(ot::log(x)));
  auto fg = graph({x}, {shape_i(heavy, 0)});
  shape_opt()->apply(*fg);
  EXPECT_EQ(in2out(local_track_shape_i())->apply(*fg), 1);
  ASSERT_EQ(fg->size(), 1u);  // only Shape_i(0)(x) is left
  Apply* n = fg->outputs()[0]->owner();
  EXPECT_EQ(n->op().name(), "Shape_i");
  EXPECT_EQ(n->input(0), x);
  EXPECT_EQ(in2out(local_track_shape_i())->apply(*fg), 0);
}

TEST_F(OptdbTest, ShapeOfAKnownShapeBecomesAConstant) {
  Var x = ot::vector("x", 4);
  auto fg = graph({x}, {shape(ot::exp(x))});
  shape_opt()->apply(*fg);
  EXPECT_EQ(in2out(local_shape_to_shape_i())->apply(*fg), 1);
  ASSERT_EQ(fg->size(), 0u);
  auto* c = dynamic_cast<const Constant*>(fg->outputs()[0].get());
  ASSERT_TRUE(c);
  EXPECT_EQ(c->value().array().to_vector<std::int64_t>(), (std::vector<std::int64_t>{4}));
}

TEST_F(OptdbTest, ShapeOpsEvaluate) {
  Var m =
      Constant::make(TensorType::make(DType::Float64, 2),
                     Value(NDArray::from_vector(std::vector<double>{1, 2, 3, 4, 5, 6}, {2, 3})));
  auto fg = graph({}, {shape(m), shape_i(m, 1)});
  EXPECT_EQ(in2out(std::make_shared<ConstantFolding>())->apply(*fg), 2);
  auto value = [&](int k) {
    return static_cast<const Constant&>(*fg->outputs()[k])
        .value()
        .array()
        .to_vector<std::int64_t>();
  };
  EXPECT_EQ(value(0), (std::vector<std::int64_t>{2, 3}));
  EXPECT_EQ(value(1), (std::vector<std::int64_t>{3}));
  EXPECT_THROW(shape_i(m, 2), ValueError);
}

}  // namespace
}  // namespace ottest
