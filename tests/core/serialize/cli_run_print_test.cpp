// `theano run` and `theano print` on a saved function: outputs written as
// .npy files equal the function's, --save-updates stores the new shared
// values, bad inputs are named, and print gives debugprint or Graphviz dot.
#ifdef THEANO_CLI_PATH
#include <gtest/gtest.h>

#include <unistd.h>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "theano/core/init.h"
#include "theano/core/serialize.h"
#include "theano/tensor.h"

namespace theano {
namespace {

namespace T = theano::tensor;
namespace fs = std::filesystem;

struct Cli {
  int status;
  std::string out;
};

Cli theano_cli(const std::string& args, const fs::path& dir) {
  fs::path log = dir / "cli.log";
  std::string cmd = "THEANO_PLUGIN_PATH=" + std::string(THEANO_PLUGIN_DIR) + " " + THEANO_CLI_PATH +
                    " " + args + " > " + log.string() + " 2>&1";
  int status = std::system(cmd.c_str());
  std::ifstream in(log);
  std::stringstream text;
  text << in.rdbuf();
  return {status, text.str()};
}

class CliRunPrint : public ::testing::Test {
 protected:
  void SetUp() override {
    initialize();
    dir_ = fs::temp_directory_path() / ("theano_cli_run_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    auto x = T::dmatrix("x");
    w_ = shared(NDArray::from_values<double>({0.5, -1}), "w");
    T::TensorVar y = T::sum(x * T::shape_padleft(w_), 1);
    y->set_name("y");
    FunctionOptions o;
    o.updates = {{w_, T::TensorVar(w_) * 2.0}};
    save_function(function({x}, {y}, o), model());
    save_npy((dir_ / "x.npy").string(), NDArray::from_values<double>({1, 2, 3, 4}, {2, 2}));
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string model() const { return (dir_ / "model.json").string(); }

  fs::path dir_;
  std::shared_ptr<SharedVariable> w_;
};

TEST_F(CliRunPrint, RunWritesOutputsAndSavesUpdates) {
  std::string x = (dir_ / "x.npy").string(), out = (dir_ / "out").string();
  Cli r = theano_cli(
      "run " + model() + " --input x=" + x + " --output-dir " + out + " --repeat 2 --save-updates",
      dir_);
  ASSERT_EQ(r.status, 0) << r.out;
  // Second call: w = [1, -2], so y = [1*1 + 2*-2, 3*1 + 4*-2].
  EXPECT_EQ(load_npy(out + "/y.npy").to_vector<double>(), (std::vector<double>{-3, -5}));
  FunctionSpec spec = load_function_spec(model());
  ASSERT_EQ(spec.updates.size(), 1u);
  auto* w = static_cast<const SharedVariable*>(spec.updates[0].first.get());
  EXPECT_EQ(w->get_value().array().to_vector<double>(), (std::vector<double>{2, -4}));
}

TEST_F(CliRunPrint, RunNamesMissingAndUnknownInputs) {
  Cli missing = theano_cli("run " + model(), dir_);
  EXPECT_NE(missing.status, 0);
  EXPECT_NE(missing.out.find("missing --input for 'x'"), std::string::npos) << missing.out;
  Cli unknown = theano_cli("run " + model() + " --input z=" + (dir_ / "x.npy").string(), dir_);
  EXPECT_NE(unknown.status, 0);
  EXPECT_NE(unknown.out.find("no input named 'z'"), std::string::npos) << unknown.out;
}

TEST_F(CliRunPrint, PrintTextAndDot) {
  Cli text = theano_cli("print " + model(), dir_);
  ASSERT_EQ(text.status, 0) << text.out;
  EXPECT_NE(text.out.find("Sum{axis=(1,)} [id A] <TensorType(float64, (?,))> 'y'"),
            std::string::npos)
      << text.out;
  Cli dot = theano_cli("print " + model() + " --optimized --format dot", dir_);
  ASSERT_EQ(dot.status, 0) << dot.out;
  EXPECT_EQ(dot.out.rfind("digraph theano {", 0), 0u) << dot.out;
  EXPECT_NE(dot.out.find("TensorType(float64, (?, ?))"), std::string::npos);
  EXPECT_EQ(dot.out.back(), '\n');
  Cli bad = theano_cli("print " + model() + " --format svg", dir_);
  EXPECT_NE(bad.status, 0);
  EXPECT_NE(bad.out.find("text or dot"), std::string::npos) << bad.out;
}

}  // namespace
}  // namespace theano
#endif
