// The activations' C expressions, which the JIT backends paste into fused
// kernels: compiled with the system C++ compiler together with their support
// code, they must give the plugin kernels' results (to the last bits for
// float64, within float32 rounding of libm differences otherwise). Skipped
// when no compiler is installed.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "helpers.h"
#include "theano/core/registry.h"
#include "theano/plugin_api/scalar_op.h"

namespace theano::nnettest {
namespace {

const std::vector<double> kInputs{-1000, -80, -20, -3.5, -1, -0.25, 0,
                                  0.25,  1,   2.5, 3.5,  20, 90,    1000};

std::shared_ptr<const ScalarOp> scalar(const std::string& name) {
  return std::dynamic_pointer_cast<const ScalarOp>(Registry::global().make_op("scalar." + name));
}

/// The kernel's results for kInputs in dtype d.
std::vector<double> kernel_values(const ScalarOp& op, DType d) {
  NDArray in = NDArray::from_vector(kInputs).astype(d);
  NDArray out = NDArray::empty(d, {static_cast<std::int64_t>(kInputs.size())});
  const void* ins[] = {in.raw_data()};
  void* outs[] = {out.raw_data()};
  std::int64_t steps[] = {1};
  op.make_loop(LoopSignature{{d}, {d}})(
      LoopArgs{static_cast<std::int64_t>(kInputs.size()), ins, steps, outs});
  return out.to_vector<double>();
}

/// Compiles and runs a program printing EXPR over kInputs; empty when no compiler.
std::vector<double> compiled_values(const ScalarOp& op, DType d, const std::string& tag) {
  const std::string type = d == DType::Float32 ? "float" : "double";
  LoopSignature sig{{d}, {d}};
  std::ostringstream src;
  src << op.c_support_code() << "\n#include <cstdio>\nint main() {\n  const double in[] = {";
  for (double v : kInputs) src << v << ", ";
  src << "};\n  for (double v : in) {\n    " << type << " x = (" << type << ")v;\n    " << type
      << " r = " << op.c_expr(sig, {"x"}) << ";\n    std::printf(\"%a\\n\", (double)r);\n  }\n}\n";
  std::string base = std::string(THEANO_BUILD_DIR) + "/nnet_cexpr_" + tag;
  std::ofstream(base + ".cpp") << src.str();
  std::string cmd = "c++ -std=c++17 -O1 -o " + base + " " + base + ".cpp 2>" + base + ".log";
  if (std::system(cmd.c_str()) != 0) return {};
  std::vector<double> out;
  FILE* p = popen(base.c_str(), "r");
  char line[128];
  while (p && std::fgets(line, sizeof line, p)) out.push_back(std::strtod(line, nullptr));
  if (p) pclose(p);
  return out;
}

TEST(NnetCExpr, MatchesKernels) {
  init();
  if (std::system("c++ --version >/dev/null 2>&1") != 0) GTEST_SKIP() << "no C++ compiler";
  for (const char* name : {"sigmoid", "softplus", "softsign", "ultra_fast_sigmoid"}) {
    auto op = scalar(name);
    ASSERT_TRUE(op) << name;
    for (DType d : {DType::Float32, DType::Float64}) {
      std::string tag = std::string(name) + "_" + std::string(dtype_name(d));
      std::vector<double> want = kernel_values(*op, d);
      std::vector<double> got = compiled_values(*op, d, tag);
      ASSERT_EQ(got.size(), want.size()) << tag << ": the program did not compile or run";
      for (std::size_t i = 0; i < want.size(); ++i) {
        double tol = d == DType::Float64 ? 1e-15 : 1e-7;
        EXPECT_NEAR(got[i], want[i], tol * std::max(1.0, std::fabs(want[i])))
            << tag << " at " << kInputs[i];
      }
    }
  }
}

// In a default compile the activations fuse with their neighbours into one
// Composite node, whose values are the unfused ones.
TEST(NnetCExpr, ActivationsFuseIntoOneComposite) {
  init();
  T::TensorVar x = T::dvector("x");
  T::TensorVar y = 2 * T::nnet::sigmoid(x) + T::nnet::softplus(x) * T::nnet::softsign(x);
  Function f = compile({x}, {y});
  ASSERT_EQ(f.fgraph().toposort().size(), 1u) << graph_ops(f);
  EXPECT_NE(graph_ops(f).find("Composite"), std::string::npos) << graph_ops(f);
  NDArray xv = NDArray::from_vector(kInputs);
  FunctionOptions no_fusion;
  no_fusion.mode = Mode::from_config().with_excluding({"fusion"});
  EXPECT_TRUE(
      close(f.call1({xv}).array(), compile({x}, {y}, no_fusion).call1({xv}).array(), 1e-15, 0));
}

}  // namespace
}  // namespace theano::nnettest
