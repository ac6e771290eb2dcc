// Kernel dispatch: for each node, the best implementation for its device.
#include "theano/core/linker.h"
#include "theano/core/registry.h"

namespace theano {

namespace {

// A node runs on the device of its outputs (a transfer's output names the
// destination); nodes without tensor outputs run where their inputs live.
Device node_device(const Apply& node) {
  for (int k = 0; k < node.nout(); ++k) {
    Device d = node.out(k)->type()->device();
    if (!d.is_cpu()) return d;
  }
  for (const auto& in : node.inputs()) {
    Device d = in->type()->device();
    if (!d.is_cpu()) return d;
  }
  return Device::cpu();
}

Thunk perform_thunk(const Apply& node) {
  const Op* op = &node.op();
  const Apply* n = &node;
  return [op, n](InputRefs in, OutputRefs out) { op->perform(*n, in, out); };
}

}  // namespace

std::pair<Thunk, std::string> select_kernel(const Apply& node) {
  Device device = node_device(node);
  std::vector<std::string> declined;
  for (const KernelSpec* k : Registry::global().kernels(node.op().name(), device.kind)) {
    if (auto thunk = k->make(node)) return {std::move(*thunk), k->name};
    declined.push_back(k->name);
  }
  if (device.is_cpu()) {
    if (auto thunk = node.op().make_thunk(node)) return {std::move(*thunk), "make_thunk"};
    return {perform_thunk(node), "perform"};
  }
  std::string tried;
  for (const auto& d : declined) tried += (tried.empty() ? "" : ", ") + d;
  throw CompileError("no kernel for " + node.op().display() + " on device " + device.str() +
                     (tried.empty() ? " (none registered for this device; is its backend loaded?)"
                                    : " (registered kernels declined this node: " + tried + ")"));
}

}  // namespace theano
