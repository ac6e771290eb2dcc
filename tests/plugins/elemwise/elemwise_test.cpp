// Elemwise: broadcasting (static and runtime), strided and negative-stride
// inputs, every dtype family, float16 and complex, the threaded path, output
// shapes, in-place execution and the errors a user sees.
#include <random>

#include "helpers.h"
#include "theano/core/config.h"
#include "theano/core/registry.h"

namespace theano::testing {
namespace {

// Builds `op` on `vars`, then runs its perform on `values` directly.
NDArray perform(const OpPtr& op, const std::vector<Var>& vars, const std::vector<NDArray>& values) {
  ApplyPtr node = op->make_node(vars);
  std::vector<Value> in(values.begin(), values.end()), out(node->nout());
  std::vector<const Value*> ip;
  std::vector<Value*> op_;
  for (auto& v : in) ip.push_back(&v);
  for (auto& v : out) op_.push_back(&v);
  node->op().perform(*node, InputRefs(ip.data(), ip.size()), OutputRefs(op_.data(), op_.size()));
  return out[0].array();
}

OpPtr elemwise(const std::string& name, PropList inplace = {}) {
  return Registry::global().make_op("Elemwise",
                                    Props{{"scalar_op", name}, {"inplace_pattern", inplace}});
}

NDArray iota(DType dtype, Shape shape, double start = 0) {
  std::vector<double> v(static_cast<std::size_t>(shape_size(shape)));
  for (std::size_t i = 0; i < v.size(); ++i) v[i] = start + static_cast<double>(i);
  return NDArray::from_vector(v, shape).astype(dtype);
}

TEST(Elemwise, BroadcastsRowsAndColumns) {
  init();
  auto col = T::dcol("c"), row = T::drow("r");
  T::TensorVar out = col * 10 + row;
  EXPECT_EQ(out.static_shape(), (StaticShape{std::nullopt, std::nullopt}));
  NDArray r = eval1({col, row}, out, {iota(DType::Float64, {3, 1}), iota(DType::Float64, {1, 4})});
  EXPECT_TRUE(close(r, arr<double>({0, 1, 2, 3, 10, 11, 12, 13, 20, 21, 22, 23}, {3, 4})));
}

TEST(Elemwise, FewerDimsArePaddedOnTheLeft) {
  init();
  auto t = T::dtensor3("t");
  auto v = T::dvector("v");
  T::TensorVar out = t - v;
  EXPECT_EQ(out.ndim(), 3);
  NDArray tv = iota(DType::Float64, {2, 2, 3});
  NDArray r = eval1({t, v}, out, {tv, arr<double>({0, 1, 2})});
  EXPECT_TRUE(close(r, arr<double>({0, 0, 0, 3, 3, 3, 6, 6, 6, 9, 9, 9}, {2, 2, 3})));
}

TEST(Elemwise, StaticShapesPropagate) {
  init();
  auto a = T::tensor(DType::Float32, {3, std::nullopt});
  auto b = T::tensor(DType::Float32, {std::nullopt, 4});
  auto c = T::tensor(DType::Float32, {1, 1});
  EXPECT_EQ((a + b).static_shape(), (StaticShape{3, 4}));
  EXPECT_EQ((c * 2).static_shape(), (StaticShape{1, 1}));
  EXPECT_EQ((a + c).static_shape(), (StaticShape{3, std::nullopt}));
}

TEST(Elemwise, StaticMismatchIsAnErrorAtBuildTime) {
  init();
  auto a = T::tensor(DType::Float32, {3, 5}, "a");
  auto b = T::tensor(DType::Float32, {4, 5}, "b");
  try {
    (void)(a + b);
    FAIL() << "no error";
  } catch (const ValueError& e) {
    std::string m = e.what();
    // Named even though the op's display is printed only for errors.
    EXPECT_EQ(m.rfind("Elemwise{add,no_inplace}: ", 0), 0u) << m;
    EXPECT_NE(m.find("(3, 5)"), std::string::npos) << m;
    EXPECT_NE(m.find("(4, 5)"), std::string::npos) << m;
    EXPECT_NE(m.find("dimension 0 is 3 vs 4"), std::string::npos) << m;
  }
}

TEST(Elemwise, RuntimeMismatchNamesShapesAndTheUsersLine) {
  init();
  auto a = T::fmatrix("a"), b = T::fmatrix("b");
  int line = __LINE__ + 1;
  T::TensorVar out = a * b;
  Function f = function({a, b}, {out});
  try {
    f({NDArray::zeros(DType::Float32, {2, 3}), NDArray::zeros(DType::Float32, {2, 4})});
    FAIL() << "no error";
  } catch (const NodeError& e) {
    std::string m = e.original_message();
    EXPECT_NE(m.find("(2, 3)"), std::string::npos) << m;
    EXPECT_NE(m.find("(2, 4)"), std::string::npos) << m;
    EXPECT_NE(m.find("dimension 1: 3 vs 4"), std::string::npos) << m;
    EXPECT_EQ(e.source_location().line, line) << e.what();
    EXPECT_NE(e.source_location().file.find("elemwise_test.cpp"), std::string::npos);
  }
}

TEST(Elemwise, SizeOneOnlyBroadcastsWhereTheTypeSaysSo) {
  init();
  auto a = T::fmatrix("a"), b = T::fmatrix("b");
  Function f = function({a, b}, {a + b});
  try {
    f({NDArray::zeros(DType::Float32, {1, 3}), NDArray::zeros(DType::Float32, {4, 3})});
    FAIL() << "no error";
  } catch (const NodeError& e) {
    std::string m = e.original_message();
    EXPECT_NE(m.find("does not declare that dimension broadcastable"), std::string::npos) << m;
  }
  auto row = T::frow("row");
  NDArray r =
      eval1({row, b}, row + b,
            {NDArray::full(DType::Float32, {1, 3}, 1), NDArray::zeros(DType::Float32, {4, 3})});
  EXPECT_TRUE(close(r, NDArray::full(DType::Float32, {4, 3}, 1)));
}

TEST(Elemwise, NegativeStridesAndTransposedViews) {
  init();
  auto x = T::dmatrix("x"), y = T::dmatrix("y");
  OpPtr sub = elemwise("sub");
  NDArray a = iota(DType::Float64, {4, 5});
  NDArray b = iota(DType::Float64, {5, 4}, 100).transpose();  // F-order view
  NDArray c = a.slice(0, 3, -1, -1).slice(1, 4, -1, -1);      // both axes reversed
  NDArray r = perform(sub, {x, y}, {c, b});
  for (std::int64_t i = 0; i < 4; ++i)
    for (std::int64_t j = 0; j < 5; ++j) EXPECT_EQ(r.at({i, j}), c.at({i, j}) - b.at({i, j}));
  // Through a compiled function as well, with a strided (every other column) view.
  NDArray wide = iota(DType::Float64, {4, 10});
  NDArray strided = wide.slice(1, 0, 10, 2);
  NDArray r2 = eval1({x, y}, x * y, {strided, c});
  for (std::int64_t i = 0; i < 4; ++i)
    for (std::int64_t j = 0; j < 5; ++j)
      EXPECT_EQ(r2.at({i, j}), strided.at({i, j}) * c.at({i, j}));
}

TEST(Elemwise, MixedDtypesConvertOnTheFly) {
  init();
  auto i8 = T::bvector("i8");
  auto u16 = T::tensor(DType::UInt16, 1, "u16");
  auto f = T::fvector("f");
  T::TensorVar s = i8 + u16;  // int8 + uint16 -> int32
  EXPECT_EQ(s.dtype(), DType::Int32);
  T::TensorVar t = i8 * f;  // int8 * float32 -> float32
  EXPECT_EQ(t.dtype(), DType::Float32);
  auto r = eval({i8, u16, f}, {s, t},
                {arr<std::int8_t>({-128, 5, 127}), arr<std::uint16_t>({65535, 1, 2}),
                 arr<float>({0.5f, -2, 4})});
  EXPECT_TRUE(close(r[0].array(), arr<std::int32_t>({65407, 6, 129})));
  EXPECT_TRUE(close(r[1].array(), arr<float>({-64, -10, 508})));
}

TEST(Elemwise, IntegerArithmeticWrapsAndNeverTraps) {
  init();
  auto a = T::ivector("a"), b = T::ivector("b");
  auto r = eval(
      {a, b}, {a + b, a * b, T::int_div(a, b), a % b},
      {arr<std::int32_t>({2147483647, -2147483647 - 1, 7, -7}), arr<std::int32_t>({1, -1, 0, 2})});
  EXPECT_TRUE(close(r[0].array(), arr<std::int32_t>({-2147483647 - 1, 2147483647, 7, -5})));
  EXPECT_TRUE(close(r[1].array(), arr<std::int32_t>({2147483647, -2147483647 - 1, 0, -14})));
  EXPECT_TRUE(close(r[2].array(), arr<std::int32_t>({2147483647, -2147483647 - 1, 0, -4})));
  EXPECT_TRUE(close(r[3].array(), arr<std::int32_t>({0, 0, 0, 1})));
}

TEST(Elemwise, Float16IsComputedInFloat32) {
  init();
  auto h = T::tensor(DType::Float16, 1, "h");
  T::TensorVar out = T::exp(h) + 1;
  EXPECT_EQ(out.dtype(), DType::Float16);
  NDArray r = eval1({h}, out, {arr<float>({0, 1, -1, 10}).astype(DType::Float16)});
  EXPECT_EQ(r.dtype(), DType::Float16);
  NDArray want =
      arr<double>({2, 1 + 2.718281828459045, 1 + 0.36787944117144233, 22027.465794806718})
          .astype(DType::Float16);
  EXPECT_TRUE(array_equal(r, want)) << r.str() << " vs " << want.str();
}

TEST(Elemwise, ComplexArithmetic) {
  init();
  auto z = T::zvector("z");
  using C = std::complex<double>;
  NDArray zv = arr<C>({C(1, 2), C(-3, 0.5)});
  auto r = eval({z}, {z * z + 1.0, T::abs(z), T::exp(z)}, {zv});
  EXPECT_TRUE(close(r[0].array(), arr<C>({C(-2, 4), C(9.75, -3)})));
  EXPECT_EQ(r[1].array().dtype(), DType::Float64);
  EXPECT_TRUE(close(r[1].array(), arr<double>({std::sqrt(5.0), std::sqrt(9.25)})));
  EXPECT_TRUE(close(r[2].array(), arr<C>({std::exp(C(1, 2)), std::exp(C(-3, 0.5))})));
  EXPECT_THROW(T::floor(z), TypeError);
  EXPECT_THROW((void)(z < z), TypeError);
}

TEST(Elemwise, BoolRules) {
  init();
  auto p = T::tensor(DType::Bool, 1, "p"), q = T::tensor(DType::Bool, 1, "q");
  EXPECT_EQ((p + q).dtype(), DType::Bool);
  EXPECT_EQ((p & q).dtype(), DType::Bool);
  EXPECT_EQ(T::pow(p, q).dtype(), DType::Int8);
  EXPECT_THROW((void)(p - q), TypeError);
  EXPECT_THROW((void)(-p), TypeError);
  NDArray r =
      eval1({p, q}, ~(p ^ q), {arr<bool>({true, true, false}), arr<bool>({true, false, false})});
  EXPECT_TRUE(array_equal(r, arr<bool>({true, false, true})));
}

TEST(Elemwise, ThreadedPathMatchesTheSerialOne) {
  init();
  auto x = T::fmatrix("x"), v = T::dvector("v");
  T::TensorVar out = T::tanh(x) * v + T::sqrt(T::abs(x));
  std::mt19937_64 rng(3);
  std::normal_distribution<float> d;
  std::vector<float> xs(1000 * 777);
  for (float& e : xs) e = d(rng);
  NDArray xa = NDArray::from_vector(xs, {1000, 777});
  NDArray va = iota(DType::Float64, {777}, -300);
  NDArray parallel = eval1({x, v}, out, {xa.transpose().transpose(), va});
  NDArray serial;
  {
    ScopedFlags flags(
        std::map<std::string, std::string>{{"elemwise.parallel_min_size", "1000000000"}});
    serial = eval1({x, v}, out, {xa, va});
  }
  EXPECT_TRUE(array_equal(parallel, serial));
  NDArray transposed =
      eval1({x, v}, T::tanh(x) * v, {NDArray::from_vector(xs, {777, 1000}).transpose(), va});
  double want = std::tanh(xs[776 * 1000 + 999]) * (776.0 - 300);
  EXPECT_NEAR(transposed.at({999, 776}), want, 1e-6 * std::fabs(want));
}

TEST(Elemwise, InPlaceOpWritesIntoItsInput) {
  init();
  auto x = T::dvector("x"), y = T::dvector("y");
  PropList pattern{PropValue::ints({0, 0})};
  OpPtr op = elemwise("add", pattern);
  ASSERT_EQ(op->destroy_map(), (IOMap{{0, {0}}}));
  EXPECT_EQ(op->display(), "Elemwise{add}[(0, 0)]");
  NDArray a = arr<double>({1, 2, 3}), b = arr<double>({10, 20, 30});
  NDArray r = perform(op, {x, y}, {a, b});
  EXPECT_EQ(r.raw_data(), a.raw_data());
  EXPECT_TRUE(close(a, arr<double>({11, 22, 33})));
  EXPECT_TRUE(close(b, arr<double>({10, 20, 30})));
  // The pattern must join equal types.
  auto m = T::dmatrix("m");
  EXPECT_THROW(op->make_node({x, m}), TypeError);
}

TEST(Elemwise, InPlaceNaryProductReadingItsOutputTwice) {
  init();
  // mul(v, y, y) writing into y: a pass-by-pass fold would read y after
  // overwriting it.
  auto v = T::dvector("v"), y = T::dvector("y");
  OpPtr op = elemwise("mul", PropList{PropValue::ints({0, 1})});
  NDArray vv = arr<double>({2, 3, -1}), yv = arr<double>({1, 2, 4});
  NDArray r = perform(op, {v, y, y}, {vv, yv, yv});
  EXPECT_EQ(r.raw_data(), yv.raw_data());
  EXPECT_TRUE(close(r, arr<double>({2, 12, -16})));
}

TEST(Elemwise, CompiledFunctionsGoInPlaceWithoutTouchingInputs) {
  init();
  auto x = T::dvector("x");
  T::TensorVar out = T::exp(x * 2) + 1;
  FunctionOptions no_fusion;
  no_fusion.mode = Mode::from_config().with_excluding({"fusion"});
  Function f = function({x}, {out}, no_fusion);
  int inplace = 0;
  for (const Apply* n : f.fgraph().apply_nodes()) inplace += !n->op().destroy_map().empty();
  EXPECT_GE(inplace, 1) << "the intermediates should be overwritten in place";
  NDArray xv = arr<double>({0, 0.5, 1});
  NDArray before = xv.copy();
  NDArray r = f({xv})[0].array();
  EXPECT_TRUE(array_equal(xv, before)) << "a function input was overwritten";
  EXPECT_TRUE(close(r, arr<double>({2, 1 + std::exp(1.0), 1 + std::exp(2.0)}), 1e-14));
  NDArray r2 = f({xv})[0].array();
  EXPECT_TRUE(close(r, r2, 0, 0)) << "a returned value changed after the next call";
}

TEST(Elemwise, MutableInputsAreOverwrittenAndOthersAreNot) {
  init();
  auto x = T::dvector("x"), y = T::dvector("y");
  In mx(x);
  mx.mutable_ = true;  // the caller gives its buffer away
  Function f = function({mx, y}, {T::exp(x) + y});
  NDArray xv = arr<double>({0, 1, 2}), yv = arr<double>({1, 1, 1});
  NDArray r = f({xv, yv})[0].array();
  NDArray want = arr<double>({2, 1 + std::exp(1.0), 1 + std::exp(2.0)});
  EXPECT_TRUE(close(r, want, 1e-14));
  EXPECT_FALSE(array_equal(xv, arr<double>({0, 1, 2}))) << "mutable x was not reused";
  EXPECT_TRUE(array_equal(yv, arr<double>({1, 1, 1}))) << "y is not mutable";
  EXPECT_FALSE(r.may_share_memory(xv)) << "the output must not alias the caller's buffer";
}

// Whether a shared variable's update was computed in its own storage under
// the inplace_shared_updates policy. (Holding the old array would make the
// update go to a private copy: only the address is kept.)
bool updated_in_place(const char* policy) {
  ScopedFlags flags(std::map<std::string, std::string>{{"inplace_shared_updates", policy}});
  auto w = shared(arr<double>({1, 2, 3}), "w");
  const void* old = w->get_value(/*borrow=*/true).array().raw_data();
  FunctionOptions options;
  options.updates = {{w, T::exp(T::TensorVar(w)) * 2.0}};
  Function f = function({}, {}, options);
  f({});
  NDArray now = w->get_value(true).array();
  EXPECT_TRUE(close(now, arr<double>({2 * std::exp(1.0), 2 * std::exp(2.0), 2 * std::exp(3.0)})));
  return now.raw_data() == old;
}

TEST(Elemwise, SharedUpdatesGoInPlaceUnlessForbidden) {
  init();
  EXPECT_FALSE(updated_in_place("never"));
  EXPECT_FALSE(updated_in_place("False"));
  EXPECT_TRUE(updated_in_place("checked"));
  EXPECT_TRUE(updated_in_place("always"));
}

TEST(Elemwise, InferShapeUsesTheNonBroadcastInputs) {
  init();
  auto col = T::dcol("c"), row = T::drow("r");
  T::TensorVar out = col + row;
  const Apply& node = *out->owner();
  ShapeVars sc{T::lscalar("c0"), T::lscalar("c1")}, sr{T::lscalar("r0"), T::lscalar("r1")};
  auto shapes = node.op().infer_shape(node, {sc, sr});
  ASSERT_TRUE(shapes.has_value());
  EXPECT_EQ((*shapes)[0][0], sc[0]);
  EXPECT_EQ((*shapes)[0][1], sr[1]);
  auto ones = T::tensor(DType::Float64, {1, 1});
  T::TensorVar both = ones * 2;
  auto s2 = both->owner()->op().infer_shape(*both->owner(), {{T::lscalar(), T::lscalar()}, {}});
  ASSERT_TRUE(s2.has_value());
  const auto* c = dynamic_cast<const Constant*>((*s2)[0][0].get());
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->value().array().item<std::int64_t>(), 1);
}

TEST(Elemwise, DimShuffleIsAView) {
  init();
  auto m = T::dmatrix("m");
  OpPtr ds =
      Registry::global().make_op("DimShuffle", Props{{"new_order", PropValue::ints({1, -1, 0})}});
  EXPECT_EQ(ds->display(), "DimShuffle{1,x,0}");
  EXPECT_EQ(ds->view_map(), (IOMap{{0, {0}}}));
  NDArray a = iota(DType::Float64, {2, 3});
  NDArray r = perform(ds, {m}, {a});
  EXPECT_EQ(r.shape(), (Shape{3, 1, 2}));
  EXPECT_TRUE(r.may_share_memory(a));
  EXPECT_EQ(r.at({2, 0, 1}), a.at({1, 2}));
  // Only axes of static size 1 may be dropped.
  EXPECT_THROW(T::dimshuffle(m, {1}), ValueError);
  EXPECT_EQ(T::dimshuffle(T::drow(), {1}).static_shape(), (StaticShape{std::nullopt}));
  EXPECT_EQ(T::squeeze(T::tensor(DType::Float32, {1, 3, 1})).static_shape(), (StaticShape{3}));
  EXPECT_EQ(T::swapaxes(T::dtensor3(), 0, 2).ndim(), 3);
}

}  // namespace
}  // namespace theano::testing
