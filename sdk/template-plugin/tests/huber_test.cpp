// Tests of the template plugin, run against the installed Theano++ with the
// freshly built plugin loaded as an extra file. Values are hand-checked:
// Huber{1}(r) = r^2/2 for |r| <= 1, |r| - 1/2 beyond; its slope clip(r, -1, 1).
#include <gtest/gtest.h>

#include "theano/core/errors.h"
#include "theano/core/function.h"
#include "theano/core/gradient.h"
#include "theano/core/init.h"
#include "theano/core/registry.h"
#include "theano/tensor.h"

namespace {

namespace T = theano::tensor;
using theano::NDArray;

class HuberTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    theano::InitOptions options;
    options.extra_files = {ACME_HUBER_PLUGIN};
    theano::initialize(options);
  }
  static theano::OpPtr huber(double delta) {
    return theano::Registry::global().make_op("Huber", {{"delta", delta}});
  }
  static std::vector<double> run(const T::TensorVar& x, const T::TensorVar& y, const NDArray& v) {
    return theano::function({x}, {y})({v})[0].array().to_vector<double>();
  }
};

TEST_F(HuberTest, ValuesMatchHandComputedLoss) {
  T::TensorVar r = T::dvector("r");
  auto got = run(r, huber(1.0)->apply1({r}), NDArray::from_values<double>({-2.5, -0.4, 0, 0.7, 3}));
  std::vector<double> want{2.0, 0.08, 0.0, 0.245, 2.5};
  ASSERT_EQ(got.size(), want.size());
  for (std::size_t i = 0; i < want.size(); ++i) EXPECT_NEAR(got[i], want[i], 1e-12) << i;
}

TEST_F(HuberTest, GradientIsClippedResidual) {
  T::TensorVar r = T::dvector("r");
  theano::Var g = theano::grad(T::sum(huber(0.5)->apply1({r})), r);
  auto got = run(r, g, NDArray::from_values<double>({-2.0, -0.3, 0.1, 0.6}));
  std::vector<double> want{-0.5, -0.3, 0.1, 0.5};
  for (std::size_t i = 0; i < want.size(); ++i) EXPECT_NEAR(got[i], want[i], 1e-12) << i;
}

TEST_F(HuberTest, Float32StaysFloat32) {
  T::TensorVar r = T::fmatrix("r");
  T::TensorVar y = huber(2.0)->apply1({r});
  EXPECT_EQ(y.dtype(), theano::DType::Float32);
  auto out = theano::function({r}, {y})({NDArray::from_values<float>({1.f, -3.f}, {1, 2})});
  EXPECT_EQ(out[0].array().dtype(), theano::DType::Float32);
  EXPECT_FLOAT_EQ(out[0].array().at({0, 1}), 4.f);  // 2 * (3 - 1)
}

TEST_F(HuberTest, RewriteDropsTheNegation) {
  T::TensorVar r = T::dvector("r");
  theano::Function f = theano::function({r}, {huber(1.0)->apply1({T::neg(r)})});
  ASSERT_EQ(f.fgraph().toposort().size(), 1u);
  EXPECT_EQ(f.fgraph().toposort()[0]->op().name(), "Huber");
  EXPECT_NEAR(f({NDArray::from_values<double>({-3.0})})[0].array().item<double>(), 2.5, 1e-12);
}

TEST_F(HuberTest, BadDeltaAndBadInputAreErrors) {
  EXPECT_THROW(huber(0.0), theano::ValueError);
  EXPECT_THROW(huber(-1.0), theano::ValueError);
  EXPECT_THROW(huber(1.0)->apply1({T::lvector("i")}), theano::TypeError);
}

TEST_F(HuberTest, MissingDeltaTakesTheFlagDefault) {
  theano::OpPtr op = theano::Registry::global().make_op("Huber");
  EXPECT_EQ(op->props().get_as<double>("delta"), 1.0);
}

}  // namespace
