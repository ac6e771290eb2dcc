// Gradients of the structural ops against finite differences (verify_grad)
// over several shapes, a few exact gradient values, and R_op.
#include "structure_helpers.h"
#include "theano/core/gradient.h"

namespace theano::testing {
namespace {

using Ins = std::vector<Var>;

NDArray dramp(Shape shape) {
  return ramp(std::move(shape)).astype(DType::Float64);
}

TEST(StructureGrad, Reshape) {
  init();
  for (Shape s : {Shape{2, 3}, Shape{6, 1}, Shape{1, 6}}) {
    verify_grad([](const Ins& in) { return T::reshape(in[0], {3, -1}); }, {dramp(s)});
    verify_grad([](const Ins& in) { return T::reshape(in[0], {6}); }, {dramp(s)});
  }
  verify_grad([](const Ins& in) { return T::flatten(in[0], 2); }, {dramp({2, 3, 4})});
  verify_grad(
      [](const Ins& in) {
        return T::reshape(T::transpose(in[0]), {2, 2, 3});
      },
      {dramp({4, 3})});
}

TEST(StructureGrad, SpecifyShapeAndMakeVector) {
  init();
  verify_grad([](const Ins& in) { return T::specify_shape(in[0], {2, 3}); }, {dramp({2, 3})});
  verify_grad(
      [](const Ins& in) {
        return T::make_vector({in[0], in[1] * 2, in[0] * in[1]});
      },
      {NDArray::scalar(0.7), NDArray::scalar(-1.3)});
}

TEST(StructureGrad, AllocSumsOverBroadcastDims) {
  init();
  verify_grad([](const Ins& in) { return T::alloc(in[0], {2, 3}); }, {NDArray::scalar(1.5)});
  auto row = [](const Ins& in) { return T::alloc(in[0], {4, 3}); };
  verify_grad(row, {dramp({1, 3})},
              {.input_types = {TensorType::make(DType::Float64, {1, std::nullopt})}});
  verify_grad([](const Ins& in) { return T::alloc(in[0], {2, 3, 4}); }, {dramp({4})});
  // d sum(alloc(v, (5, 3))) / dv = 5 per element.
  auto v = T::dvector("v");
  Var g = grad(T::sum(T::alloc(v, {5, 3})), v);
  EXPECT_EQ(eval1({v}, g, {dramp({3})}).to_vector<double>(), (std::vector<double>{5, 5, 5}));
}

TEST(StructureGrad, JoinStackSplit) {
  init();
  verify_grad(
      [](const Ins& in) {
        return T::concatenate({in[0], in[1]}, 0);
      },
      {dramp({2, 3}), dramp({1, 3})});
  verify_grad(
      [](const Ins& in) {
        return T::concatenate({in[0], in[1], in[0]}, 1);
      },
      {dramp({2, 3}), dramp({2, 1})});
  verify_grad([](const Ins& in) { return T::stack({in[0], in[1]}, 1); }, {dramp({3}), dramp({3})});
  verify_grad(
      [](const Ins& in) {
        auto p = T::split(in[0], {1, 3}, 2, 1);
        return std::vector<Var>{p[0], p[1]};
      },
      {dramp({2, 4})});
  // Only one piece used: the other's gradient is zeros.
  verify_grad([](const Ins& in) { return T::split(in[0], {2, 1}, 2, 0)[1]; }, {dramp({3, 2})});
}

TEST(StructureGrad, TileRepeat) {
  init();
  verify_grad([](const Ins& in) { return T::tile(in[0], {2, 3}); }, {dramp({2, 2})});
  verify_grad([](const Ins& in) { return T::tile(in[0], {3, 1, 2}); }, {dramp({4})});
  verify_grad([](const Ins& in) { return T::repeat(in[0], 3, 1); }, {dramp({2, 3})});
  verify_grad([](const Ins& in) { return T::repeat(in[0], 2, 0); }, {dramp({4})});
  verify_grad([](const Ins& in) { return T::repeat(in[0], 2); }, {dramp({2, 2, 2})});
}

TEST(StructureGrad, Diagonals) {
  init();
  for (std::int64_t k : {0, 1, -1, 2}) {
    verify_grad([k](const Ins& in) { return T::diag(in[0], k); }, {dramp({3, 4})});
    verify_grad([k](const Ins& in) { return T::diag(in[0], k); }, {dramp({3})});
  }
  verify_grad([](const Ins& in) { return T::diagonal(in[0], 0, 0, 2); }, {dramp({3, 2, 4})});
}

TEST(StructureGrad, ARangeAndTriangles) {
  init();
  verify_grad(
      [](const Ins& in) { return T::arange(in[0], T::constant(5.0, DType::Float64), in[1]); },
      {NDArray::scalar(0.25), NDArray::scalar(0.5)});
  verify_grad([](const Ins& in) { return T::tril(in[0], 1); }, {dramp({3, 4})});
  verify_grad([](const Ins& in) { return T::triu(in[0]); }, {dramp({2, 3, 3})});
}

TEST(StructureGrad, FloatDtypeIsKept) {
  init();
  auto x = T::fmatrix("x");
  Var g = grad(T::sum(T::concatenate({T::reshape(x, {-1}), T::diag(x)})), x);
  EXPECT_EQ(as_tensor_type(g->type())->dtype(), DType::Float32);
  NDArray got = eval1({x}, g, {ramp({2, 2})});
  EXPECT_EQ(got.to_vector<float>(), (std::vector<float>{2, 1, 1, 2}));
}

TEST(StructureGrad, Rop) {
  init();
  auto x = T::dmatrix("x"), e = T::dmatrix("e");
  Var r = Rop(T::concatenate({T::reshape(x, {-1}), T::diag(x)}), x, e);
  NDArray ev = dramp({2, 2});
  NDArray got = eval1({x, e}, r, {dramp({2, 2}), ev});
  EXPECT_EQ(got.to_vector<double>(), (std::vector<double>{-1, -0.5, 0, 0.5, -1, 0.5}));
}

}  // namespace
}  // namespace theano::testing
