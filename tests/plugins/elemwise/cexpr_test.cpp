// The C expressions scalar ops give the JIT backends: for a set of ops and
// dtypes, and for a Composite, the expressions and their support code are
// compiled with the system C++ compiler into a program whose results must
// match the plugin's own kernels. Skipped when no compiler is installed.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "helpers.h"
#include "theano/core/registry.h"
#include "theano/plugin_api/scalar_op.h"

namespace theano::testing {
namespace {

struct ExprCase {
  std::string op;
  std::vector<DType> dtypes;
  std::vector<std::vector<double>> inputs;  // one row per input
};

std::shared_ptr<const ScalarOp> scalar(const std::string& name) {
  return std::dynamic_pointer_cast<const ScalarOp>(Registry::global().make_op("scalar." + name));
}

std::string literal(double v, DType d) {
  if (is_float(d)) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%a", v);
    return buf;
  }
  return std::to_string(static_cast<long long>(v));
}

std::string c_type(DType d) {
  switch (d) {
    case DType::Float32:
      return "float";
    case DType::Float64:
      return "double";
    case DType::Int32:
      return "int32_t";
    case DType::Int64:
      return "int64_t";
    case DType::Bool:
      return "bool";
    default:
      return "int8_t";
  }
}

std::vector<ExprCase> cases() {
  const std::vector<double> unit{0.1, 0.3, 0.5, 0.7, 0.9};
  const std::vector<double> a{0.5, 1.5, -2.5, 3, 7}, b{0.25, 2, -1, 1.5, -2};
  const std::vector<double> ia{7, -7, 3, 0, -8}, ib{2, 2, -3, 5, 3};
  std::vector<ExprCase> out;
  for (DType d : {DType::Float32, DType::Float64}) {
    for (const char* op : {"exp",
                           "exp2",
                           "expm1",
                           "log",
                           "log2",
                           "log10",
                           "log1p",
                           "sqrt",
                           "sin",
                           "cos",
                           "tan",
                           "arcsin",
                           "arccos",
                           "arctan",
                           "sinh",
                           "cosh",
                           "tanh",
                           "arcsinh",
                           "arctanh",
                           "erf",
                           "erfc",
                           "erfinv",
                           "gamma",
                           "gammaln",
                           "psi",
                           "tri_gamma",
                           "xlogx",
                           "floor",
                           "ceil",
                           "trunc",
                           "sgn",
                           "abs",
                           "neg",
                           "inv",
                           "sqr",
                           "deg2rad",
                           "rad2deg",
                           "round_half_to_even",
                           "round_half_away_from_zero",
                           "identity",
                           "isnan",
                           "isinf"})
      out.push_back({op, {d}, {unit}});
    out.push_back({"arccosh", {d}, {{1.5, 2, 3, 10, 1.01}}});
    out.push_back({"erfcinv", {d}, {{0.3, 1.2, 0.01, 1.9, 1}}});
    for (const char* op : {"add", "sub", "mul", "true_div", "int_div", "mod", "maximum", "minimum",
                           "arctan2", "lt", "gt", "le", "ge", "eq", "neq"})
      out.push_back({op, {d, d}, {a, b}});
    out.push_back({"pow", {d, d}, {{0.5, 1.5, 2.5, 3, 7}, b}});
    out.push_back({"xlogy0", {d, d}, {{0, 1.5, 2.5, 3, 0}, {1, 2, 0.5, 1.5, 2}}});
    out.push_back({"clip", {d, d, d}, {a, {0, 0, 0, 0, 0}, {2, 2, 2, 2, 2}}});
  }
  for (DType d : {DType::Int32, DType::Int64}) {
    for (const char* op : {"add", "sub", "mul", "int_div", "mod", "pow", "maximum", "minimum",
                           "and", "or", "xor", "lt", "eq"})
      out.push_back(
          {op, {d, d}, {ia, op == std::string("pow") ? std::vector<double>{2, 3, 0, 5, 1} : ib}});
    for (const char* op : {"neg", "abs", "sgn", "sqr", "invert"}) out.push_back({op, {d}, {ia}});
  }
  out.push_back({"switch", {DType::Bool, DType::Float64, DType::Float64}, {{1, 0, 1, 0, 1}, a, b}});
  out.push_back({"and", {DType::Bool, DType::Bool}, {{1, 1, 0, 0, 1}, {1, 0, 1, 0, 1}}});
  out.push_back({"invert", {DType::Bool}, {{1, 0, 1, 0, 1}}});
  return out;
}

// The plugin's own result for a case, through a compiled Elemwise.
std::vector<double> kernel_result(const ExprCase& c) {
  std::vector<Var> vars;
  std::vector<Value> args;
  std::vector<T::Operand> operands;
  for (std::size_t k = 0; k < c.dtypes.size(); ++k) {
    vars.push_back(T::tensor(c.dtypes[k], 1));
    operands.emplace_back(vars.back());
    args.emplace_back(NDArray::from_vector(c.inputs[k]).astype(c.dtypes[k]));
  }
  return eval1(vars, T::elemwise(c.op, operands), args).to_vector<double>();
}

TEST(CExpr, ExpressionsCompileAndMatchTheKernels) {
  init();
  if (std::system("c++ --version > /dev/null 2>&1") != 0) GTEST_SKIP() << "no C++ compiler";
  std::vector<ExprCase> all = cases();
  std::ostringstream src;
  src << "#include <cmath>\n#include <cstdint>\n#include <cstdio>\nusing namespace std;\n";
  src << scalar("add")->c_support_code() << "\nint main() {\n";
  std::vector<std::string> labels;
  for (const ExprCase& c : all) {
    auto op = scalar(c.op);
    LoopSignature sig = op->loop_signature(c.dtypes);
    std::vector<std::string> names;
    src << "  {\n";
    for (std::size_t k = 0; k < c.dtypes.size(); ++k) {
      names.push_back("a" + std::to_string(k));
      src << "    const " << c_type(sig.in[k]) << " in" << k << "[] = {";
      for (double v : c.inputs[k]) src << literal(v, sig.in[k]) << ", ";
      src << "};\n";
    }
    std::string e = op->c_expr(sig, names);
    ASSERT_FALSE(e.empty()) << c.op << " has no C expression for " << dtype_name(c.dtypes[0]);
    src << "    for (int i = 0; i < " << c.inputs[0].size() << "; ++i) {\n";
    for (std::size_t k = 0; k < names.size(); ++k)
      src << "      " << c_type(sig.in[k]) << " " << names[k] << " = in" << k << "[i];\n";
    src << "      std::printf(\"%.17g\\n\", (double)(" << e << "));\n    }\n  }\n";
    labels.push_back(c.op + " " + std::string(dtype_name(c.dtypes[0])));
  }
  src << "  return 0;\n}\n";
  std::string dir = ::testing::TempDir();
  std::string cpp = dir + "/theano_cexpr_test.cpp", bin = dir + "/theano_cexpr_test",
              txt = dir + "/theano_cexpr_test.txt";
  std::ofstream(cpp) << src.str();
  std::string cmd = "c++ -std=c++17 -O1 -w " + cpp + " -o " + bin + " 2> " + txt;
  ASSERT_EQ(std::system(cmd.c_str()), 0) << "generated code does not compile; see " << txt;
  ASSERT_EQ(std::system((bin + " > " + txt).c_str()), 0);
  std::ifstream results(txt);
  for (std::size_t k = 0; k < all.size(); ++k) {
    std::vector<double> want = kernel_result(all[k]);
    for (std::size_t i = 0; i < want.size(); ++i) {
      double got = 0;
      ASSERT_TRUE(results >> got) << "missing output for " << labels[k];
      double tol = all[k].dtypes.back() == DType::Float32 ? 2e-6 : 1e-13;
      bool ok = (std::isnan(got) && std::isnan(want[i])) || got == want[i] ||
                std::fabs(got - want[i]) <= tol * std::fabs(want[i]) + 1e-30;
      EXPECT_TRUE(ok) << labels[k] << " element " << i << ": C expression " << got << ", kernel "
                      << want[i];
    }
  }
}

TEST(CExpr, CompositeInlinesItsInnerGraph) {
  init();
  auto x = T::fvector("x"), y = T::fvector("y");
  Function f = function({x, y}, {T::exp(x) * y - x * x});
  ASSERT_EQ(f.fgraph().size(), 1u);
  Props props = f.fgraph().apply_nodes()[0]->op().props();
  ASSERT_EQ(props.get_as<std::string>("scalar_op"), "Composite");
  auto op = std::dynamic_pointer_cast<const ScalarOp>(
      Registry::global().make_op("scalar.Composite", Props{{"fgraph", props.get("fgraph")}}));
  ASSERT_NE(op, nullptr);
  std::string e = op->c_expr(op->loop_signature({DType::Float32, DType::Float32}), {"p", "q"});
  EXPECT_NE(e.find("expf((p))"), std::string::npos) << e;
  EXPECT_NE(e.find("return t"), std::string::npos) << e;
  EXPECT_NE(op->c_support_code().find("theano_floordiv"), std::string::npos);
}

}  // namespace
}  // namespace theano::testing
