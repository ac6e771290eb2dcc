// `theano check-plugin` on the deliberately broken plugin: every planted
// defect is reported on the right op and check with a reason saying what
// differed; the control op passes; the exit status is non-zero; --op
// narrows the run; a file that is not a plugin is refused.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

namespace {

struct CliRun {
  int status = -1;
  std::string out;
};

CliRun run_cli(const std::string& args) {
  std::string command = std::string(THEANO_CLI_PATH) + " " + args + " 2>&1";
  CliRun run;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return run;
  std::array<char, 4096> buffer{};
  while (std::size_t n = fread(buffer.data(), 1, buffer.size(), pipe))
    run.out.append(buffer.data(), n);
  int raw = pclose(pipe);
  run.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  return run;
}

/// The summary row of (op, check) in check-plugin's JSON.
nlohmann::json row(const nlohmann::json& report, const std::string& op, const std::string& check) {
  for (const auto& r : report.at("summary")) {
    if (r.at("op") == op && r.at("check") == check) return r;
  }
  return nullptr;
}

nlohmann::json broken_report() {
  static const nlohmann::json report = [] {
    CliRun run = run_cli("check-plugin --json " + std::string(BROKEN_PLUGIN_PATH));
    EXPECT_EQ(run.status, 1) << run.out;
    auto start = run.out.find('{');
    return nlohmann::json::parse(run.out.substr(start == std::string::npos ? 0 : start));
  }();
  return report;
}

void expect_fails(const std::string& op, const std::string& check, const std::string& text) {
  nlohmann::json r = row(broken_report(), op, check);
  ASSERT_FALSE(r.is_null()) << op << " x " << check << " missing";
  EXPECT_EQ(r.at("outcome"), "fail") << r.dump(2);
  std::string reason = r.at("reason");
  EXPECT_NE(reason.find(op), std::string::npos) << reason;
  EXPECT_NE(reason.find(text), std::string::npos) << reason;
}

void expect_passes(const std::string& op, const std::string& check) {
  nlohmann::json r = row(broken_report(), op, check);
  ASSERT_FALSE(r.is_null()) << op << " x " << check << " missing";
  EXPECT_EQ(r.at("outcome"), "pass") << r.dump(2);
}

TEST(CheckPluginCli, ReportsThePluginAndFails) {
  nlohmann::json report = broken_report();
  EXPECT_EQ(report.at("plugin"), "theano.test.broken");
  EXPECT_FALSE(report.at("passed").get<bool>());
  EXPECT_GT(report.at("failures").get<int>(), 0);
}

TEST(CheckPluginCli, ControlOpPassesEveryCheck) {
  for (const char* check :
       {"perform", "compiled", "infer_shape", "grad", "rop", "props_roundtrip", "view_destroy"}) {
    expect_passes("GoodSquare", check);
  }
}

TEST(CheckPluginCli, WrongGradient) {
  expect_fails("WrongGrad", "grad", "gradient disagrees with finite differences");
  expect_passes("WrongGrad", "rop");
  expect_passes("WrongGrad", "infer_shape");
  nlohmann::json r = row(broken_report(), "WrongGrad", "grad");
  // d(x*x)/dx = 2x, the op says x: the worst error is half the true value.
  EXPECT_GT(r.at("max_abs_err").get<double>(), 0.1);
}

TEST(CheckPluginCli, WrongRop) {
  expect_fails("WrongRop", "rop", "disagrees with finite differences");
  expect_passes("WrongRop", "grad");
}

TEST(CheckPluginCli, LyingViewMap) {
  expect_fails("LyingView", "view_destroy",
               "perform returned output 0 sharing memory with input 0 but neither view_map nor "
               "destroy_map declares it");
  expect_passes("LyingView", "grad");
}

TEST(CheckPluginCli, UndeclaredDestroy) {
  expect_fails("SecretWriter", "view_destroy",
               "perform overwrote input 0 but destroy_map does not declare it");
}

TEST(CheckPluginCli, DisagreeingInferShape) {
  expect_fails("WrongShape", "infer_shape",
               "infer_shape says output 0 has shape (7,) but perform "
               "produced (4,)");
  expect_passes("WrongShape", "grad");
}

TEST(CheckPluginCli, PropsThatDoNotRoundTrip) {
  expect_fails("LossyProps", "props_roundtrip", "from_props(op.props())");
  expect_passes("LossyProps", "infer_shape");
}

TEST(CheckPluginCli, WrongOutputDtype) {
  expect_fails("WrongDtype", "perform", "declared TensorType(float64");
}

TEST(CheckPluginCli, KernelDisagreeingWithPerform) {
  expect_fails("BadThunk", "compiled", "in mode FAST_RUN");
  expect_passes("BadThunk", "perform");
}

TEST(CheckPluginCli, OpWithoutExamplesFails) {
  expect_fails("NoExamples", "examples", "no example cases");
}

TEST(CheckPluginCli, TableAndOpFilter) {
  CliRun run = run_cli("check-plugin " + std::string(BROKEN_PLUGIN_PATH) + " --op GoodSquare");
  EXPECT_EQ(run.status, 0) << run.out;
  EXPECT_NE(run.out.find("GoodSquare"), std::string::npos) << run.out;
  EXPECT_EQ(run.out.find("WrongGrad"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("all checks passed"), std::string::npos) << run.out;
  CliRun bad = run_cli("check-plugin " + std::string(BROKEN_PLUGIN_PATH) + " --op WrongShape");
  EXPECT_EQ(bad.status, 1) << bad.out;
  EXPECT_NE(bad.out.find("FAIL infer_shape WrongShape"), std::string::npos) << bad.out;
  CliRun missing = run_cli("check-plugin " + std::string(BROKEN_PLUGIN_PATH) + " --op Nope");
  EXPECT_EQ(missing.status, 1);
  EXPECT_NE(missing.out.find("registers no op named 'Nope'"), std::string::npos) << missing.out;
}

TEST(CheckPluginCli, RefusesAFileThatIsNotAPlugin) {
  CliRun run = run_cli("check-plugin " + std::string(THEANO_CLI_PATH));
  EXPECT_NE(run.status, 0);
  EXPECT_NE(run.out.find("is not a Theano++ plugin"), std::string::npos) << run.out;
}

}  // namespace
