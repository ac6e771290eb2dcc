// MonitorMode-style hooks (see monitor.h).
#include "theano/core/debug/monitor.h"

#include <functional>
#include <ostream>

#include "theano/core/debug/value_report.h"
#include "theano/core/printing.h"

namespace theano::debug {

NodeHooks combine_hooks(NodeHooks first, NodeHooks second) {
  if (first.empty()) return second;
  if (second.empty()) return first;
  // `second` nests inside `first`: its before runs last and its after first,
  // so a profiler added last times only the kernel.
  NodeHooks h;
  auto b1 = std::move(first.before), b2 = std::move(second.before);
  if (b1 || b2) {
    h.before = [b1, b2](int p, const Apply& n, InputRefs in) {
      if (b1) b1(p, n, in);
      if (b2) b2(p, n, in);
    };
  }
  auto a1 = std::move(first.after), a2 = std::move(second.after);
  if (a1 || a2) {
    h.after = [a1, a2](int p, const Apply& n, InputRefs in, OutputRefs out) {
      if (a2) a2(p, n, in, out);
      if (a1) a1(p, n, in, out);
    };
  }
  auto s1 = std::move(first.run_begin), s2 = std::move(second.run_begin);
  if (s1 || s2) {
    h.run_begin = [s1, s2](const Program& prog, Frame& f) {
      if (s1) s1(prog, f);
      if (s2) s2(prog, f);
    };
  }
  auto e1 = std::move(first.run_end), e2 = std::move(second.run_end);
  if (e1 || e2) {
    h.run_end = [e1, e2](const Program& prog, Frame& f) {
      if (e2) e2(prog, f);
      if (e1) e1(prog, f);
    };
  }
  return h;
}

Mode monitor_mode(NodeHooks hooks) {
  return monitor_mode(std::move(hooks), Mode::from_config());
}

Mode monitor_mode(NodeHooks hooks, Mode base) {
  base.hooks = combine_hooks(std::move(base.hooks), std::move(hooks));
  return base;
}

namespace {

void print_values(std::ostream& out, bool inputs, const Apply& node, int n,
                  const std::function<const Value&(int)>& value) {
  for (int i = 0; i < n; ++i) {
    const Variable& v = inputs ? *node.input(i) : *node.out(i);
    out << "    " << (inputs ? "input " : "output ") << i << " (" << v.str()
        << "): " << describe_value(value(i)) << "\n";
  }
}

bool holds_nan(const Value& v) {
  return v.is_array() && is_float(v.array().dtype()) && value_stats(v.array()).nan_count > 0;
}

}  // namespace

NodeHooks trace_hooks(std::ostream& out) {
  NodeHooks h;
  std::ostream* os = &out;
  h.before = [os](int p, const Apply& node, InputRefs in) {
    *os << "[" << p << "] " << node_str(node) << "\n";
    print_values(*os, true, node, static_cast<int>(in.size()),
                 [&](int i) -> const Value& { return in[i]; });
  };
  h.after = [os](int, const Apply& node, InputRefs, OutputRefs out) {
    print_values(*os, false, node, static_cast<int>(out.size()),
                 [&](int k) -> const Value& { return out[k]; });
  };
  return h;
}

NodeHooks detect_nan_hooks(std::ostream& out) {
  NodeHooks h;
  std::ostream* os = &out;
  h.after = [os](int p, const Apply& node, InputRefs in, OutputRefs outs) {
    bool any = false;
    for (std::size_t k = 0; k < outs.size(); ++k) any = any || holds_nan(outs[k]);
    if (!any) return;
    *os << "*** NaN detected *** in node [" << p << "] " << node_str(node)
        << (node.loc().known() ? " built at " + node.loc().str() : std::string()) << "\n";
    print_values(*os, true, node, static_cast<int>(in.size()),
                 [&](int i) -> const Value& { return in[i]; });
    print_values(*os, false, node, static_cast<int>(outs.size()),
                 [&](int k) -> const Value& { return outs[k]; });
  };
  return h;
}

}  // namespace theano::debug
