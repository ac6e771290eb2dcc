// Linkers: kernel dispatch, lazy evaluation, garbage collection and node errors.
#include <gtest/gtest.h>

#include "testops/testops.h"
#include "theano/core/function.h"
#include "theano/core/registry.h"

using namespace theano;

namespace {
NDArray vec(std::initializer_list<double> v) { return NDArray::from_values<double>(v); }
std::vector<double> values(const Value& v) { return v.array().to_vector<double>(); }
FunctionOptions with_linker(const std::string& linker, std::optional<bool> gc = std::nullopt) {
  FunctionOptions o;
  Mode m = Mode::named("NO_OPT");
  m.linker = linker;
  m.allow_gc = gc;
  o.mode = m;
  return o;
}
}  // namespace

class Linkers : public ::testing::Test {
 protected:
  void SetUp() override {
    testops::init();
    testops::counter_calls = 0;
  }
  Var x = testops::dvector("x");
  Var y = testops::dvector("y");
  Var c = testops::dscalar("c");
};

TEST_F(Linkers, HighestPriorityKernelIsChosen) {
  Function f = function({x, y}, {testops::mul(x, y)});
  int before = testops::fast_mul_calls;
  EXPECT_EQ(values(f({vec({2, 3}), vec({4, 5})})[0]), (std::vector<double>{8, 15}));
  EXPECT_EQ(testops::fast_mul_calls - before, 1) << "the registered kernel outranks perform";
  Function p = function({x, y}, {testops::mul(x, y)}, with_linker("perform"));
  before = testops::fast_mul_calls;
  EXPECT_EQ(values(p({vec({2, 3}), vec({4, 5})})[0]), (std::vector<double>{8, 15}));
  EXPECT_EQ(testops::fast_mul_calls - before, 0) << "the perform linker always calls perform";
}

TEST_F(Linkers, DeviceWithoutKernelIsACompileError) {
  try {
    function({x}, {testops::to_fake_device(x)});
    FAIL();
  } catch (const CompileError& e) {
    std::string m = e.what();
    EXPECT_NE(m.find("no kernel for TestToFakeDevice on device fakedev:0"), std::string::npos) << m;
  }
}

TEST_F(Linkers, LazyIfElseRunsOnlyTheTakenBranch) {
  Var out = testops::ifelse(c, testops::counter(x), testops::neg(testops::counter(y)));
  for (const char* linker : {"vm"}) {
    Function f = function({c, x, y}, {out}, with_linker(linker));
    testops::counter_calls = 0;
    EXPECT_EQ(values(f({NDArray::scalar(1.0), vec({1}), vec({2})})[0]), (std::vector<double>{1}));
    EXPECT_EQ(testops::counter_calls, 1) << linker << ": the else branch must not run";
    EXPECT_EQ(values(f({NDArray::scalar(0.0), vec({1}), vec({2})})[0]), (std::vector<double>{-2}));
    EXPECT_EQ(testops::counter_calls, 2) << linker;
  }
  Function eager = function({c, x, y}, {out}, with_linker("perform"));
  testops::counter_calls = 0;
  EXPECT_EQ(values(eager({NDArray::scalar(1.0), vec({1}), vec({2})})[0]), (std::vector<double>{1}));
  EXPECT_EQ(testops::counter_calls, 2) << "the perform linker evaluates both branches";
}

TEST_F(Linkers, GarbageCollectionFreesIntermediates) {
  Var mid = testops::neg(x);
  Var out = testops::add(mid, mid);
  for (bool gc : {true, false}) {
    Function f = function({x}, {out}, with_linker("vm", gc));
    EXPECT_EQ(values(f.call1({vec({1, 2})})), (std::vector<double>{-2, -4}));
    EXPECT_EQ(values(f.call1({vec({3})})), (std::vector<double>{-6})) << "gc=" << gc;
  }
}

TEST_F(Linkers, NodeErrorCarriesTheNodeAndTheUserLine) {
  Var n = testops::neg(x);
  int line = __LINE__ + 1;
  Var bad = testops::fail_if_negative(n);
  Function f = function({x}, {bad}, with_linker("vm"));
  try {
    f({vec({1, -2})});
    FAIL();
  } catch (const NodeError& e) {
    std::string m = e.what();
    EXPECT_NE(m.find("negative value -1"), std::string::npos) << m;
    EXPECT_NE(m.find("Apply node that caused the error: TestFailIfNegative("), std::string::npos) << m;
    EXPECT_NE(m.find("Toposort index: 1"), std::string::npos) << m;
    EXPECT_NE(m.find("Inputs shapes: [(2,)]"), std::string::npos) << m;
    EXPECT_NE(m.find("Inputs strides: [(8,)]"), std::string::npos) << m;
    EXPECT_NE(m.find("Debugprint of the apply node:"), std::string::npos) << m;
    EXPECT_EQ(e.toposort_index(), 1);
    EXPECT_EQ(e.original_message().rfind("negative value", 0), 0u);
    (void)line;
  }
}

TEST_F(Linkers, NodeErrorPointsAtTheLineThatBuiltTheNode) {
  testops::init();
  auto op = Registry::global().make_op("TestFailIfNegative");
  int line = __LINE__ + 1;
  Var bad = op->apply1({x});
  Function f = function({x}, {bad}, with_linker("vm"));
  try {
    f({vec({-1})});
    FAIL();
  } catch (const NodeError& e) {
    EXPECT_EQ(e.source_location().line, line);
    EXPECT_NE(std::string(e.what()).find("linker_test.cpp:" + std::to_string(line)), std::string::npos)
        << e.what();
  }
}

TEST_F(Linkers, RuntimeShapeMismatchIsANodeError) {
  Function f = function({x, y}, {testops::add(x, y)});
  EXPECT_THROW(f({vec({1, 2}), vec({1, 2, 3})}), NodeError);
}
