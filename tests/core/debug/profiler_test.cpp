// The profiler: its tables hold the nodes, its totals add up, its Chrome
// trace is valid JSON, and its memory model matches a hand count.
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "helpers.h"
#include "theano/core/config.h"
#include "theano/core/debug/debug_mode.h"
#include "theano/core/debug/profiler.h"

namespace dbgtest {
namespace {

using debug::profile_of;

class Profiler : public DebugTest {};

Function profiled_square_neg(const std::string& name = "square_neg") {
  Var x = testops::fvector("x");
  return function({x}, {testops::neg(testops::mul(x, x))}, {.name = name, .profile = true});
}

TEST_F(Profiler, OnlyProfiledFunctionsHaveAProfile) {
  Var x = testops::fvector("x");
  EXPECT_EQ(profile_of(function({x}, {testops::neg(x)})), nullptr);
  ScopedFlags flags(Flags{{"profile", "True"}});
  EXPECT_NE(profile_of(function({x}, {testops::neg(x)})), nullptr);
}

TEST_F(Profiler, TablesHoldEveryNodeWithItsCallsAndShapes) {
  Function f = profiled_square_neg();
  for (int i = 0; i < 3; ++i) f({fvec({1, 2, 3, 4})});
  auto stats = profile_of(f);
  ASSERT_NE(stats, nullptr);
  EXPECT_EQ(stats->name(), "square_neg");
  EXPECT_EQ(stats->calls(), 3);
  std::vector<debug::ApplyProfile> rows = stats->apply_table();
  ASSERT_EQ(rows.size(), 2u);
  std::map<std::string, debug::ApplyProfile> by_class;
  for (const auto& r : rows) by_class[r.op_class] = r;
  ASSERT_TRUE(by_class.count("TestMul") && by_class.count("TestNeg"));
  const debug::ApplyProfile& mul = by_class["TestMul"];
  EXPECT_EQ(mul.calls, 3);
  EXPECT_EQ(mul.position, 0);
  EXPECT_EQ(mul.kernel, "testmul_counting");
  EXPECT_EQ(mul.inputs, (std::vector<std::string>{"dtype=float32, shape=(4,), strides=(4,)",
                                                  "dtype=float32, shape=(4,), strides=(4,)"}));
  EXPECT_EQ(by_class["TestNeg"].position, 1);
  std::string summary = stats->summary();
  for (const char* part :
       {"Function profiling", "Message: square_neg", "Time in 3 calls", "\nClass\n", "\nOps\n",
        "\nApply\n", "Memory profile", "Optimizer profile", "TestMul", "TestNeg",
        "input 0: dtype=float32, shape=(4,), strides=(4,)"}) {
    EXPECT_TRUE(contains(summary, part)) << part << "\n" << summary;
  }
}

TEST_F(Profiler, TotalsAddUp) {
  Function f = profiled_square_neg();
  for (int i = 0; i < 20; ++i) f({fvec(std::vector<float>(1000, 1.5f))});
  auto stats = profile_of(f);
  double apply_sum = 0, op_sum = 0, class_sum = 0;
  std::int64_t apply_calls = 0, op_calls = 0;
  for (const auto& r : stats->apply_table()) {
    apply_sum += r.seconds;
    apply_calls += r.calls;
  }
  for (const auto& r : stats->op_table()) {
    op_sum += r.seconds;
    op_calls += r.calls;
  }
  for (const auto& r : stats->class_table()) class_sum += r.seconds;
  EXPECT_NEAR(apply_sum, stats->node_seconds(), 1e-12);
  EXPECT_NEAR(op_sum, stats->node_seconds(), 1e-12);
  EXPECT_NEAR(class_sum, stats->node_seconds(), 1e-12);
  EXPECT_EQ(apply_calls, 40);
  EXPECT_EQ(op_calls, 40);
  EXPECT_GT(stats->node_seconds(), 0);
  EXPECT_LE(stats->node_seconds(), stats->call_seconds());
  // The compile time is split as the function reports it.
  EXPECT_DOUBLE_EQ(stats->optimizer_seconds(), f.optimizer_seconds());
  EXPECT_DOUBLE_EQ(stats->linker_seconds(), f.linker_seconds());
  EXPECT_GT(stats->optimizer_seconds(), 0);
  // The Class table's shares end at 100%.
  std::string summary = stats->summary();
  std::size_t cls = summary.find("<Class name>\n");
  std::istringstream row(summary.substr(cls + 13));
  std::string first, cumulative;
  std::getline(row, first);
  std::string second;
  std::getline(row, second);
  EXPECT_TRUE(contains(second, "100.0%")) << summary;
}

TEST_F(Profiler, ChromeTraceIsJsonWithAnEventPerCallAndNode) {
  Function f = profiled_square_neg("traced");
  f({fvec({1, 2})});
  f({fvec({3})});
  std::string path = ::testing::TempDir() + "/theano_trace.json";
  profile_of(f)->write_chrome_trace(path);
  std::ifstream in(path);
  nlohmann::json doc = nlohmann::json::parse(in);
  std::remove(path.c_str());
  int calls = 0, nodes = 0;
  for (const auto& ev : doc.at("traceEvents")) {
    if (ev.at("ph") != "X") continue;
    EXPECT_GE(ev.at("dur").get<double>(), 0);
    EXPECT_GE(ev.at("ts").get<double>(), 0);
    if (ev.at("cat") == "call") {
      ++calls;
      EXPECT_EQ(ev.at("name"), "traced");
    } else {
      ++nodes;
      EXPECT_TRUE(ev.at("args").contains("node"));
    }
  }
  EXPECT_EQ(calls, 2);
  EXPECT_EQ(nodes, 4);
}

TEST_F(Profiler, OneTraceHoldsSeveralFunctionsOnOneClock) {
  Function f = profiled_square_neg("first");
  Function g = profiled_square_neg("second");
  f({fvec({1})});
  g({fvec({2})});
  auto profiles = debug::all_profiles();
  ASSERT_GE(profiles.size(), 2u);
  EXPECT_EQ(profiles.back(), profile_of(g));
  nlohmann::json doc = nlohmann::json::parse(debug::chrome_trace({profile_of(f), profile_of(g)}));
  std::map<int, std::string> process;
  std::map<std::string, double> call_start;
  for (const auto& ev : doc.at("traceEvents")) {
    if (ev.at("ph") == "M") process[ev.at("pid").get<int>()] = ev.at("args").at("name");
    if (ev.at("ph") == "X" && ev.at("cat") == "call") call_start[ev.at("name")] = ev.at("ts");
  }
  EXPECT_EQ(process, (std::map<int, std::string>{{1, "theano function first"},
                                                 {2, "theano function second"}}));
  EXPECT_LT(call_start.at("first"), call_start.at("second"));  // f ran before g
}

TEST_F(Profiler, PeakMemoryFollowsTheGcSchedule) {
  // Three negations of 1024 floats (4096 bytes each): with gc the first
  // result dies after the second is made, so two are alive at most.
  for (bool gc : {true, false}) {
    Var x = testops::fvector("x");
    Mode mode = Mode::named("FAST_RUN");
    mode.allow_gc = gc;
    Function f = function({x}, {testops::neg(testops::neg(testops::neg(x)))},
                          {.mode = mode, .profile = true});
    f({fvec(std::vector<float>(1024, 1))});
    auto stats = profile_of(f);
    EXPECT_EQ(stats->peak_bytes(), gc ? 8192u : 12288u) << "allow_gc=" << gc;
    EXPECT_EQ(stats->input_bytes(), 4096u);
    // At the end of a call, gc has freed the two intermediates.
    std::string fp = stats->footprint();
    EXPECT_TRUE(contains(fp, " - x, input, float32 (1024,), ElemSize: 4 Byte(s), TotalSize: 4096"))
        << fp;
    EXPECT_TRUE(contains(fp, gc ? " TotalSize: 8192 bytes" : " TotalSize: 16384 bytes")) << fp;
  }
}

TEST_F(Profiler, ConcurrentCallsAreAllCounted) {
  Var x = testops::fvector("x");
  Function f = function({x}, {testops::neg(testops::mul(x, x))},
                        {.mode = debug::debug_mode(), .profile = true});
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&f, t] {
      for (int i = 0; i < 25; ++i) {
        float v = static_cast<float>(t + i);
        EXPECT_EQ(floats(f.call1({fvec({v})})), (std::vector<float>{-v * v}));
      }
    });
  }
  for (auto& th : threads) th.join();
  auto stats = profile_of(f);
  EXPECT_EQ(stats->calls(), 100);
  for (const auto& row : stats->apply_table()) EXPECT_EQ(row.calls, 100) << row.node;
}

TEST_F(Profiler, WorksTogetherWithDebugMode) {
  Var x = testops::fvector("x");
  Function f = function({x}, {testops::neg(x)}, {.mode = debug::debug_mode(), .profile = true});
  f({fvec({1})});
  ASSERT_NE(profile_of(f), nullptr);
  EXPECT_EQ(profile_of(f)->calls(), 1);
}

TEST_F(Profiler, ProfilesArePrintedAtExit) {
  EXPECT_EXIT(
      {
        Function f = profiled_square_neg("printed_at_exit");
        f({fvec({1})});
        std::exit(0);
      },
      ::testing::ExitedWithCode(0), "Message: printed_at_exit");
}

}  // namespace
}  // namespace dbgtest
