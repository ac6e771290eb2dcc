// debugprint's layout, compared with hand-written expectations.
#include <gtest/gtest.h>

#include "testops/testops.h"
#include "theano/core/function.h"
#include "theano/core/printing.h"

using namespace theano;

TEST(DebugPrint, TheanoLayoutWithIdsAndSharedSubtrees) {
  Var x = testops::dvector("x");
  Var y = testops::dvector("y");
  Var n = testops::neg(x);
  Var out = testops::add(n, testops::mul(n, y));
  EXPECT_EQ(debugprint(out),
            "TestAdd{inplace=False} [id A] ''\n"
            " |TestNeg [id B] ''\n"
            " | |x [id C]\n"
            " |TestMul{inplace=False} [id D] ''\n"
            "   |TestNeg [id B] ''\n"
            "   |y [id E]\n");
}

TEST(DebugPrint, TypesDepthAndConstants) {
  Var x = testops::dvector("x");
  auto k = Constant::make(x->type(), NDArray::from_values<double>({2}));
  Var out = testops::mul(testops::neg(x), k);
  DebugPrintOptions o;
  o.print_type = true;
  o.depth = 1;
  EXPECT_EQ(debugprint(out, o),
            "TestMul{inplace=False} [id A] <TensorType(float64, (?,))> ''\n"
            " |TestNeg [id B] <TensorType(float64, (?,))> ''\n"
            " |TensorConstant{[2.]} [id C] <TensorType(float64, (?,))>\n");
}

TEST(DebugPrint, CompiledFunctionShowsToposortIndices) {
  Var x = testops::dvector("x");
  FunctionOptions opt;
  opt.mode = Mode::named("NO_OPT");
  Function f = function({x}, {testops::neg(testops::neg(x))}, opt);
  EXPECT_EQ(debugprint(f),
            "TestNeg [id A] ''   1\n"
            " |TestNeg [id B] ''   0\n"
            "   |x [id C]\n");
}

TEST(DebugPrint, NodeStrAndPprint) {
  Var x = testops::dvector("x");
  Var y = testops::dvector("y");
  Var out = testops::add(x, testops::neg(y));
  EXPECT_EQ(node_str(*out->owner()), "TestAdd{inplace=False}(x, TestNeg.out)");
  EXPECT_EQ(pprint(out), "TestAdd{inplace=False}(x, TestNeg(y))");
}
