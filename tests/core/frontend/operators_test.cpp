// The front end's operators and functions: each builds the expected op,
// records the user's source line, and evaluates to the right values.
#include <gtest/gtest.h>

#include "theano/core/function.h"
#include "theano/core/init.h"
#include "theano/tensor.h"

namespace theano::tensor {
namespace {

namespace T = theano::tensor;

class Frontend : public ::testing::Test {
 protected:
  void SetUp() override { initialize(); }
};

std::string op_of(const TensorVar& v) {
  return v->owner()->op().display();
}

TEST_F(Frontend, OperatorsBuildTheirScalarOps) {
  auto x = T::fvector("x"), y = T::fvector("y");
  auto i = T::ivector("i"), j = T::ivector("j");
  EXPECT_EQ(op_of(x + y), "Elemwise{add,no_inplace}");
  EXPECT_EQ(op_of(x - y), "Elemwise{sub,no_inplace}");
  EXPECT_EQ(op_of(x * y), "Elemwise{mul,no_inplace}");
  EXPECT_EQ(op_of(x / y), "Elemwise{true_div,no_inplace}");
  EXPECT_EQ(op_of(x % y), "Elemwise{mod,no_inplace}");
  EXPECT_EQ(op_of(-x), "Elemwise{neg,no_inplace}");
  EXPECT_EQ(op_of(x < y), "Elemwise{lt,no_inplace}");
  EXPECT_EQ(op_of(x <= 1.0), "Elemwise{le,no_inplace}");
  EXPECT_EQ(op_of(2 > x), "Elemwise{gt,no_inplace}");
  EXPECT_EQ(op_of(x >= y), "Elemwise{ge,no_inplace}");
  EXPECT_EQ(op_of(i & j), "Elemwise{and,no_inplace}");
  EXPECT_EQ(op_of(i | 3), "Elemwise{or,no_inplace}");
  EXPECT_EQ(op_of(i ^ j), "Elemwise{xor,no_inplace}");
  EXPECT_EQ(op_of(~i), "Elemwise{invert,no_inplace}");
  EXPECT_EQ(op_of(T::eq(x, y)), "Elemwise{eq,no_inplace}");
  EXPECT_EQ(op_of(T::cast(x, DType::Int16)), "Elemwise{Cast{int16},no_inplace}");
  EXPECT_EQ(op_of(x.T()), "DimShuffle{0}");
  EXPECT_EQ(op_of(T::sum(T::fmatrix(), 1)), "Sum{axis=(1,),acc_dtype=float64}");
}

TEST_F(Frontend, EqualityComparesIdentity) {
  auto x = T::fvector("x");
  TensorVar same = x;
  EXPECT_TRUE(same == x);
  EXPECT_FALSE(T::fvector() == x);
}

TEST_F(Frontend, PlainVarsGetArithmeticToo) {
  Var v = T::dvector("v");
  TensorVar w = v * 2.0 + v;
  EXPECT_EQ(op_of(w), "Elemwise{add,no_inplace}");
  Var s = shared(Value(NDArray::from_values<double>({1, 2})), "s");
  TensorVar t = T::exp(s) - 1;
  EXPECT_EQ(t.dtype(), DType::Float64);
}

TEST_F(Frontend, NodesRecordTheUsersLine) {
  auto x = T::fmatrix("x");
  int line = __LINE__ + 1;
  TensorVar a = x * 2.0, b = T::exp(a), c = T::sum(b, 0, true), d = x.sum(1);
  for (const TensorVar& v : {a, b, c, d}) {
    EXPECT_EQ(v->owner()->loc().line, line) << op_of(v);
    EXPECT_EQ(v->tag().loc.line, line) << op_of(v);
    EXPECT_NE(v->owner()->loc().file.find("operators_test.cpp"), std::string::npos);
  }
  // keepdims adds a DimShuffle: it also points at the user's line.
  EXPECT_EQ(c->owner()->op().name(), "DimShuffle");
  EXPECT_EQ(c->owner()->input(0)->owner()->loc().line, line);
  int line2 = __LINE__ + 1;
  TensorVar v = T::fvector("v");
  EXPECT_EQ(v->tag().loc.line, line2);
}

TEST_F(Frontend, EvaluatesExpressions) {
  auto x = T::dvector("x"), y = T::dvector("y");
  Function f =
      function({x, y}, {T::maximum(x, y) * 2 - T::minimum(x, 0.5), T::switch_(x > y, x, y),
                        T::clip(x, -1, 1), T::mean(x), T::var(x), T::std(x), T::argmax(x)});
  auto r =
      f({NDArray::from_values<double>({-2, 0.25, 3}), NDArray::from_values<double>({1, 0, 2})});
  auto v = [&](int k) { return r[k].array().to_vector<double>(); };
  EXPECT_EQ(v(0), (std::vector<double>{2 + 2, 0.5 - 0.25, 6 - 0.5}));
  EXPECT_EQ(v(1), (std::vector<double>{1, 0.25, 3}));
  EXPECT_EQ(v(2), (std::vector<double>{-1, 0.25, 1}));
  EXPECT_DOUBLE_EQ(v(3)[0], 1.25 / 3);
  double m = 1.25 / 3,
         var = ((-2 - m) * (-2 - m) + (0.25 - m) * (0.25 - m) + (3 - m) * (3 - m)) / 3;
  EXPECT_DOUBLE_EQ(v(4)[0], var);
  EXPECT_DOUBLE_EQ(v(5)[0], std::sqrt(var));
  EXPECT_EQ(r[6].array().item<std::int64_t>(), 2);
}

TEST_F(Frontend, NormsAndComplexCasts) {
  auto x = T::dmatrix("x");
  Function f = function({x}, {T::norm(x, 1, 1), T::norm(x, 2, 1), T::norm(x, 3, 1)});
  auto r = f({NDArray::from_values<double>({3, -4, 1, 2}, {2, 2})});
  EXPECT_EQ(r[0].array().to_vector<double>(), (std::vector<double>{7, 3}));
  EXPECT_EQ(r[1].array().to_vector<double>(), (std::vector<double>{5, std::sqrt(5.0)}));
  EXPECT_NEAR(r[2].array().to_vector<double>()[0], std::cbrt(91.0), 1e-12);
  EXPECT_THROW(T::cast(T::zvector(), DType::Float64), TypeError);
  EXPECT_EQ(T::cast(T::abs(T::zvector()), DType::Float32).dtype(), DType::Float32);
}

TEST_F(Frontend, ShapeHelpers) {
  auto m = T::fmatrix("m");
  EXPECT_EQ(T::shape_padleft(m, 2).static_shape(), (StaticShape{1, 1, std::nullopt, std::nullopt}));
  EXPECT_EQ(T::shape_padright(m).static_shape(), (StaticShape{std::nullopt, std::nullopt, 1}));
  EXPECT_EQ(T::shape_padaxis(m, 1).static_shape(), (StaticShape{std::nullopt, 1, std::nullopt}));
  EXPECT_EQ(T::transpose(T::ftensor3(), {2, 0, 1})->owner()->op().display(), "DimShuffle{2,0,1}");
  EXPECT_THROW(T::transpose(m, {0}), ValueError);
  EXPECT_THROW(T::shape_padaxis(m, 4), ValueError);
}

TEST_F(Frontend, MeanOfUnknownDimsNeedsShapeI) {
  auto m = T::fmatrix("m");
  auto fixed = T::tensor(DType::Float32, {4, 5});
  EXPECT_EQ(T::count(fixed, 1)->kind(), Variable::Kind::Constant);
  Function f = function({fixed}, {T::mean(fixed, 1)});
  NDArray r = f({NDArray::full(DType::Float32, {4, 5}, 3)})[0].array();
  EXPECT_EQ(r.to_vector<float>(), (std::vector<float>{3, 3, 3, 3}));
  // Unknown sizes take Shape_i (a core built-in or the tensor plugin's).
  Function g = function({m}, {T::mean(m)});
  EXPECT_FLOAT_EQ(g({NDArray::full(DType::Float32, {2, 7}, 1.5)})[0].array().item<float>(), 1.5f);
}

}  // namespace
}  // namespace theano::tensor
