// NanGuardMode: its options and the instrument checking every node's
// outputs, and the graph's inputs at their first use (see nan_guard.h).
#include "theano/core/debug/nan_guard.h"

#include <iostream>
#include <optional>
#include <sstream>

#include "instruments.h"
#include "mode_options.h"
#include "run_state.h"
#include "theano/core/debug/monitor.h"
#include "theano/core/debug/value_report.h"
#include "theano/core/printing.h"

namespace theano::debug {

namespace {

const char* const kPrefix = "NanGuardMode";

// The first forbidden kind of value in `v` ("NaN", "Inf", "big"), if any.
std::optional<std::string> problem_in(const Value& v, const NanGuardOptions& o) {
  if (!v.is_array()) return std::nullopt;
  const NDArray& a = v.array();
  if (!(is_float(a.dtype()) || is_complex(a.dtype())) || !a.device().is_cpu()) return std::nullopt;
  ValueStats s = value_stats(a, o.big_threshold);
  if (o.nan_is_error && s.nan_count) return "NaN";
  if (o.inf_is_error && s.inf_count) return "Inf";
  if (o.big_is_error && s.big_count) return "big";
  return std::nullopt;
}

std::string inputs_summary(const Apply& node, InputRefs in) {
  std::ostringstream os;
  os << "Inputs of the node:\n";
  for (std::size_t i = 0; i < in.size(); ++i) {
    os << "  input " << i << " (" << node.input(static_cast<int>(i))->str()
       << "): " << describe_value(in[i]) << "\n";
  }
  return os.str();
}

struct RunFlags {
  bool reported = false;  ///< action=warn reports once per call
};

class NanGuardInstrument final : public Instrument {
 public:
  explicit NanGuardInstrument(const NanGuardOptions& o) : options_(o) {}

  void extend(LinkerOptions& options) override {
    NodeHooks h;
    h.run_begin = [this](const Program&, Frame&) { RunStates<RunFlags>::begin(this); };
    h.run_end = [this](const Program&, Frame&) { RunStates<RunFlags>::end(this); };
    h.before = [this](int p, const Apply& node, InputRefs in) {
      for (std::size_t i = 0; i < in.size(); ++i) {
        const Variable& v = *node.input(static_cast<int>(i));
        if (v.owner() || v.kind() == Variable::Kind::Constant) continue;  // checked where made
        if (auto problem = problem_in(in[i], options_)) {
          report(*problem,
                 *problem + " in input " + std::to_string(i) + " (" + v.str() +
                     ", a graph input) of " + node_str(node) + ": " + describe_value(in[i]),
                 p, node, in);
        }
      }
    };
    h.after = [this](int p, const Apply& node, InputRefs in, OutputRefs out) {
      for (std::size_t k = 0; k < out.size(); ++k) {
        if (auto problem = problem_in(out[k], options_)) {
          report(*problem,
                 *problem + " in output " + std::to_string(k) + " of " + node_str(node) + ": " +
                     describe_value(out[k]),
                 p, node, in);
        }
      }
    };
    options.hooks = combine_hooks(std::move(options.hooks), std::move(h));
  }
  void after_link(const Program& program, double) override { fg_ = &program.fgraph(); }

 private:
  void report(const std::string& problem, const std::string& what, int position, const Apply& node,
              InputRefs in) const {
    std::string message = "NanGuardMode: " + what + "\n" + inputs_summary(node, in);
    if (options_.action == "warn") {
      RunFlags* flags = RunStates<RunFlags>::current(this);
      if (flags && flags->reported) return;
      if (flags) flags->reported = true;
      std::cerr << "theano: warning: " << message;
      return;
    }
    throw NanGuardError(problem, make_node_error(fg_, node, position, in, message));
  }
  NanGuardOptions options_;
  const FunctionGraph* fg_ = nullptr;
};

NanGuardOptions options_of(const Mode& mode) {
  NanGuardOptions o;
  o.nan_is_error = mode_bool(mode, kPrefix, "nan_is_error", true);
  o.inf_is_error = mode_bool(mode, kPrefix, "inf_is_error", true);
  o.big_is_error = mode_bool(mode, kPrefix, "big_is_error", true);
  o.big_threshold = mode_number(mode, kPrefix, "big_threshold", 1e10);
  o.action = mode_option(mode, kPrefix, "action", "raise");
  if (o.action != "raise" && o.action != "warn") {
    throw ConfigError("NanGuardMode option action: expected raise or warn, got '" + o.action + "'");
  }
  return o;
}

}  // namespace

std::shared_ptr<Instrument> make_nan_guard_instrument(const Mode& mode) {
  return std::make_shared<NanGuardInstrument>(options_of(mode));
}

Mode nan_guard_mode(const NanGuardOptions& options) {
  return nan_guard_mode(options, Mode::named("NanGuardMode"));
}

Mode nan_guard_mode(const NanGuardOptions& options, Mode base) {
  base.name = "NanGuardMode";
  base.options["nan_is_error"] = options.nan_is_error ? "True" : "False";
  base.options["inf_is_error"] = options.inf_is_error ? "True" : "False";
  base.options["big_is_error"] = options.big_is_error ? "True" : "False";
  std::ostringstream threshold;
  threshold << options.big_threshold;
  base.options["big_threshold"] = threshold.str();
  base.options["action"] = options.action;
  return base;
}

}  // namespace theano::debug
