// Shared helpers of the debugging tools' tests.
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "dbg_ops.h"
#include "testops/testops.h"
#include "theano/core/function.h"

namespace dbgtest {

using namespace theano;

/// Every test starts with both test plugins loaded.
class DebugTest : public ::testing::Test {
 protected:
  void SetUp() override { dbg::init(); }
};

/// Flags for ScopedFlags: `ScopedFlags on(Flags{{"profile", "True"}});`.
using Flags = std::map<std::string, std::string>;

inline Value fvec(std::vector<float> v) {
  return Value(NDArray::from_vector(v));
}

inline std::vector<float> floats(const Value& v) {
  return v.array().to_vector<float>();
}

/// Runs `fn` and returns the message of the exception E it throws (fails
/// the test when it throws nothing).
template <class E, class Fn>
std::string message_of(Fn&& fn) {
  try {
    fn();
  } catch (const E& e) {
    return e.what();
  }
  ADD_FAILURE() << "expected an exception";
  return {};
}

inline bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

/// Nodes of op `name` in the function's optimized graph.
inline std::size_t count_op(const Function& f, const std::string& name) {
  return f.fgraph().nodes_with_op(name).size();
}

}  // namespace dbgtest
