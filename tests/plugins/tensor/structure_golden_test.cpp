// The structural ops against NumPy: golden files written by
// tests/data/gen/gen_tensor_structure.py from the same deterministic input.
#include "structure_helpers.h"

namespace theano::testing {
namespace {

class StructureGolden : public ::testing::Test {
 protected:
  void SetUp() override {
    init();
    xv = golden("x");  // (2, 3, 4) float32
  }
  NDArray run(const T::TensorVar& y) { return eval1({x}, y, {xv}); }

  T::TensorVar x = T::ftensor3("x");
  NDArray xv;
};

TEST_F(StructureGolden, Reshape) {
  EXPECT_TRUE(close(run(T::reshape(x, {4, -1})), golden("reshape_4_m1")));
  EXPECT_TRUE(close(run(T::reshape(x, {-1, 2, 3})), golden("reshape_m1_2_3")));
  EXPECT_TRUE(close(run(T::flatten(x, 2)), golden("flatten_2")));
  // A non-contiguous input (a transposed view) is copied, in C order.
  EXPECT_TRUE(
      close(run(T::reshape(T::transpose(x, {2, 0, 1}), {4, 6})), golden("transpose_reshape")));
}

TEST_F(StructureGolden, ARange) {
  NDArray a = eval0(T::arange(3, 20, 4));
  EXPECT_EQ(a.dtype(), DType::Int64);
  EXPECT_TRUE(close(a, golden("arange_int")));
  EXPECT_TRUE(close(eval0(T::arange(10, -7, -3)), golden("arange_neg_step")));
  NDArray f = eval0(T::arange(T::constant(0.1, DType::Float32), T::constant(2.0, DType::Float32),
                              T::constant(0.3, DType::Float32)));
  EXPECT_EQ(f.dtype(), DType::Float32);
  EXPECT_TRUE(close(f, golden("arange_float32"), 0, 0));  // bit-exact, like NumPy's fill
  NDArray d = eval0(T::arange(-1.0, 1.0, 0.15, DType::Float64));
  EXPECT_TRUE(close(d, golden("arange_float64"), 0, 0));
}

TEST_F(StructureGolden, EyeAndTriangles) {
  EXPECT_TRUE(close(eval0(T::eye(4, T::Operand(5), 1, DType::Float32)), golden("eye_4_5_k1")));
  EXPECT_TRUE(close(eval0(T::eye(4, T::Operand(3), -2, DType::Float32)), golden("eye_4_3_km2")));
  EXPECT_TRUE(close(eval0(T::tri(4, T::Operand(5), 1, DType::Float32)), golden("tri_4_5_k1")));
  auto m = T::fmatrix("m");
  NDArray mv = golden("x").index(0, 0);
  EXPECT_TRUE(close(eval1({m}, T::tril(m), {mv}), golden("tril_k0")));
  EXPECT_TRUE(close(eval1({m}, T::triu(m, 1), {mv}), golden("triu_k1")));
  EXPECT_TRUE(close(run(T::tril(x, -1)), golden("tril_3d_km1")));
}

TEST_F(StructureGolden, JoinStackSplit) {
  auto y = T::ftensor3("y");
  NDArray yv = golden("x").slice(1, 0, 2, 1).copy();
  yv = eval1({y}, y * 2, {yv});
  EXPECT_TRUE(close(eval1({x, y}, T::concatenate({x, y}, 1), {xv, yv}), golden("concat_axis1")));
  auto z = T::ftensor3("z");
  NDArray zv = eval1({z}, z + 1, {golden("x").slice(2, 0, 1, 1).copy()});
  EXPECT_TRUE(close(eval1({x, z}, T::concatenate({x, z, x}, 2), {xv, zv}), golden("concat_axis2")));
  auto m = T::fmatrix("m"), n = T::fmatrix("n");
  EXPECT_TRUE(close(eval1({m, n}, T::stack({m, n}, 1), {xv.index(0, 0), xv.index(0, 1)}),
                    golden("stack_axis1")));
  auto parts = T::split(x, {1, 3}, 2, 2);
  auto out = eval({x}, {parts[0], parts[1]}, {xv});
  EXPECT_TRUE(close(out[0].array(), golden("split_axis2_a")));
  EXPECT_TRUE(close(out[1].array(), golden("split_axis2_b")));
}

TEST_F(StructureGolden, TileAndRepeat) {
  EXPECT_TRUE(close(run(T::tile(x, {2, 1, 3})), golden("tile_2_1_3")));
  auto v = T::fvector("v");
  EXPECT_TRUE(
      close(eval1({v}, T::tile(v, {2, 3}), {arr<float>({0, 1, 2})}), golden("tile_vector_2x3")));
  EXPECT_TRUE(close(run(T::repeat(x, 2, 1)), golden("repeat_axis1_2")));
  EXPECT_TRUE(close(run(T::repeat(x, 3)), golden("repeat_flat_3")));
  EXPECT_TRUE(close(run(T::repeat(x, T::constant(arr<std::int64_t>({0, 2, 1, 3})), 2)),
                    golden("repeat_axis2_counts")));
}

TEST_F(StructureGolden, Diagonals) {
  auto m = T::fmatrix("m");
  NDArray mv = golden("x").index(0, 0);
  EXPECT_TRUE(close(eval1({m}, T::diag(m, 1), {mv}), golden("diag_k1")));
  EXPECT_TRUE(close(eval1({m}, T::diag(m, -1), {mv}), golden("diag_km1")));
  EXPECT_TRUE(close(run(T::diagonal(x, 1, 1, 2)), golden("diagonal_3d")));
  auto v = T::fvector("v");
  EXPECT_TRUE(close(eval1({v}, T::diag(v, 2), {arr<float>({1, 2, 3})}), golden("diag_vector_k2")));
}

}  // namespace
}  // namespace theano::testing
