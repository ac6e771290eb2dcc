// The structural ops on hand-checked values, their static output types,
// and the errors they raise for bad input.
#include "structure_helpers.h"
#include "theano/core/registry.h"

namespace theano::testing {
namespace {

TEST(StructureOps, ReshapeValuesAndStaticShape) {
  init();
  auto x = T::fmatrix("x");
  T::TensorVar y = T::reshape(x, {3, -1});
  EXPECT_EQ(y.ndim(), 2);
  EXPECT_EQ(y.static_shape()[0], 3);
  EXPECT_FALSE(y.static_shape()[1].has_value());
  NDArray got = eval1({x}, y, {ramp({2, 3})});
  EXPECT_TRUE(close(got, ramp({3, 2})));
  // A fully static input resolves the -1 at graph-build time.
  auto s = T::tensor(DType::Float32, {2, 6});
  EXPECT_EQ(T::reshape(s, {-1, 4}).static_shape(), (StaticShape{3, 4}));
}

// Runs `op` on `inputs` directly (no compilation), returning output 0.
Value perform(const OpPtr& op, const std::vector<Var>& vars, const std::vector<Value>& inputs) {
  ApplyPtr node = op->make_node(vars);
  std::vector<const Value*> ins;
  for (const Value& v : inputs) ins.push_back(&v);
  Value out;
  Value* outs[] = {&out};
  op->perform(*node, InputRefs(ins.data(), ins.size()), OutputRefs(outs, 1));
  return out;
}

TEST(StructureOps, ReshapeIsAViewOfContiguousInput) {
  init();
  OpPtr op = Registry::global().make_op("Reshape", Props{{"ndim", 1}});
  auto x = T::fmatrix("x");
  Var shape = T::constant(arr<std::int64_t>({-1})).var();
  NDArray xv = ramp({2, 3});
  Value flat = perform(op, {x, shape}, {xv, arr<std::int64_t>({-1})});
  EXPECT_TRUE(flat.array().may_share_memory(xv));
  NDArray xt = xv.transpose();  // not C-contiguous: copied, in C order
  Value copied = perform(op, {x, shape}, {xt, arr<std::int64_t>({-1})});
  EXPECT_FALSE(copied.array().may_share_memory(xv));
  EXPECT_EQ(copied.array().to_vector<float>(), (std::vector<float>{-1, 0.5f, -0.5f, 1, 0, 1.5f}));
}

TEST(StructureOps, ReshapeWithSymbolicDims) {
  init();
  auto x = T::fmatrix("x");
  auto n = T::lscalar("n");
  T::TensorVar y = T::reshape(x, {n, -1});
  NDArray got = eval1({x, n}, y, {ramp({4, 3}), NDArray::scalar<std::int64_t>(6)});
  EXPECT_TRUE(close(got, ramp({6, 2})));
  auto v = T::lvector("v");
  T::TensorVar z = T::reshape(x, v, 3);
  got = eval1({x, v}, z, {ramp({4, 3}), arr<std::int64_t>({2, 3, 2})});
  EXPECT_TRUE(close(got, ramp({2, 3, 2})));
}

TEST(StructureOps, ReshapeErrorsNameBothShapes) {
  init();
  auto x = T::fmatrix("x");
  T::TensorVar y = T::reshape(x, {4, -1});
  EXPECT_TRUE(throws_with<std::exception>(
      [&] {
        eval1({x}, y, {ramp({2, 3})});
      },
      "cannot reshape an array of shape (2, 3)"));
  EXPECT_TRUE(throws_with<std::exception>([&] { eval1({x}, y, {ramp({2, 3})}); }, "(4, -1)"));
  auto s = T::tensor(DType::Float32, {2, 3});
  EXPECT_TRUE(throws_with<ValueError>([&] { T::reshape(s, {4, 2}); }, "into shape (4, 2)"));
  EXPECT_TRUE(throws_with<ValueError>([&] { T::reshape(x, T::lvector("v")); }, "give ndim"));
  EXPECT_TRUE(throws_with<TypeError>([&] { T::reshape(x, T::fvector("v"), 2); }, "integer vector"));
}

TEST(StructureOps, FlattenKeepsLeadingAxes) {
  init();
  auto x = T::ftensor3("x");
  NDArray got = eval1({x}, T::flatten(x, 2), {ramp({2, 3, 4})});
  EXPECT_TRUE(close(got, ramp({2, 12})));
  got = eval1({x}, T::flatten(x), {ramp({2, 3, 4})});
  EXPECT_TRUE(close(got, ramp({24})));
  EXPECT_THROW(T::flatten(x, 4), ValueError);
}

TEST(StructureOps, SpecifyShapeChecksAtRunTime) {
  init();
  auto x = T::fmatrix("x");
  T::TensorVar y = T::specify_shape(x, {2, 3});
  EXPECT_EQ(y.static_shape(), (StaticShape{2, 3}));
  EXPECT_TRUE(close(eval1({x}, y * 2, {ramp({2, 3})}), eval1({x}, x * 2, {ramp({2, 3})})));
  EXPECT_ANY_THROW(eval1({x}, y, {ramp({3, 2})}));
  EXPECT_THROW(T::specify_shape(x, {2, 3, 4}), ValueError);
}

TEST(StructureOps, MakeVectorPacksScalars) {
  init();
  auto a = T::lscalar("a"), b = T::iscalar("b");
  T::TensorVar v = T::make_vector({a, b, 7});
  EXPECT_EQ(v.dtype(), DType::Int64);
  EXPECT_EQ(v.static_shape(), (StaticShape{3}));
  NDArray got =
      eval1({a, b}, v, {NDArray::scalar<std::int64_t>(5), NDArray::scalar<std::int32_t>(-2)});
  EXPECT_EQ(got.to_vector<std::int64_t>(), (std::vector<std::int64_t>{5, -2, 7}));
  auto f = T::fscalar("f");
  EXPECT_THROW(T::make_vector({f}, DType::Int64), TypeError);
}

TEST(StructureOps, AllocBroadcastsValue) {
  init();
  auto r = T::frow("r");
  auto n = T::lscalar("n");
  T::TensorVar y = T::alloc(r, {n, 3});
  NDArray got = eval1({r, n}, y, {arr<float>({1, 2, 3}, {1, 3}), NDArray::scalar<std::int64_t>(2)});
  EXPECT_TRUE(close(got, arr<float>({1, 2, 3, 1, 2, 3}, {2, 3})));
  T::TensorVar z = T::zeros({2, 2}, DType::Int32);
  EXPECT_EQ(z.dtype(), DType::Int32);
  EXPECT_EQ(z.static_shape(), (StaticShape{2, 2}));
  EXPECT_EQ(eval0(T::ones({3})).to_vector<double>(), (std::vector<double>{1, 1, 1}));
  EXPECT_EQ(eval0(T::ones({3})).dtype(), floatX());
  auto v = T::fvector("v");
  EXPECT_TRUE(throws_with<std::exception>(
      [&] {
        eval1({v}, T::alloc(v, {2, 4}), {ramp({3})});
      },
      "cannot broadcast"));
  EXPECT_THROW(T::alloc(T::fmatrix("m"), {3}), ValueError);
}

TEST(StructureOps, LikeConstructors) {
  init();
  auto x = T::imatrix("x");
  T::TensorVar z = T::zeros_like(x), o = T::ones_like(x, DType::Float32);
  EXPECT_EQ(z.dtype(), DType::Int32);
  EXPECT_EQ(o.dtype(), DType::Float32);
  NDArray xv = arr<std::int32_t>({1, 2, 3, 4, 5, 6}, {3, 2});
  EXPECT_TRUE(close(eval1({x}, z, {xv}), NDArray::zeros(DType::Int32, {3, 2})));
  EXPECT_TRUE(close(eval1({x}, o, {xv}), NDArray::full(DType::Float32, {3, 2}, 1.0)));
}

TEST(StructureOps, AllocEmptyHasShapeAndDtype) {
  init();
  auto n = T::lscalar("n");
  T::TensorVar y = T::alloc_empty({n, 4}, DType::Int16);
  NDArray got = eval1({n}, y, {NDArray::scalar<std::int64_t>(3)});
  EXPECT_EQ(got.shape(), (Shape{3, 4}));
  EXPECT_EQ(got.dtype(), DType::Int16);
}

TEST(StructureOps, ARangeDtypesAndLengths) {
  init();
  T::TensorVar a = T::arange(5);
  EXPECT_EQ(a.dtype(), DType::Int64);
  EXPECT_EQ(a.static_shape(), (StaticShape{5}));
  EXPECT_EQ(eval0(a).to_vector<std::int64_t>(), (std::vector<std::int64_t>{0, 1, 2, 3, 4}));
  EXPECT_EQ(T::arange(0.5, 2).dtype(), floatX());
  EXPECT_EQ(eval0(T::arange(5, 1)).size(), 0);  // empty, not negative
  auto n = T::iscalar("n");
  T::TensorVar b = T::arange(n);
  EXPECT_EQ(b.dtype(), DType::Int32);  // NumPy: C++ integers are weak
  EXPECT_EQ(eval1({n}, b, {NDArray::scalar<std::int32_t>(3)}).to_vector<std::int64_t>(),
            (std::vector<std::int64_t>{0, 1, 2}));
  EXPECT_THROW(T::arange(0, 5, 0), ValueError);
}

TEST(StructureOps, EyeTriAndTriangles) {
  init();
  NDArray e = eval0(T::eye(2, T::Operand(3), 1));
  EXPECT_EQ(e.to_vector<double>(), (std::vector<double>{0, 1, 0, 0, 0, 1}));
  NDArray t = eval0(T::tri(3, std::nullopt, 0, DType::Int8));
  EXPECT_EQ(t.dtype(), DType::Int8);
  EXPECT_EQ(t.to_vector<int>(), (std::vector<int>{1, 0, 0, 1, 1, 0, 1, 1, 1}));
  auto m = T::fmatrix("m");
  NDArray mv = arr<float>({1, 2, 3, 4}, {2, 2});
  EXPECT_TRUE(close(eval1({m}, T::tril(m), {mv}), arr<float>({1, 0, 3, 4}, {2, 2})));
  EXPECT_TRUE(close(eval1({m}, T::triu(m), {mv}), arr<float>({1, 2, 0, 4}, {2, 2})));
  EXPECT_TRUE(close(eval1({m}, T::identity_like(m), {mv}), arr<float>({1, 0, 0, 1}, {2, 2})));
}

TEST(StructureOps, JoinAndStack) {
  init();
  auto a = T::fmatrix("a"), b = T::fmatrix("b");
  NDArray av = arr<float>({1, 2, 3, 4}, {2, 2}), bv = arr<float>({5, 6}, {1, 2});
  EXPECT_TRUE(close(eval1({a, b}, T::concatenate({a, b}), {av, bv}),
                    arr<float>({1, 2, 3, 4, 5, 6}, {3, 2})));
  EXPECT_TRUE(close(eval1({a, b}, T::stack({a, a}, 2), {av, bv}),
                    arr<float>({1, 1, 2, 2, 3, 3, 4, 4}, {2, 2, 2})));
  auto s = T::fscalar("s");
  EXPECT_TRUE(
      close(eval1({s}, T::stack({s, s * 2}), {NDArray::scalar(1.5f)}), arr<float>({1.5f, 3})));
  auto ax = T::lscalar("ax");  // a symbolic axis
  EXPECT_TRUE(close(eval1({a, ax}, T::join(ax, {a, a}), {av, NDArray::scalar<std::int64_t>(1)}),
                    arr<float>({1, 2, 1, 2, 3, 4, 3, 4}, {2, 4})));
  auto i = T::imatrix("i");  // float32 with int32 joins as float64, as NumPy
  EXPECT_EQ(T::concatenate({a, i}).dtype(), DType::Float64);
}

TEST(StructureOps, JoinErrors) {
  init();
  auto a = T::fmatrix("a"), b = T::fmatrix("b");
  T::TensorVar j = T::concatenate({a, b}, 0);
  EXPECT_TRUE(throws_with<std::exception>(
      [&] {
        eval1({a, b}, j, {ramp({2, 3}), ramp({2, 4})});
      },
      "(2, 4)"));
  EXPECT_TRUE(throws_with<TypeError>(
      [&] {
        T::concatenate({a, T::fvector("v")});
      },
      "same number of dimensions"));
  auto s1 = T::tensor(DType::Float32, {2, 3}), s2 = T::tensor(DType::Float32, {2, 4});
  EXPECT_THROW(T::concatenate({s1, s2}, 0), ValueError);
  EXPECT_EQ(T::concatenate({s1, s2}, 1).static_shape(), (StaticShape{2, 7}));
  EXPECT_THROW(T::concatenate({a, b}, 2), ValueError);
}

TEST(StructureOps, SplitPieces) {
  init();
  auto x = T::fmatrix("x");
  auto parts = T::split(x, {1, 2}, 2, 1);
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[0].static_shape()[1], 1);
  auto out = eval({x}, {parts[0], parts[1]}, {ramp({2, 3})});
  EXPECT_TRUE(close(out[0].array(), arr<float>({-1, 0.5f}, {2, 1})));
  EXPECT_TRUE(close(out[1].array(), arr<float>({-0.5f, 0, 1, 1.5f}, {2, 2})));
  auto bad = T::split(x, {1, 1}, 2, 1);
  EXPECT_TRUE(throws_with<std::exception>([&] { eval1({x}, bad[0], {ramp({2, 3})}); }, "sum to 2"));
  EXPECT_THROW(T::split(x, {1, 2}, 3), ValueError);
}

TEST(StructureOps, TileAndRepeat) {
  init();
  auto v = T::fvector("v");
  NDArray vv = arr<float>({1, 2});
  EXPECT_TRUE(close(eval1({v}, T::tile(v, {2}), {vv}), arr<float>({1, 2, 1, 2})));
  EXPECT_TRUE(close(eval1({v}, T::tile(v, {2, 1}), {vv}), arr<float>({1, 2, 1, 2}, {2, 2})));
  EXPECT_TRUE(close(eval1({v}, T::repeat(v, 2), {vv}), arr<float>({1, 1, 2, 2})));
  auto r = T::lvector("r");
  EXPECT_TRUE(close(eval1({v, r}, T::repeat(v, r, 0), {vv, arr<std::int64_t>({0, 3})}),
                    arr<float>({2, 2, 2})));
  EXPECT_TRUE(throws_with<std::exception>(
      [&] {
        eval1({v, r}, T::repeat(v, r, 0), {vv, arr<std::int64_t>({1, 1, 1})});
      },
      "3 repeat counts for an axis of length 2"));
  EXPECT_THROW(T::repeat(v, 2, 1), ValueError);
}

TEST(StructureOps, Diagonals) {
  init();
  auto m = T::fmatrix("m");
  NDArray mv = ramp({3, 4});  // -1 .. 4.5
  EXPECT_TRUE(close(eval1({m}, T::diag(m), {mv}), arr<float>({-1, 1.5f, 4})));
  EXPECT_TRUE(close(eval1({m}, T::diag(m, 2), {mv}), arr<float>({0, 2.5f})));
  EXPECT_TRUE(close(eval1({m}, T::diag(m, -2), {mv}), arr<float>({3})));
  auto v = T::fvector("v");
  EXPECT_TRUE(close(eval1({v}, T::diag(v, -1), {arr<float>({7, 8})}),
                    arr<float>({0, 0, 0, 7, 0, 0, 0, 8, 0}, {3, 3})));
  EXPECT_THROW(T::diag(T::ftensor3("t")), ValueError);
  EXPECT_THROW(T::diagonal(m, 0, 1, 1), ValueError);
}

TEST(StructureOps, PropsEqualityAndDisplay) {
  init();
  auto x = T::fmatrix("x");
  T::TensorVar a = T::reshape(x, {6}), b = T::reshape(x, {3, 2});
  EXPECT_FALSE(a->owner()->op().equals(b->owner()->op()));
  EXPECT_TRUE(a->owner()->op().equals(T::flatten(x)->owner()->op()));
  EXPECT_EQ(a->owner()->op().display(), "Reshape{ndim=1}");
  EXPECT_EQ(T::repeat(x, 2)->owner()->op().props().get("axis").kind_name(), "none");
}

}  // namespace
}  // namespace theano::testing
