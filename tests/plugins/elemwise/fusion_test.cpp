// Fusion: elementwise chains become one Elemwise{Composite} node, reductions
// absorb their elementwise producer, and fused graphs compute what the
// unfused ones do.
#include <random>

#include "helpers.h"
#include "theano/core/printing.h"

namespace theano::testing {
namespace {

NDArray random_f32(Shape shape, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<float> d;
  std::vector<float> v(static_cast<std::size_t>(shape_size(shape)));
  for (float& e : v) e = d(rng);
  return NDArray::from_vector(v, shape);
}

int count_ops(const Function& f, const std::string& name) {
  int n = 0;
  for (const Apply* node : f.fgraph().apply_nodes()) n += node->op().name() == name;
  return n;
}

FunctionOptions without_fusion() {
  FunctionOptions o;
  o.mode = Mode::from_config().with_excluding({"fusion"});
  return o;
}

TEST(Fusion, W1ExpressionBecomesOneComposite) {
  init();
  auto x = T::fvector("x"), y = T::fvector("y"), z = T::fvector("z");
  T::TensorVar out = T::exp(x) * y + T::tanh(z) - x * x;
  Function f = function({x, y, z}, {out});
  ASSERT_EQ(f.fgraph().size(), 1u) << debugprint(f);
  const Apply* node = f.fgraph().apply_nodes()[0];
  EXPECT_EQ(node->op().display(),
            "Elemwise{Composite{(((exp(i0) * i1) + tanh(i2)) - sqr(i0))},no_inplace}");
  Function g = function({x, y, z}, {out}, without_fusion());
  EXPECT_GT(g.fgraph().size(), 3u);
  for (std::int64_t n : {1, 7, 513, 5000, 100003}) {
    std::vector<Value> args{random_f32({n}, 1), random_f32({n}, 2), random_f32({n}, 3)};
    EXPECT_TRUE(array_equal(f(args)[0].array(), g(args)[0].array())) << "n = " << n;
  }
}

TEST(Fusion, ConstantsAreInlinedAndBroadcastInputsKept) {
  init();
  auto m = T::fmatrix("m");
  auto row = T::tensor(DType::Float32, {1, std::nullopt}, "row");
  T::TensorVar out = T::sqr(m - row) * 0.5 + 1.0;
  Function f = function({m, row}, {out});
  EXPECT_EQ(count_ops(f, "Elemwise"), 1) << debugprint(f);
  Function g = function({m, row}, {out}, without_fusion());
  std::vector<Value> args{random_f32({37, 45}, 4), random_f32({1, 45}, 5)};
  EXPECT_TRUE(array_equal(f(args)[0].array(), g(args)[0].array()));
}

TEST(Fusion, SharedIntermediateIsNotDuplicated) {
  init();
  auto x = T::dvector("x");
  T::TensorVar e = T::exp(x);
  Function f = function({x}, {e + 1, e * 2});
  // exp(x) feeds two outputs: it stays a node of its own.
  EXPECT_EQ(count_ops(f, "Elemwise"), 3) << debugprint(f);
  auto r = f({arr<double>({0, 1})});
  EXPECT_TRUE(close(r[0].array(), arr<double>({2, 1 + 2.718281828459045})));
  EXPECT_TRUE(close(r[1].array(), arr<double>({2, 2 * 2.718281828459045})));
}

TEST(Fusion, MixedDtypesInsideAComposite) {
  init();
  auto i = T::ivector("i");
  auto x = T::fvector("x");
  T::TensorVar out = T::exp(i) + x * 2;  // int32 -> float64 inside the composite
  Function f = function({i, x}, {out});
  EXPECT_EQ(count_ops(f, "Elemwise"), 1) << debugprint(f);
  Function g = function({i, x}, {out}, without_fusion());
  std::vector<Value> args{arr<std::int32_t>({0, 1, 2, -3}), arr<float>({1.5f, -2, 0, 8})};
  NDArray a = f(args)[0].array(), b = g(args)[0].array();
  EXPECT_EQ(a.dtype(), DType::Float64);
  EXPECT_TRUE(array_equal(a, b));
}

TEST(Fusion, SumOfSquaresIsOnePass) {
  init();
  auto x = T::fmatrix("x");
  Function f = function({x}, {T::sum(x * x, 1)});
  ASSERT_EQ(f.fgraph().size(), 1u) << debugprint(f);
  EXPECT_EQ(f.fgraph().apply_nodes()[0]->op().display(),
            "Sum{axis=(1,),acc_dtype=float64,pre=Composite{sqr(i0)}}");
  Function g = function({x}, {T::sum(x * x, 1)}, without_fusion());
  for (Shape s : {Shape{3, 5}, Shape{40, 3000}, Shape{1, 1}, Shape{0, 4}}) {
    std::vector<Value> args{random_f32(s, 6)};
    EXPECT_TRUE(close(f(args)[0].array(), g(args)[0].array(), 1e-6, 1e-6)) << shape_str(s);
  }
}

TEST(Fusion, ReductionOfABroadcastingProducer) {
  init();
  auto m = T::dmatrix("m");
  auto v = T::dvector("v");
  T::TensorVar out = T::sum(T::exp(m) * v, 0);
  Function f = function({m, v}, {out});
  EXPECT_EQ(count_ops(f, "Elemwise"), 0) << debugprint(f);
  Function g = function({m, v}, {out}, without_fusion());
  NDArray mv = random_f32({6, 9}, 7).astype(DType::Float64);
  NDArray vv = random_f32({9}, 8).astype(DType::Float64);
  EXPECT_TRUE(close(f({mv, vv})[0].array(), g({mv, vv})[0].array(), 1e-12));
}

}  // namespace
}  // namespace theano::testing
