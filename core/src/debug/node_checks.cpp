// DebugMode's per-node checks (see node_checks.h).
#include "node_checks.h"

#include <cstring>

#include "debug_ops_impl.h"
#include "preallocated.h"
#include "theano/core/debug/debug_mode.h"
#include "theano/core/debug/value_report.h"

namespace theano::debug {

namespace {

// The inputs each running node was given, copied before its kernel ran.
// Nested runs (a node running a function) push above and pop their own.
std::vector<std::pair<const Apply*, std::vector<Value>>>& snapshots() {
  thread_local std::vector<std::pair<const Apply*, std::vector<Value>>> s;
  return s;
}

std::vector<Value> take_snapshot(const Apply& node) {
  auto& s = snapshots();
  while (!s.empty() && s.back().first != &node) s.pop_back();  // left by a failed node
  if (s.empty()) return {};
  std::vector<Value> out = std::move(s.back().second);
  s.pop_back();
  return out;
}

bool identical(const Value& a, const Value& b) {
  if (a.is_array() != b.is_array()) return false;
  if (!a.is_array()) return a.empty() == b.empty();
  const NDArray& x = a.array();
  const NDArray& y = b.array();
  if (x.dtype() != y.dtype() || x.shape() != y.shape()) return false;
  if (!x.device().is_cpu() || !y.device().is_cpu()) return true;  // cannot look
  NDArray cx = x.ascontiguous(), cy = y.ascontiguous();
  return std::memcmp(cx.raw_data(), cy.raw_data(), cx.nbytes()) == 0;
}

bool shares(const Value& a, const Value& b) {
  if (a.is_array() && b.is_array()) return a.array().may_share_memory(b.array());
  return a.is_opaque() && b.is_opaque() && a.opaque_ptr() == b.opaque_ptr();
}

// Copies of the inputs for a re-run: those the op destroys are deep copies.
std::vector<Value> rerun_inputs(const std::vector<Value>& before,
                                const std::vector<bool>& destroyed) {
  std::vector<Value> in = before;
  for (std::size_t i = 0; i < in.size(); ++i)
    if (destroyed[i]) in[i] = in[i].deep_copy();
  return in;
}

struct Refs {
  std::vector<const Value*> in;
  std::vector<Value*> out;
  Refs(std::vector<Value>& ins, std::vector<Value>& outs) {
    for (auto& v : ins) in.push_back(&v);
    for (auto& v : outs) out.push_back(&v);
  }
  InputRefs inputs() const { return InputRefs(in.data(), in.size()); }
  OutputRefs outputs() const { return OutputRefs(out.data(), out.size()); }
};

bool is_cpu_node(const Apply& node) {
  for (int k = 0; k < node.nout(); ++k)
    if (!node.out(k)->type()->device().is_cpu()) return false;
  return true;
}

}  // namespace

void fail_check(const std::string& check, const std::string& message, const FunctionGraph* fg,
                const Apply& node, int position, const std::vector<Value>& inputs,
                const std::string& rewrite) {
  std::vector<const Value*> ptrs;
  for (const auto& v : inputs) ptrs.push_back(&v);
  NodeError base = make_node_error(fg, node, position, InputRefs(ptrs.data(), ptrs.size()),
                                   "DebugMode: " + check + ": " + message);
  throw DebugModeError(check, rewrite, base);
}

void NodeChecker::prepare(const Program& program) {
  fg_ = &program.fgraph();
  nodes_.clear();
  for (const LinkedNode& ln : program.nodes()) {
    const Apply& node = *ln.node;
    NodeInfo info;
    info.kernel_name = ln.kernel_name;
    info.kernel = ln.thunk;
    info.destroyed.assign(node.nin(), false);
    info.may_alias.assign(node.nout(), std::vector<bool>(node.nin(), false));
    for (const IOMap& m : {node.op().view_map(), node.op().destroy_map()}) {
      for (const auto& [o, ins] : m) {
        for (int i : ins) {
          if (o < 0 || o >= node.nout() || i < 0 || i >= node.nin()) continue;
          info.may_alias[o][i] = true;
        }
      }
    }
    for (const auto& [o, ins] : node.op().destroy_map())
      for (int i : ins)
        if (i >= 0 && i < node.nin()) info.destroyed[i] = true;
    if (options_.infer_shape && !ln.lazy) info.shape = ShapeCheck::prepare(node);
    nodes_.push_back(std::move(info));
  }
}

void NodeChecker::before(int, const Apply& node, InputRefs inputs) const {
  std::vector<Value> copy;
  for (std::size_t i = 0; i < inputs.size(); ++i) copy.push_back(inputs[i].deep_copy());
  snapshots().emplace_back(&node, std::move(copy));
}

void NodeChecker::after(int position, const Apply& node, InputRefs inputs,
                        OutputRefs outputs) const {
  std::vector<Value> before = take_snapshot(node);
  if (before.size() != inputs.size()) return;  // no snapshot: nothing to compare with
  Run r{fg_, node, position, nodes_.at(position), before};
  check_types(r, outputs);
  if (options_.destroy_map) check_destroy_map(r, inputs);
  if (options_.view_map) check_view_map(r, inputs, outputs);
  if (options_.perform) check_perform(r, outputs);
  if (options_.infer_shape) check_shapes(r, outputs);
  if (!options_.buffers.empty()) check_buffers(r, outputs);
}

void NodeChecker::check_types(const Run& r, OutputRefs outputs) const {
  for (int k = 0; k < r.node.nout(); ++k) {
    try {
      r.node.out(k)->type()->filter(outputs[k], FilterOptions{.strict = true});
    } catch (const TypeError& e) {
      fail_check("BadThunkOutput",
                 "kernel '" + r.info.kernel_name + "' produced an output " + std::to_string(k) +
                     " that does not fit its type " + r.node.out(k)->type()->str() + ": " +
                     e.what(),
                 r.fg, r.node, r.position, r.before);
    }
  }
}

void NodeChecker::check_destroy_map(const Run& r, InputRefs inputs) const {
  for (int i = 0; i < r.node.nin(); ++i) {
    if (r.info.destroyed[i] || identical(r.before[i], inputs[i])) continue;
    bool via_destroyed = false;  // the same storage passed again as a destroyed input
    for (int j = 0; j < r.node.nin(); ++j)
      via_destroyed = via_destroyed || (r.info.destroyed[j] && shares(inputs[i], inputs[j]));
    if (via_destroyed) continue;
    fail_check("BadDestroyMap",
               "kernel '" + r.info.kernel_name + "' modified input " + std::to_string(i) + " (" +
                   r.node.input(i)->str() +
                   "), but the op's destroy_map does not declare it; before: " +
                   describe_value(r.before[i]) + "; after: " + describe_value(inputs[i]),
               r.fg, r.node, r.position, r.before);
  }
}

void NodeChecker::check_view_map(const Run& r, InputRefs inputs, OutputRefs outputs) const {
  for (int k = 0; k < r.node.nout(); ++k) {
    for (int i = 0; i < r.node.nin(); ++i) {
      if (r.info.may_alias[k][i] || !shares(outputs[k], inputs[i])) continue;
      bool via_declared = false;  // input i is the same storage as a declared one
      for (int j = 0; j < r.node.nin(); ++j)
        via_declared = via_declared || (r.info.may_alias[k][j] && shares(inputs[i], inputs[j]));
      if (via_declared) continue;
      fail_check("BadViewMap",
                 "output " + std::to_string(k) + " of kernel '" + r.info.kernel_name +
                     "' shares memory with input " + std::to_string(i) + " (" +
                     r.node.input(i)->str() +
                     "), but the op's view_map and destroy_map do not declare it",
                 r.fg, r.node, r.position, r.before);
    }
  }
}

void NodeChecker::check_perform(const Run& r, OutputRefs outputs) const {
  if (r.info.kernel_name == "perform" || !is_cpu_node(r.node)) return;
  std::vector<Value> in = rerun_inputs(r.before, r.info.destroyed);
  std::vector<Value> ref(r.node.nout());
  Refs refs(in, ref);
  try {
    QuietPrints quiet;
    r.node.op().perform(r.node, refs.inputs(), refs.outputs());
  } catch (const std::exception& e) {
    fail_check("BadThunkOutput",
               "perform failed where kernel '" + r.info.kernel_name + "' succeeded: " + e.what(),
               r.fg, r.node, r.position, r.before);
  }
  for (int k = 0; k < r.node.nout(); ++k) {
    if (r.node.out(k)->type()->values_eq_approx(outputs[k], ref[k])) continue;
    fail_check("BadThunkOutput",
               "kernel '" + r.info.kernel_name + "' and perform disagree on output " +
                   std::to_string(k) + ": the kernel gives " + describe_value(outputs[k]) +
                   ", perform gives " + describe_value(ref[k]),
               r.fg, r.node, r.position, r.before);
  }
}

void NodeChecker::check_shapes(const Run& r, OutputRefs outputs) const {
  if (!r.info.shape) return;
  if (auto problem = r.info.shape->check(r.before, outputs)) {
    fail_check("BadInferShape", *problem, r.fg, r.node, r.position, r.before);
  }
}

void NodeChecker::check_buffers(const Run& r, OutputRefs outputs) const {
  bool all_views = true;  // ops returning their inputs' storage never fill a buffer
  for (int k = 0; k < r.node.nout(); ++k) {
    bool declared = false;
    for (int i = 0; i < r.node.nin(); ++i) declared = declared || r.info.may_alias[k][i];
    all_views = all_views && declared;
  }
  if (all_views) return;
  for (const std::string& strategy : options_.buffers) {
    std::vector<Value> out(r.node.nout());
    bool any = false;
    for (int k = 0; k < r.node.nout(); ++k) {
      out[k] = awkward_buffer(strategy, outputs[k]);
      any = any || !out[k].empty();
    }
    if (!any) continue;
    std::vector<Value> in = rerun_inputs(r.before, r.info.destroyed);
    Refs refs(in, out);
    try {
      QuietPrints quiet;
      r.info.kernel(refs.inputs(), refs.outputs());
    } catch (const std::exception& e) {
      fail_check("BadPreallocatedOutput",
                 "kernel '" + r.info.kernel_name + "' failed when its output cells held " +
                     strategy + " buffers: " + e.what(),
                 r.fg, r.node, r.position, r.before);
    }
    for (int k = 0; k < r.node.nout(); ++k) {
      if (r.node.out(k)->type()->values_eq_approx(outputs[k], out[k])) continue;
      fail_check("BadPreallocatedOutput",
                 "with " + strategy + " buffers in its output cells, kernel '" +
                     r.info.kernel_name + "' gives output " + std::to_string(k) + " = " +
                     describe_value(out[k]) + " instead of " + describe_value(outputs[k]),
                 r.fg, r.node, r.position, r.before);
    }
  }
}

}  // namespace theano::debug
