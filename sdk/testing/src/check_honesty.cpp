// check_view_and_destroy_honesty: runs each implementation of the node
// (perform, make_thunk, the registered CPU kernels) on private copies of the
// inputs and compares what it did with what the op declares: an input whose
// bytes changed must be in destroy_map, an output sharing memory with an
// input must be in view_map or destroy_map for that input. A PrecheckedOp's
// precheck must accept the same inputs without writing them.
#include <algorithm>
#include <cstring>

#include "harness.h"
#include "theano/core/registry.h"

namespace theano::testing {

using namespace detail;

namespace {

/// Whether input `i` is declared for output `k` (or any output when k < 0) in `map`.
bool declared(const IOMap& map, int k, int i) {
  for (const auto& [out, ins] : map) {
    if ((k < 0 || out == k) && std::find(ins.begin(), ins.end(), i) != ins.end()) return true;
  }
  return false;
}

bool same_bytes(const NDArray& a, const NDArray& b) {
  if (a.dtype() != b.dtype() || a.shape() != b.shape()) return false;
  NDArray ca = a.ascontiguous(), cb = b.ascontiguous();
  return std::memcmp(ca.raw_data(), cb.raw_data(), ca.nbytes()) == 0;
}

struct Implementation {
  std::string name;
  Thunk thunk;  ///< empty: perform
};

std::vector<Implementation> implementations(const Apply& node) {
  std::vector<Implementation> impls{{"perform", {}}};
  if (auto thunk = node.op().make_thunk(node)) impls.push_back({"make_thunk", *thunk});
  for (const KernelSpec* k : Registry::global().kernels(node.op().name(), "cpu")) {
    if (auto thunk = k->make(node)) impls.push_back({"kernel '" + k->name + "'", *thunk});
  }
  return impls;
}

/// The first dishonesty of one implementation, if any.
std::optional<std::string> dishonesty(const Apply& node, const OpCase& c,
                                      const Implementation& impl) {
  std::vector<Value> inputs = deep_copies(c.inputs);
  std::vector<Value> outputs = run_node(node, inputs, impl.thunk);
  IOMap views = c.op->view_map(), destroys = c.op->destroy_map();
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    if (!inputs[i].is_array()) continue;
    if (!declared(destroys, -1, static_cast<int>(i)) &&
        !same_bytes(inputs[i].array(), c.inputs[i].array())) {
      return impl.name + " overwrote input " + std::to_string(i) +
             " but destroy_map does not declare it: before " + render(c.inputs[i].array()) +
             ", after " + render(inputs[i].array());
    }
  }
  for (std::size_t k = 0; k < outputs.size(); ++k) {
    if (!outputs[k].is_array()) continue;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
      if (!inputs[i].is_array() || !outputs[k].array().may_share_memory(inputs[i].array()))
        continue;
      int ko = static_cast<int>(k), io = static_cast<int>(i);
      if (!declared(views, ko, io) && !declared(destroys, ko, io)) {
        return impl.name + " returned output " + std::to_string(k) + " sharing memory with input " +
               std::to_string(i) + " but neither view_map nor destroy_map declares it";
      }
    }
  }
  return std::nullopt;
}

/// A PrecheckedOp's precheck must accept inputs its implementations run on,
/// and must not write them.
std::optional<std::string> precheck_dishonesty(const Apply& node, const OpCase& c) {
  auto* checked = dynamic_cast<const PrecheckedOp*>(&node.op());
  if (!checked || !checked->can_precheck(node)) return std::nullopt;
  std::vector<Value> inputs = deep_copies(c.inputs);
  std::vector<Value*> refs;
  for (Value& v : inputs) refs.push_back(&v);
  try {
    checked->precheck(node, InputRefs(refs.data(), refs.size()));
  } catch (const std::exception& e) {
    return std::string("precheck rejected inputs that perform runs on: ") + e.what();
  }
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    if (inputs[i].is_array() && !same_bytes(inputs[i].array(), c.inputs[i].array()))
      return "precheck overwrote input " + std::to_string(i);
  }
  return std::nullopt;
}

}  // namespace

CheckResult check_view_and_destroy_honesty(const OpCase& c, const CheckOptions& /*options*/) {
  CheckResult r = start("view_destroy", c);
  BuiltNode built;
  std::vector<Implementation> impls;
  try {
    built = build_node(c);
    impls = implementations(*built.node);
  } catch (const std::exception& e) {
    return skip(r, std::string("make_node fails (see the perform check): ") + e.what());
  }
  try {
    if (auto problem = precheck_dishonesty(*built.node, c)) return fail(r, *problem);
  } catch (const std::exception& e) {
    return fail(r, std::string("precheck threw: ") + e.what());
  }
  for (const Implementation& impl : impls) {
    try {
      if (auto problem = dishonesty(*built.node, c, impl)) return fail(r, *problem);
    } catch (const std::exception& e) {
      if (!impl.thunk)
        return skip(r, std::string("perform does not run (see the perform check): ") + e.what());
      return fail(r, impl.name + " threw: " + e.what());
    }
  }
  return r;
}

}  // namespace theano::testing
