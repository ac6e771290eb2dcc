// function(): arguments, defaults, names, filtering and argument errors.
#include <gtest/gtest.h>

#include "testops/testops.h"
#include "theano/core/function.h"

using namespace theano;

namespace {
NDArray vec(std::initializer_list<double> v) {
  return NDArray::from_values<double>(v);
}
std::vector<double> values(const Value& v) {
  return v.array().to_vector<double>();
}
}  // namespace

class FunctionCall : public ::testing::Test {
 protected:
  void SetUp() override { testops::init(); }
  Var x = testops::dvector("x");
  Var y = testops::dvector("y");
};

TEST_F(FunctionCall, ComputesOutputsInOrder) {
  Function f = function({x, y}, {testops::add(x, y), testops::mul(x, y)});
  auto out = f({vec({1, 2}), vec({3, 4})});
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(values(out[0]), (std::vector<double>{4, 6}));
  EXPECT_EQ(values(out[1]), (std::vector<double>{3, 8}));
}

TEST_F(FunctionCall, NamedArgumentsAndDefaults) {
  In yin(y, vec({10, 20}));
  Function f = function({x, yin}, {testops::add(x, y)});
  EXPECT_EQ(values(f.call1({vec({1, 2})})), (std::vector<double>{11, 22}));
  EXPECT_EQ(values(f({vec({1, 2})}, {{"y", vec({1, 1})}})[0]), (std::vector<double>{2, 3}));
  EXPECT_EQ(values(f({}, {{"x", vec({0, 0})}, {"y", vec({5, 6})}})[0]),
            (std::vector<double>{5, 6}));
}

TEST_F(FunctionCall, WrongArgumentCountNamesTheFunction) {
  FunctionOptions opt;
  opt.name = "adder";
  Function f = function({x, y}, {testops::add(x, y)}, opt);
  try {
    f({vec({1})});
    FAIL();
  } catch (const TypeError& e) {
    std::string m = e.what();
    EXPECT_NE(m.find("function 'adder' takes 2 inputs"), std::string::npos) << m;
    EXPECT_NE(m.find("('y')"), std::string::npos) << m;
  }
  EXPECT_THROW(f({vec({1}), vec({1}), vec({1})}), TypeError);
  EXPECT_THROW(f({vec({1})}, {{"nope", vec({1})}}), TypeError);
  EXPECT_THROW(f({vec({1}), vec({1})}, {{"x", vec({1})}}), TypeError) << "x given twice";
}

TEST_F(FunctionCall, WrongNdimNamesTheInput) {
  Function f = function({x, y}, {testops::add(x, y)});
  try {
    f({vec({1, 2}), NDArray::zeros(DType::Float64, {2, 2})});
    FAIL();
  } catch (const TypeError& e) {
    std::string m = e.what();
    EXPECT_NE(m.find("input 1 ('y')"), std::string::npos) << m;
    EXPECT_NE(m.find("ndim"), std::string::npos) << m;
  }
}

TEST_F(FunctionCall, StaticShapeIsEnforced) {
  Var s = Variable::make(TensorType::make(DType::Float64, StaticShape{3}), "s");
  Function f = function({s}, {testops::neg(s)});
  EXPECT_EQ(values(f.call1({vec({1, 2, 3})})), (std::vector<double>{-1, -2, -3}));
  try {
    f({vec({1, 2})});
    FAIL();
  } catch (const TypeError& e) {
    EXPECT_NE(std::string(e.what()).find("contradicts the static shape"), std::string::npos)
        << e.what();
  }
}

TEST_F(FunctionCall, DowncastNeedsPermission) {
  Var fx = testops::fvector("fx");
  Function strict = function({fx}, {testops::neg(fx)});
  EXPECT_THROW(strict({vec({1.5})}), TypeError) << "float64 array to float32 input is lossy";
  FunctionOptions opt;
  opt.allow_input_downcast = true;
  Function loose = function({fx}, {testops::neg(fx)}, opt);
  Value out = loose.call1({vec({1.5})});
  EXPECT_EQ(out.array().dtype(), DType::Float32);
  EXPECT_FLOAT_EQ(out.array().at({0}), -1.5f);
  // Widening is always allowed.
  Value widened = function({x}, {testops::neg(x)}).call1({NDArray::from_values<float>({2.5f})});
  EXPECT_EQ(widened.array().dtype(), DType::Float64);
}

TEST_F(FunctionCall, ScalarDoubleBecomesFloatX) {
  Var fs = Variable::make(TensorType::make(DType::Float32, 0), "fs");
  Function f = function({fs}, {testops::neg(fs)});
  Value out = f.call1({NDArray::scalar(2.0)});
  EXPECT_EQ(out.array().dtype(), DType::Float32);
  EXPECT_FLOAT_EQ(out.array().item<float>(), -2.0f);
}

