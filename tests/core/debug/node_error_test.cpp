// Runtime failures name the node and its inputs; exception_verbosity=high
// and allocation failures add the storage map footprint.
#include "helpers.h"
#include "theano/core/config.h"

namespace dbgtest {
namespace {

class NodeErrors : public DebugTest {};

std::string failing_call() {
  Var x = testops::fvector("x");
  Function f = function({x}, {testops::fail_if_negative(testops::neg(x))});
  return message_of<NodeError>([&] { f({fvec({1, 2, 3})}); });
}

TEST_F(NodeErrors, LowVerbosityNamesTheNodeWithoutTheFootprint) {
  std::string msg = failing_call();
  EXPECT_TRUE(contains(msg, "negative value")) << msg;
  EXPECT_TRUE(contains(msg, "Apply node that caused the error: TestFailIfNegative")) << msg;
  EXPECT_TRUE(contains(msg, "Inputs shapes: [(3,)]")) << msg;
  EXPECT_FALSE(contains(msg, "Storage map footprint")) << msg;
}

TEST_F(NodeErrors, HighVerbosityListsTheStorageMapFootprint) {
  ScopedFlags flags(Flags{{"exception_verbosity", "high"}});
  std::string msg = failing_call();
  EXPECT_TRUE(contains(msg, "Storage map footprint:\n")) << msg;
  EXPECT_TRUE(
      contains(msg, " - x, input, float32 (3,), ElemSize: 4 Byte(s), TotalSize: 12 Byte(s)"))
      << msg;
  EXPECT_TRUE(
      contains(msg, " - TestNeg.0, float32 (3,), ElemSize: 4 Byte(s), TotalSize: 12 Byte(s)"))
      << msg;
  EXPECT_TRUE(contains(msg, " TotalSize: 24 bytes\n TotalSize inputs: 12 bytes\n")) << msg;
}

TEST_F(NodeErrors, OutOfMemoryShowsTheLargestLiveValues) {
  Var x = testops::fvector("x");
  Function f = function({x}, {dbg::huge(testops::neg(x))});
  std::string msg = message_of<NodeError>([&] { f({fvec(std::vector<float>(1000, 1))}); });
  EXPECT_TRUE(contains(msg, "allocate")) << msg;
  EXPECT_TRUE(contains(msg, "Apply node that caused the error: DbgHuge")) << msg;
  EXPECT_TRUE(contains(msg, "Inputs shapes: [(1000,)]")) << msg;
  EXPECT_TRUE(contains(msg, "Storage map footprint:\n - ")) << msg;
  EXPECT_TRUE(contains(msg, "TotalSize: 4000 Byte(s)")) << msg;
  EXPECT_TRUE(contains(msg, "HINT: exception_verbosity=high lists every value alive")) << msg;
}

}  // namespace
}  // namespace dbgtest
