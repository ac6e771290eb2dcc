// Bad files give clear errors and never crash: malformed or truncated JSON,
// a newer version, unknown ops, props the op refuses, types that disagree
// with what the op infers, and values that do not fit their declared type.
#include <gtest/gtest.h>

#include "theano/core/init.h"
#include "theano/core/serialize.h"
#include "theano/tensor.h"

namespace theano {
namespace {

namespace T = theano::tensor;

std::string saved_text() {
  initialize();
  auto x = T::fvector("x");
  auto w = shared(NDArray::from_values<float>({1, 2, 3}), "w");
  return to_json(spec_of(function({x}, {T::exp(x) + T::TensorVar(w)})));
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << "test setup: '" << from << "' not in the file";
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

// from_json(text) throws IOError whose message contains every fragment.
void expect_refused(const std::string& text, const std::vector<std::string>& fragments) {
  try {
    from_json(text, "model.json");
    ADD_FAILURE() << "loaded a bad file";
  } catch (const IOError& e) {
    std::string msg = e.what();
    for (const auto& f : fragments) EXPECT_NE(msg.find(f), std::string::npos) << msg;
  }
}

TEST(SerializeErrors, MalformedAndTruncatedFiles) {
  std::string text = saved_text();
  expect_refused("{not json", {"model.json", "malformed JSON"});
  for (std::size_t cut : {std::size_t{1}, text.size() / 3, text.size() / 2, text.size() - 3})
    expect_refused(text.substr(0, cut), {"model.json"});
  expect_refused("{\"format\": \"something else\"}", {"not a saved Theano++ function"});
  expect_refused("[1, 2, 3]", {"not a saved Theano++ function"});
}

TEST(SerializeErrors, NewerVersion) {
  std::string text = replaced(saved_text(), "\"version\": 1", "\"version\": 99");
  expect_refused(text, {"version 99", "reads up to version 1"});
}

TEST(SerializeErrors, UnknownOpNamesIt) {
  std::string text = replaced(saved_text(), "\"op\": \"Elemwise\"", "\"op\": \"Gemm\"");
  expect_refused(text, {"nodes[", "Gemm"});
  text = replaced(saved_text(), "\"op\": \"Elemwise\"", "\"op\": \"FrobnicateOp\"");
  expect_refused(text, {"FrobnicateOp"});
}

TEST(SerializeErrors, PropsTheOpRefuses) {
  std::string text = replaced(saved_text(), "\"exp\"", "\"no_such_scalar_op\"");
  expect_refused(text, {"nodes[", "no_such_scalar_op"});
}

TEST(SerializeErrors, TypesThatDisagreeWithTheOp) {
  // The exp node's output declared float64 while exp(float32) is float32.
  std::string text = saved_text();
  auto node_out = text.rfind("\"kind\": \"node\"");
  ASSERT_NE(node_out, std::string::npos);
  auto dtype = text.find("\"float32\"", node_out);
  text.replace(dtype, 9, "\"float64\"");
  expect_refused(text, {"infers type", "declares"});
}

// The text of the file with the first `from` after the shared variable's
// value (and after `anchor` within it) replaced by `to`.
std::string edit_shared_value(const std::string& anchor, const std::string& from,
                              const std::string& to) {
  std::string text = saved_text();
  auto at = text.find("\"value\"", text.find("\"kind\": \"shared\""));
  at = text.find(from, text.find(anchor, at));
  EXPECT_NE(at, std::string::npos);
  return text.replace(at, from.size(), to);
}

TEST(SerializeErrors, ValuesThatDoNotFitTheirType) {
  expect_refused(edit_shared_value("\"shape\"", "3", "4"), {"variables[", "value"});
  expect_refused(edit_shared_value("\"data\"", "1.0", "\"one\""), {"variables[", "numbers"});
  expect_refused(edit_shared_value("\"dtype\"", "float32", "int8"),
                 {"variables[", "does not fit the declared type"});
}

TEST(SerializeErrors, MissingFileAndFailedSaveLeaveNothingBehind) {
  EXPECT_THROW(load_function_spec("/nonexistent/dir/model.json"), IOError);
  initialize();
  auto x = T::fvector("x");
  Function f = function({x}, {T::exp(x)});
  EXPECT_THROW(save_function(f, "/nonexistent/dir/model.json"), IOError);
}

}  // namespace
}  // namespace theano
