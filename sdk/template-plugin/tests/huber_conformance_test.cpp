// The template plugin under the harness (theano::testing): every conformance
// check on every example case the op registered (what `theano check-plugin`
// runs), and the op against a plain C++ reference on random inputs.
#include <gtest/gtest.h>

#include <cmath>

#include "theano/core/init.h"
#include "theano/core/registry.h"
#include "theano/testing/checks.h"
#include "theano/testing/gtest.h"

namespace {

namespace tt = theano::testing;
using theano::NDArray;

class HuberConformance : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    theano::InitOptions options;
    options.extra_files = {ACME_HUBER_PLUGIN};
    theano::initialize(options);
  }
};

TEST_F(HuberConformance, EveryCheckPassesOnTheExampleCases) {
  const theano::OpSchema* schema = theano::Registry::global().find_op("Huber");
  ASSERT_NE(schema, nullptr);
  EXPECT_CHECK_PASSES(tt::run_all_checks(*schema));
}

// What Huber{delta} must compute, written independently of the kernel.
std::vector<NDArray> huber_reference(const std::vector<theano::Value>& inputs, double delta) {
  std::vector<double> r = inputs[0].array().to_vector<double>();
  for (double& v : r) v = std::abs(v) <= delta ? v * v / 2 : delta * (std::abs(v) - delta / 2);
  return {NDArray::from_vector(r, inputs[0].array().shape()).astype(inputs[0].array().dtype())};
}

TEST_F(HuberConformance, AgreesWithReferenceOnRandomInputs) {
  const double delta = 0.75;
  theano::OpPtr op = theano::Registry::global().make_op("Huber", {{"delta", delta}});
  tt::RandomRange range{-3.0, 3.0};
  std::vector<tt::ReferenceCase> cases;
  for (std::uint64_t seed = 1; seed <= 3; ++seed) {
    cases.push_back({"float64 seed " + std::to_string(seed),
                     {tt::random_array(theano::DType::Float64, {4, 5}, seed, range)}});
    cases.push_back({"float32 seed " + std::to_string(seed),
                     {tt::random_array(theano::DType::Float32, {7}, seed, range)}});
  }
  auto reference = [delta](const std::vector<theano::Value>& in) {
    return huber_reference(in, delta);
  };
  EXPECT_CHECK_PASSES(tt::check_against_reference(op, cases, reference));
}

}  // namespace
