// Test values: attaching them, finding them, and computing a new node's
// test values while the graph is built (see test_values.h).
#include "theano/core/debug/test_values.h"

#include <iostream>
#include <sstream>

#include "theano/core/config.h"
#include "theano/core/debug/value_report.h"
#include "theano/core/op.h"

namespace theano::debug {

namespace {
thread_local std::optional<std::string> policy_override;
}  // namespace

std::string test_value_policy() {
  if (policy_override) return *policy_override;
  return Config::global().get("compute_test_value");
}

ScopedTestValuePolicy::ScopedTestValuePolicy(std::string policy) : previous_(policy_override) {
  policy_override = std::move(policy);
}

ScopedTestValuePolicy::~ScopedTestValuePolicy() {
  policy_override = previous_;
}

void set_test_value(const Var& v, const Value& value) {
  if (!v) throw ValueError("set_test_value: null variable");
  try {
    v->tag().test_value = v->type()->filter(value);
  } catch (const TypeError& e) {
    throw TypeError("test value for " + v->str() + " does not fit its type: " + e.what());
  }
}

std::optional<Value> find_test_value(const Variable& v) {
  if (v.tag().test_value) return v.tag().test_value;
  if (auto* c = dynamic_cast<const Constant*>(&v)) return c->value();
  if (auto* s = dynamic_cast<const SharedVariable*>(&v)) return s->get_value(/*borrow=*/true);
  return std::nullopt;
}

Value get_test_value(const Var& v) {
  if (auto tv = find_test_value(*v)) return *tv;
  throw ValueError(v->str() + " has no test value; attach one with debug::set_test_value");
}

namespace {

std::string where(const SourceLoc& loc) {
  return loc.known() ? loc.str() : "<unknown line>";
}

std::string describe_inputs(const Apply& node, const std::vector<Value>& values) {
  std::ostringstream os;
  for (int i = 0; i < node.nin(); ++i) {
    os << "  input " << i << " (" << node.input(i)->str() << "): " << describe_value(values[i])
       << "\n";
  }
  return os.str();
}

// Inputs the op overwrites are copied: a test value (or a shared
// variable's real value) must never change because a graph was built.
std::vector<Value> inputs_for_perform(const Apply& node, std::vector<Value> values) {
  for (const auto& [out, ins] : node.op().destroy_map())
    for (int i : ins)
      if (i >= 0 && i < node.nin()) values[i] = values[i].deep_copy();
  return values;
}

[[noreturn]] void report_failure(const Apply& node, const SourceLoc& loc,
                                 const std::vector<Value>& values, const std::exception& e) {
  std::string msg = where(loc) + ": " + node.op().display() +
                    " fails on the test values: " + e.what() + "\n" +
                    describe_inputs(node, values) +
                    "(compute_test_value is on: the node was evaluated as it was built)";
  if (dynamic_cast<const TypeError*>(&e)) throw TypeError(msg);
  throw ValueError(msg);
}

void check_output_types(const Apply& node, const SourceLoc& loc, const std::vector<Value>& outs) {
  for (int k = 0; k < node.nout(); ++k) {
    try {
      node.out(k)->type()->filter(outs[k], FilterOptions{.strict = true});
    } catch (const TypeError& e) {
      throw TypeError(where(loc) + ": " + node.op().display() +
                      " computed a test value for output " + std::to_string(k) +
                      " that does not fit its type " + node.out(k)->type()->str() + ": " +
                      e.what());
    }
  }
}

}  // namespace

void compute_test_values(const Apply& node, const std::string& policy, const SourceLoc& loc) {
  if (policy == "off") return;
  std::vector<Value> values;
  for (int i = 0; i < node.nin(); ++i) {
    auto tv = find_test_value(*node.input(i));
    if (tv) {
      values.push_back(*tv);
      continue;
    }
    if (policy == "ignore") return;
    std::string msg = where(loc) + ": cannot compute the test value of " + node.op().display() +
                      ": input " + std::to_string(i) + " (" + node.input(i)->str() +
                      ") has no test value (compute_test_value=" + policy + ")";
    if (policy == "raise") throw ValueError(msg);
    std::cerr << "theano: warning: " << msg << "\n";
    return;
  }
  std::vector<Value> in = inputs_for_perform(node, values);
  std::vector<Value> out(node.nout());
  std::vector<const Value*> in_ptrs;
  std::vector<Value*> out_ptrs;
  for (auto& v : in) in_ptrs.push_back(&v);
  for (auto& v : out) out_ptrs.push_back(&v);
  try {
    node.op().perform(node, InputRefs(in_ptrs.data(), in_ptrs.size()),
                      OutputRefs(out_ptrs.data(), out_ptrs.size()));
  } catch (const std::exception& e) {
    report_failure(node, loc, values, e);
  }
  check_output_types(node, loc, out);
  for (int k = 0; k < node.nout(); ++k) node.out(k)->tag().test_value = out[k];
}

}  // namespace theano::debug
