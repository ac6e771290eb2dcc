// DebugMode: its options, and the instrument that runs its checks through
// node and run hooks (see debug_mode.h).
#include "theano/core/debug/debug_mode.h"

#include "instruments.h"
#include "mode_options.h"
#include "node_checks.h"
#include "preallocated.h"
#include "rewrite_check.h"
#include "theano/core/debug/monitor.h"

namespace theano::debug {

namespace {

const char* const kPrefix = "DebugMode";

std::string text(bool b) {
  return b ? "True" : "False";
}

struct DebugState {
  NodeChecker nodes;
  RewriteChecker rewrites;
  bool check_rewrites;
};

class DebugModeInstrument final : public Instrument {
 public:
  explicit DebugModeInstrument(const Mode& mode)
      : state_(std::make_shared<DebugState>(
            DebugState{NodeChecker(node_options(mode)), RewriteChecker(mode),
                       mode_bool(mode, kPrefix, "check_rewrites", true)})) {}

  void before_optimize(FunctionGraph& fg) override {
    if (state_->check_rewrites) state_->rewrites.before_optimize(fg);
  }
  void after_optimize(FunctionGraph& fg, const optdb::OptimizeReport&, double) override {
    if (state_->check_rewrites) state_->rewrites.after_optimize(fg);
  }
  void extend(LinkerOptions& options) override {
    std::shared_ptr<DebugState> s = state_;
    NodeHooks hooks;
    hooks.before = [s](int p, const Apply& n, InputRefs in) { s->nodes.before(p, n, in); };
    hooks.after = [s](int p, const Apply& n, InputRefs in, OutputRefs out) {
      s->nodes.after(p, n, in, out);
    };
    if (s->check_rewrites) {
      hooks.run_begin = [s](const Program& prog, Frame& f) { s->rewrites.run_begin(prog, f); };
      hooks.run_end = [s](const Program& prog, Frame& f) { s->rewrites.run_end(prog, f); };
    }
    options.hooks = combine_hooks(std::move(options.hooks), std::move(hooks));
  }
  void after_link(const Program& program, double) override { state_->nodes.prepare(program); }

 private:
  static NodeCheckOptions node_options(const Mode& mode) {
    NodeCheckOptions o;
    o.perform = mode_bool(mode, kPrefix, "check_perform", true);
    o.destroy_map = mode_bool(mode, kPrefix, "check_destroy_map", true);
    o.view_map = mode_bool(mode, kPrefix, "check_view_map", true);
    o.infer_shape = mode_bool(mode, kPrefix, "check_infer_shape", true);
    o.buffers =
        parse_buffer_strategies(mode_option(mode, kPrefix, "check_preallocated_output", "all"));
    return o;
  }
  std::shared_ptr<DebugState> state_;
};

}  // namespace

std::shared_ptr<Instrument> make_debug_mode_instrument(const Mode& mode) {
  return std::make_shared<DebugModeInstrument>(mode);
}

Mode debug_mode(const DebugModeOptions& options) {
  return debug_mode(options, Mode::named("DebugMode"));
}

Mode debug_mode(const DebugModeOptions& options, Mode base) {
  base.name = "DebugMode";
  base.options["check_perform"] = text(options.check_perform);
  base.options["check_destroy_map"] = text(options.check_destroy_map);
  base.options["check_view_map"] = text(options.check_view_map);
  base.options["check_infer_shape"] = text(options.check_infer_shape);
  base.options["check_rewrites"] = text(options.check_rewrites);
  base.options["check_preallocated_output"] = options.check_preallocated_output;
  return base;
}

}  // namespace theano::debug