TEST_F(FunctionCall, UnusedInputPolicy) {
  EXPECT_THROW(function({x, y}, {testops::neg(x)}), UnusedInputError);
  FunctionOptions opt;
  opt.on_unused_input = "ignore";
  Function f = function({x, y}, {testops::neg(x)}, opt);
  EXPECT_EQ(values(f({vec({1}), vec({2})})[0]), (std::vector<double>{-1}));
}

TEST_F(FunctionCall, BadInputsAreRefusedAtCompileTime) {
  auto w = shared(vec({1, 2}), "w");
  EXPECT_THROW(function({w}, {testops::neg(w)}), TypeError) << "shared variables are implicit";
  Var n = testops::neg(x);
  EXPECT_THROW(function({n}, {testops::neg(n)}), TypeError) << "inputs must be free variables";
  EXPECT_THROW(function({x, x}, {testops::neg(x)}), TypeError) << "duplicate input";
}

TEST_F(FunctionCall, GivensSubstituteBeforeCompiling) {
  FunctionOptions opt;
  opt.givens = {{x, testops::add(y, y)}};
  Function f = function({y}, {testops::neg(x)}, opt);
  EXPECT_EQ(values(f.call1({vec({1, 2})})), (std::vector<double>{-2, -4}));
}

TEST_F(FunctionCall, OutputsDoNotAliasInputs) {
  Function f = function({x}, {x, testops::view(x)});
  NDArray in = vec({1, 2});
  auto out = f({in});
  EXPECT_FALSE(out[0].array().may_share_memory(in));
  EXPECT_FALSE(out[1].array().may_share_memory(in));
  EXPECT_EQ(values(out[1]), (std::vector<double>{1, 2}));
}

TEST_F(FunctionCall, FreshOutputsEveryCall) {
  Function f = function({x}, {testops::neg(x)});
  Value a = f.call1({vec({1, 2})});
  Value b = f.call1({vec({3, 4})});
  EXPECT_EQ(values(a), (std::vector<double>{-1, -2}))
      << "the second call must not overwrite the first result";
  EXPECT_EQ(values(b), (std::vector<double>{-3, -4}));
}

// A bad argument is found after earlier ones were bound into the call's
// frame: the frame must drop them (no lingering reference to caller data),
// leave shared values alone, and serve the next call correctly.
TEST_F(FunctionCall, BadLaterArgumentLeavesNoTraceInTheFrame) {
  auto w = shared(vec({1, 2}), "w");
  FunctionOptions opt;
  opt.updates = {{w, testops::add(w, x)}};
  Function f = function({x, y}, {testops::add(x, y)}, opt);
  NDArray first = vec({5, 6});
  const long before = first.buffer().use_count();
  try {
    f({first, NDArray::from_values<double>({1.0}, {1, 1})});  // y: a matrix, not a vector
    FAIL() << "a matrix for a vector input must be refused";
  } catch (const TypeError& e) {
    std::string m = e.what();
    EXPECT_NE(m.find("input 1 ('y')"), std::string::npos) << m;
  }
  EXPECT_EQ(first.buffer().use_count(), before) << "the failed call kept a reference to input 0";
  EXPECT_EQ(values(w->get_value()), (std::vector<double>{1, 2})) << "a failed call must not update";
  EXPECT_EQ(values(f({vec({1, 1}), vec({2, 3})})[0]), (std::vector<double>{3, 4}));
  EXPECT_EQ(values(w->get_value()), (std::vector<double>{2, 3}));
}

// Many calls in a row reuse pooled frames and recycled small buffers: each
// result must stay intact after later calls (no recycled block aliases it).
TEST_F(FunctionCall, ResultsOfManyCallsStayIntact) {
  Function f = function({x, y}, {testops::add(x, y), testops::mul(x, y)});
  std::vector<std::vector<Value>> kept;
  for (int i = 0; i < 50; ++i) kept.push_back(f({vec({double(i), 1}), vec({2, double(i)})}));
  for (int i = 0; i < 50; ++i) {
    EXPECT_EQ(values(kept[i][0]), (std::vector<double>{i + 2.0, i + 1.0})) << i;
    EXPECT_EQ(values(kept[i][1]), (std::vector<double>{2.0 * i, double(i)})) << i;
  }
}

// The same expression asked for twice is one cell after merging: both
// results must hold the value, as separate arrays.
TEST_F(FunctionCall, RepeatedOutputGivesTwoIntactResults) {
  Function f = function({x}, {testops::add(x, x), testops::add(x, x), x});
  auto out = f({vec({1, 2})});
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(values(out[0]), (std::vector<double>{2, 4}));
  EXPECT_EQ(values(out[1]), (std::vector<double>{2, 4}));
  EXPECT_FALSE(out[0].array().may_share_memory(out[1].array()));
  EXPECT_EQ(values(out[2]), (std::vector<double>{1, 2}));
}
