// Each check of the harness on a correct op (passes) and on an op with a
// planted defect (fails, naming the op, the case and what differed). The
// ops are those of the broken test plugin, built directly here, and the
// view / in-place ops of the test support plugin.
#include <gtest/gtest.h>

#include "broken_ops.h"
#include "testops/testops.h"
#include "theano/testing/checks.h"
#include "theano/testing/gtest.h"

namespace {

using namespace theano;
namespace tt = theano::testing;

NDArray vec(std::vector<double> v) {
  Shape shape{static_cast<std::int64_t>(v.size())};
  return NDArray::from_vector(v, shape);
}

tt::OpCase case_of(OpPtr op) {
  testops::init();
  return tt::OpCase{std::move(op), {vec({0.5, -1.25, 2.0})}, {}, "three"};
}

OpPtr good() {
  return std::make_shared<broken::Square>("GoodSquare", 2.0);
}

OpSchema schema_of(const std::string& name, std::function<OpPtr(const Props&)> make) {
  return OpSchema{name, "test", std::move(make)};
}

TEST(CheckPerform, PassesAndCatchesAWrongOutputDtype) {
  EXPECT_CHECK_STRICTLY_PASSES(tt::check_perform(case_of(good())));
  tt::CheckResult r = tt::check_perform(case_of(std::make_shared<broken::WrongDtype>()));
  EXPECT_CHECK_FAILS(r);
  EXPECT_EQ(r.check, "perform");
  EXPECT_NE(r.reason.find("WrongDtype [three]: output 0 declared"), std::string::npos) << r.reason;
  EXPECT_NE(r.reason.find("perform gave float32 (3,)"), std::string::npos) << r.reason;
}

TEST(CheckPerform, ReportsARefusedInput) {
  tt::OpCase c = case_of(good());
  c.inputs = {NDArray::from_values<float>({1.0f}, {1})};
  tt::CheckResult r = tt::check_perform(c);
  EXPECT_CHECK_FAILS(r);
  EXPECT_NE(r.reason.find("make_node refused inputs float32 (1,)"), std::string::npos) << r.reason;
}

TEST(CheckCompiled, PassesAndCatchesAThunkDisagreeingWithPerform) {
  EXPECT_CHECK_STRICTLY_PASSES(tt::check_compiled(case_of(good())));
  tt::CheckResult r = tt::check_compiled(case_of(std::make_shared<broken::BadThunk>()));
  EXPECT_CHECK_FAILS(r);
  EXPECT_NE(r.reason.find("output 0 in mode FAST_RUN differs from perform"), std::string::npos)
      << r.reason;
  // x*x + 1 against x*x: every element off by exactly 1.
  ASSERT_TRUE(r.max_abs_err.has_value());
  EXPECT_DOUBLE_EQ(*r.max_abs_err, 1.0);
}

TEST(CheckGradient, PassesCatchesAWrongGradientAndSkipsWhenAsked) {
  EXPECT_CHECK_STRICTLY_PASSES(tt::check_gradient(case_of(good())));
  tt::CheckResult r =
      tt::check_gradient(case_of(std::make_shared<broken::Square>("WrongGrad", 1.0)));
  EXPECT_CHECK_FAILS(r);
  EXPECT_EQ(r.check, "grad");
  EXPECT_NE(r.reason.find("WrongGrad [three]: gradient disagrees"), std::string::npos) << r.reason;
  tt::OpCase off = case_of(good());
  off.differentiable = false;
  EXPECT_TRUE(tt::check_gradient(off).skipped());
}

TEST(CheckInferShape, PassesCatchesADisagreementAndSkipsWithoutInferShape) {
  EXPECT_CHECK_STRICTLY_PASSES(tt::check_infer_shape(case_of(good())));
  tt::CheckResult r = tt::check_infer_shape(case_of(std::make_shared<broken::WrongShape>()));
  EXPECT_CHECK_FAILS(r);
  EXPECT_EQ(r.expected, "(3,)");
  EXPECT_EQ(r.actual, "(7,)");
  EXPECT_NE(r.reason.find("infer_shape says output 0 has shape (7,) but perform produced (3,)"),
            std::string::npos)
      << r.reason;
  // The test plugin's TestView does not infer shapes.
  testops::init();
  Var x = testops::dvector("x");
  tt::OpCase view{testops::view(x)->owner()->op_ptr(), {vec({1, 2})}};
  EXPECT_TRUE(tt::check_infer_shape(view).skipped());
}

TEST(CheckRop, PassesAndCatchesAWrongRop) {
  EXPECT_CHECK_STRICTLY_PASSES(tt::check_rop(case_of(good())));
  tt::CheckResult r =
      tt::check_rop(case_of(std::make_shared<broken::Square>("WrongRop", 2.0, 1.0)));
  EXPECT_CHECK_FAILS(r);
  EXPECT_NE(r.reason.find("R_op of output 0 disagrees with finite differences"), std::string::npos)
      << r.reason;
}

TEST(CheckPropsRoundtrip, PassesAndCatchesLostPropsAndAMisnamedSchema) {
  auto make_square = [](const Props&) -> OpPtr { return good(); };
  EXPECT_CHECK_PASSES(
      tt::check_props_roundtrip(case_of(good()), schema_of("GoodSquare", make_square)));
  auto make_lossy = [](const Props& p) -> OpPtr {
    return std::make_shared<broken::LossyProps>(p.contains("label") ? p.get_as<std::string>("label")
                                                                    : "default");
  };
  tt::CheckResult r = tt::check_props_roundtrip(
      case_of(std::make_shared<broken::LossyProps>("kept")), schema_of("LossyProps", make_lossy));
  EXPECT_CHECK_FAILS(r);
  EXPECT_NE(r.reason.find("from_props(op.props())"), std::string::npos) << r.reason;
  tt::CheckResult misnamed =
      tt::check_props_roundtrip(case_of(good()), schema_of("Square", make_square));
  EXPECT_CHECK_FAILS(misnamed);
  EXPECT_NE(misnamed.reason.find("schema is named 'Square'"), std::string::npos);
}

TEST(CheckHonesty, CatchesAnUndeclaredViewAndAnUndeclaredWrite) {
  EXPECT_CHECK_STRICTLY_PASSES(tt::check_view_and_destroy_honesty(case_of(good())));
  tt::CheckResult view =
      tt::check_view_and_destroy_honesty(case_of(std::make_shared<broken::LyingView>()));
  EXPECT_CHECK_FAILS(view);
  EXPECT_NE(view.reason.find("output 0 sharing memory with input 0"), std::string::npos);
  tt::CheckResult write =
      tt::check_view_and_destroy_honesty(case_of(std::make_shared<broken::SecretWriter>()));
  EXPECT_CHECK_FAILS(write);
  EXPECT_NE(write.reason.find("overwrote input 0 but destroy_map does not declare it"),
            std::string::npos)
      << write.reason;
}

TEST(CheckHonesty, NoCheckWritesTheExampleInputs) {
  // Every check runs the op on private copies, so a writer caught by the
  // honesty check is caught after all the others ran too.
  testops::init();
  OpSchema writer = schema_of("SecretWriter", [](const Props&) -> OpPtr {
    return std::make_shared<broken::SecretWriter>();
  });
  writer.examples = {{"v", {}, {vec({1.5, -2.0})}}};
  std::vector<tt::CheckResult> rows = tt::run_all_checks(writer).summary();
  auto it = std::find_if(rows.begin(), rows.end(),
                         [](const tt::CheckResult& r) { return r.check == "view_destroy"; });
  ASSERT_NE(it, rows.end());
  EXPECT_CHECK_FAILS(*it);
  EXPECT_EQ(writer.examples[0].inputs[0].array().to_vector<double>(),
            (std::vector<double>{1.5, -2.0}));
}

TEST(CheckHonesty, DeclaredViewsAndWritesPass) {
  testops::init();
  Var x = testops::dvector("x"), y = testops::dvector("y");
  tt::OpCase view{testops::view(x)->owner()->op_ptr(), {vec({1, 2})}};
  EXPECT_CHECK_STRICTLY_PASSES(tt::check_view_and_destroy_honesty(view));
  tt::OpCase inplace{testops::add_inplace(x, y)->owner()->op_ptr(), {vec({1, 2}), vec({3, 4})}};
  EXPECT_CHECK_STRICTLY_PASSES(tt::check_view_and_destroy_honesty(inplace));
}

TEST(CheckAgainstReference, PassesOnTheRightFunctionAndReportsTheWorstElement) {
  testops::init();
  auto square = [](const std::vector<Value>& in) {
    std::vector<double> v = in[0].array().to_vector<double>();
    for (double& x : v) x = x * x;
    return std::vector<NDArray>{vec(v)};
  };
  std::vector<tt::ReferenceCase> cases = {{"small", {vec({1, 2})}}, {"neg", {vec({-3})}}};
  EXPECT_CHECK_PASSES(tt::check_against_reference(good(), cases, square));
  auto copy = std::make_shared<broken::Copy>("Copy");
  tt::CheckTable table = tt::check_against_reference(copy, cases, square);
  ASSERT_EQ(table.results.size(), 2u);
  EXPECT_CHECK_FAILS(table.results[0]);
  // Copy of (1, 2) against (1, 4): element 1 off by 2.
  EXPECT_NE(table.results[0].reason.find("expected 4, got 2"), std::string::npos)
      << table.results[0].reason;
  EXPECT_DOUBLE_EQ(*table.results[1].max_abs_err, 12.0);  // -3 against 9
}

TEST(RunAllChecks, OpWithoutExamplesFailsAndTableSummarises) {
  testops::init();
  OpSchema none = schema_of("NoExamples", [](const Props&) -> OpPtr { return good(); });
  tt::CheckTable t = tt::run_all_checks(none);
  ASSERT_EQ(t.results.size(), 1u);
  EXPECT_EQ(t.results[0].check, "examples");
  EXPECT_CHECK_FAILS(t.results[0]);
  OpSchema wrong = schema_of("WrongGrad", [](const Props&) -> OpPtr {
    return std::make_shared<broken::Square>("WrongGrad", 1.0);
  });
  wrong.examples = {{"a", {}, {vec({0.5, 2.0})}}, {"b", {}, {vec({1.5})}}};
  tt::CheckTable table = tt::run_all_checks(wrong);
  EXPECT_FALSE(table.passed());
  std::vector<tt::CheckResult> rows = table.summary();
  EXPECT_EQ(rows.size(), 7u);  // one per check
  for (const tt::CheckResult& r : rows) EXPECT_EQ(r.failed(), r.check == "grad") << r.str();
  EXPECT_NE(table.str().find("FAIL grad WrongGrad [a]"), std::string::npos) << table.str();
}

}  // namespace
