// The harness library on the broken plugin loaded from its file: the
// results of run_all_checks for each registered op name the same defects
// as `theano check-plugin`, and the GoogleTest adapter reports them.
#include <gtest/gtest.h>

#include "theano/core/init.h"
#include "theano/core/registry.h"
#include "theano/testing/checks.h"
#include "theano/testing/gtest.h"

namespace {

namespace tt = theano::testing;

void init_with_broken_plugin() {
  theano::InitOptions options;
  options.extra_files.push_back(BROKEN_PLUGIN_PATH);
  theano::initialize(options);
}

/// The summary row for `check` of the registered op `op`.
tt::CheckResult summary_row(const std::string& op, const std::string& check) {
  const theano::OpSchema* schema = theano::Registry::global().find_op(op);
  EXPECT_NE(schema, nullptr) << op;
  if (!schema) return {};
  EXPECT_EQ(schema->provider, "theano.test.broken");
  for (const tt::CheckResult& r : tt::run_all_checks(*schema).summary()) {
    if (r.check == check) return r;
  }
  ADD_FAILURE() << "no " << check << " row for " << op;
  return {};
}

TEST(CheckPluginLibrary, EachDefectOnItsOpAndCheck) {
  init_with_broken_plugin();
  struct Expected {
    const char* op;
    const char* check;
    const char* text;
  };
  for (const Expected& e : {Expected{"WrongGrad", "grad", "finite differences"},
                            Expected{"WrongRop", "rop", "finite differences"},
                            Expected{"LyingView", "view_destroy", "sharing memory with input 0"},
                            Expected{"SecretWriter", "view_destroy", "overwrote input 0"},
                            Expected{"WrongShape", "infer_shape", "(7,)"},
                            Expected{"LossyProps", "props_roundtrip", "tag=default"},
                            Expected{"WrongDtype", "perform", "perform gave float32"},
                            Expected{"BadThunk", "compiled", "differs from perform"},
                            Expected{"NoExamples", "examples", "no example cases"}}) {
    tt::CheckResult r = summary_row(e.op, e.check);
    EXPECT_CHECK_FAILS(r) << e.op;
    EXPECT_EQ(r.op, e.op);
    EXPECT_NE(r.reason.find(e.text), std::string::npos) << r.str();
  }
}

TEST(CheckPluginLibrary, ControlOpPassesAllChecksAtExampleAndRandomInputs) {
  init_with_broken_plugin();
  const theano::OpSchema* schema = theano::Registry::global().find_op("GoodSquare");
  ASSERT_NE(schema, nullptr);
  tt::CheckTable table = tt::run_all_checks(*schema);
  EXPECT_CHECK_PASSES(table);
  // 7 checks at the example's inputs, 6 more at random inputs.
  EXPECT_EQ(table.results.size(), 13u);
  for (const tt::CheckResult& r : table.results) EXPECT_EQ(r.outcome, tt::Outcome::Pass) << r.str();
}

}  // namespace
