// optimize(): modes and flags select stages and plugin rewrites by tags;
// the profile; verbose printing; failures; compiling real functions.
#include <cmath>
#include <thread>

#include "helpers.h"
#include "theano/core/errors.h"
#include "theano/core/function.h"
#include "theano/optdb/optimize.h"
#include "theano/optdb/optimizers.h"
#include "theano/optdb/standard.h"

namespace ottest {
namespace {

using namespace theano;
using namespace theano::optdb;

Mode mode(const std::string& name, std::vector<std::string> including = {},
          std::vector<std::string> excluding = {}, std::vector<std::string> requiring = {}) {
  Mode m;
  m.name = name;
  m.including = std::move(including);
  m.excluding = std::move(excluding);
  m.requiring = std::move(requiring);
  return m;
}

// log(1 + neg(neg(x))) + (2 + 3): needs neg_neg (canonicalize), ot_log1p
// (stabilize) and constant folding.
std::unique_ptr<FunctionGraph> sample(Var& x) {
  x = ot::vector("x");
  Var y = ot::log(ot::add(ot::constant(1), ot::neg(ot::neg(x))));
  return graph({x}, {ot::add(y, ot::add(ot::constant(2), ot::constant(3)))});
}

std::string optimized(const Mode& m) {
  Var x;
  auto fg = sample(x);
  optimize(*fg, m);
  return pprint(fg->outputs()[0]);
}

TEST_F(OptdbTest, ModesMapToQueries) {
  EXPECT_EQ(mode_query(mode("FAST_RUN")).str(), "+fast_run");
  EXPECT_EQ(mode_query(mode("FAST_COMPILE")).str(), "+fast_compile +fast_compile_gpu");
  EXPECT_EQ(mode_query(mode("NO_OPT")).str(), "");
  EXPECT_EQ(mode_query(mode("FAST_RUN", {"a"}, {"b"}, {"c"})).str(), "+a +fast_run &c -b");
  Mode merge_only = mode("FAST_RUN");
  merge_only.optimizer = "merge";
  EXPECT_EQ(mode_query(merge_only).str(), "+merge");
  merge_only.optimizer = "fastest";
  EXPECT_THROW(mode_query(merge_only), ConfigError);
}

TEST_F(OptdbTest, PluginRewritesArePlacedIntoTheirPhase) {
  auto stage = standard_optdb().entry("stabilize");
  ASSERT_TRUE(stage);
  auto* db = dynamic_cast<DB*>(stage->rewriter.get());
  ASSERT_TRUE(db);
  EXPECT_EQ(db->kind(), "EquilibriumDB");
  auto e = db->entry("ot_log1p");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->provider, "theano.test.optdb_ops");
  EXPECT_EQ(e->tags, (std::set<std::string>{"fast_run", "ot", "stabilize"}));
  EXPECT_DOUBLE_EQ(standard_optdb().entry("inplace")->position, phase_position("inplace"));
}

TEST_F(OptdbTest, FastRunSelectsTheFastRunRewrites) {
  // Also in place: the add overwrites log1p's result (x is an input: kept).
  EXPECT_EQ(optimized(mode("FAST_RUN")), "OTAdd{inplace=0}(OTLog1p{inplace=-1}(x), 5.0)");
}

TEST_F(OptdbTest, TagsSelectAndDeselectPluginRewrites) {
  EXPECT_EQ(optimized(mode("FAST_RUN", {}, {"ot", "inplace"})),
            "OTAdd{inplace=-1}(OTLog{inplace=-1}(OTAdd{inplace=-1}(1.0, "
            "OTNeg{inplace=-1}(OTNeg{inplace=-1}(x)))), 5.0)");
  EXPECT_EQ(optimized(mode("FAST_RUN", {}, {"ot_log1p", "inplace"})),
            "OTAdd{inplace=-1}(OTLog{inplace=-1}(OTAdd{inplace=-1}(1.0, x)), 5.0)");
  // Requiring a tag keeps only the rewrites that have it: no constant
  // folding, no in-place insertion.
  EXPECT_EQ(optimized(mode("FAST_RUN", {}, {}, {"ot"})),
            "OTAdd{inplace=-1}(OTLog1p{inplace=-1}(x), OTAdd{inplace=-1}(2.0, 3.0))");
  // A rewrite outside fast_run runs only when included.
  Var x = ot::vector("x");
  auto plain = graph({x}, {ot::neg(ot::exp(ot::log(x)))});
  optimize(*plain, mode("FAST_RUN", {}, {"inplace"}));
  EXPECT_EQ(pprint(plain->outputs()[0]),
            "OTNeg{inplace=-1}(OTExp{inplace=-1}(OTLog{inplace=-1}(x)))");
  auto included = graph({x}, {ot::neg(ot::exp(ot::log(x)))});
  optimize(*included, mode("FAST_RUN", {"ot_optional"}));
  EXPECT_EQ(pprint(included->outputs()[0]), "OTNeg{inplace=-1}(x)");
}

TEST_F(OptdbTest, FastCompileOnlyMergesAndFolds) {
  EXPECT_EQ(optimized(mode("FAST_COMPILE")),
            "OTAdd{inplace=-1}(OTLog{inplace=-1}(OTAdd{inplace=-1}(1.0, "
            "OTNeg{inplace=-1}(OTNeg{inplace=-1}(x)))), 5.0)");
  EXPECT_EQ(optimized(mode("NO_OPT")),
            "OTAdd{inplace=-1}(OTLog{inplace=-1}(OTAdd{inplace=-1}(1.0, "
            "OTNeg{inplace=-1}(OTNeg{inplace=-1}(x)))), OTAdd{inplace=-1}(2.0, 3.0))");
}

TEST_F(OptdbTest, TheReportProfilesEachStageAndRewrite) {
  Var x;
  auto fg = sample(x);
  OptimizeReport report;
  optimize(*fg, mode("FAST_RUN"), &report);
  EXPECT_EQ(report.query, "+fast_run");
  EXPECT_EQ(report.nodes_before, 6u);
  EXPECT_EQ(report.nodes_after, 2u);
  std::vector<std::string> stages;
  for (const auto& e : report.entries) stages.push_back(e.name);
  EXPECT_EQ(stages, (std::vector<std::string>{"merge1", "canonicalize", "stabilize", "specialize",
                                              "gpu", "fusion", "jit", "add_destroy_handler",
                                              "inplace", "merge3"}));
  EXPECT_EQ(report.applied.at("ot_neg_neg"), 1);
  EXPECT_EQ(report.applied.at("ot_log1p"), 1);
  EXPECT_EQ(report.applied.at("constant_folding"), 1);
  EXPECT_EQ(report.applied.at("inplace_insertion"), 1);  // the add overwrites log1p's result
  std::string text = format_report(report);
  EXPECT_NE(text.find("Optimizer profile (query \"+fast_run\"): 6 -> 2 nodes"), std::string::npos)
      << text;
  EXPECT_NE(text.find("    merge "), std::string::npos) << text;  // nested under merge1
  EXPECT_NE(text.find("ot_log1p"), std::string::npos) << text;
  EXPECT_FALSE(fg->get_feature<OptimizeSession>());  // the session is gone afterwards
}

TEST_F(OptdbTest, VerbosePrintsEachStagesGraph) {
  Var x;
  auto fg = sample(x);
  Mode m = mode("FAST_RUN");
  m.verbose = true;
  testing::internal::CaptureStderr();
  optimize(*fg, m);
  std::string err = testing::internal::GetCapturedStderr();
  EXPECT_NE(err.find("=== after canonicalize (3 nodes, "), std::string::npos) << err;
  EXPECT_NE(err.find("=== after merge3"), std::string::npos) << err;
  EXPECT_NE(err.find("OTLog1p"), std::string::npos) << err;
}

TEST_F(OptdbTest, AFailingRewriteIsSkippedOrRaisedAsConfigured) {
  auto boom = std::make_shared<FunctionGraphRewriter>(
      "boom", [](FunctionGraph&) -> int { throw ValueError("kaboom"); });
  SeqOptimizer seq("seq", {boom, std::make_shared<MergeOptimizer>()});
  Var x = ot::vector("x");
  auto fg = graph({x}, {ot::add(ot::neg(x), ot::neg(x))});
  auto session = std::make_shared<OptimizeSession>();
  session->on_error = OnError::Warn;
  fg->attach_feature(session);
  testing::internal::CaptureStderr();
  EXPECT_EQ(seq.apply(*fg), 1);  // merge still ran
  testing::internal::GetCapturedStderr();
  ASSERT_EQ(session->warnings().size(), 1u);
  EXPECT_NE(session->warnings()[0].find("rewrite 'boom' failed: kaboom"), std::string::npos);
  session->on_error = OnError::Raise;
  EXPECT_THROW(seq.apply(*fg), CompileError);
}

TEST_F(OptdbTest, FastRunWritesInPlaceWhereAllowed) {
  Var x = ot::vector("x");
  auto chain = [&] { return graph({x}, {ot::exp(ot::exp(ot::exp(x)))}); };
  auto count_inplace = [](const FunctionGraph& fg) {
    int n = 0;
    for (Apply* a : fg.apply_nodes()) n += !a->op().destroy_map().empty();
    return n;
  };
  auto protected_x = chain();
  optimize(*protected_x, mode("FAST_RUN"));
  EXPECT_EQ(count_inplace(*protected_x), 2);
  auto mutable_x = chain();
  optimize(*mutable_x, mode("FAST_RUN"), nullptr, {.destroyable = {x.get()}});
  EXPECT_EQ(count_inplace(*mutable_x), 3);
  auto no_inplace = chain();
  optimize(*no_inplace, mode("FAST_RUN", {}, {"inplace"}));
  EXPECT_EQ(count_inplace(*no_inplace), 0);
}

TEST_F(OptdbTest, UnsafeInPlaceUserGraphsAreRejected) {
  Var x = ot::vector("x");
  Var e = ot::exp(x);
  auto fg = graph({x}, {ot::add(ot::add_inplace(e, x), e)});
  EXPECT_THROW(optimize(*fg, mode("FAST_RUN")), CompileError);
}

TEST_F(OptdbTest, CompiledFunctionsComputeTheOptimizedGraphCorrectly) {
  Var x = ot::vector("x");
  Var e = ot::exp(x);
  Var y = ot::add(ot::log(ot::add(ot::constant(1), ot::exp(e))), ot::mul(e, e));
  Function f = function({x}, {y, e}, {.mode = mode("FAST_RUN")});
  EXPECT_GT(count(f.fgraph(), "OTLog1p"), 0u);
  std::vector<double> in{-1.0, 0.0, 0.5};
  auto out = f({ot::array(in)});
  std::vector<double> got = ot::values(out[0]), got_e = ot::values(out[1]);
  for (std::size_t i = 0; i < in.size(); ++i) {
    double ex = std::exp(in[i]);
    EXPECT_NEAR(got[i], std::log1p(std::exp(ex)) + ex * ex, 1e-12);
    EXPECT_NEAR(got_e[i], ex, 1e-15);
  }
  auto again = f({ot::array(in)});  // in-place buffers do not corrupt a second call
  EXPECT_EQ(ot::values(again[0]), got);
}

TEST_F(OptdbTest, FunctionsCompileFromSeveralThreadsAtOnce) {
  Var x;
  auto reference = sample(x);
  optimize(*reference, mode("FAST_RUN"));
  std::string expected = debugprint(*reference);
  std::vector<std::string> results(4);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int rep = 0; rep < 20; ++rep) {
        Var xi;
        auto fg = sample(xi);
        optimize(*fg, mode("FAST_RUN"));
        results[t] = debugprint(*fg);
      }
    });
  }
  for (auto& th : threads) th.join();
  for (const auto& r : results) EXPECT_EQ(r, expected);
}

}  // namespace
}  // namespace ottest
