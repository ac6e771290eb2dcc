// Registration table of the debugging tools (see debug_register.h).
#include "debug_register.h"

#include <cstdlib>

#include "../config/config_detail.h"
#include "debug_ops_impl.h"
#include "mode_options.h"
#include "preallocated.h"
#include "theano/optdb/rewriter.h"

namespace theano::debug {

namespace {

using config_detail::validate_bool;
using config_detail::validate_int;

void validate_number(const std::string& text) {
  char* end = nullptr;
  std::strtod(text.c_str(), &end);
  if (text.empty() || *end != '\0') throw ConfigError("expected a number such as 1e10");
}

void validate_buffers(const std::string& text) {
  parse_buffer_strategies(text);
}

std::vector<ConfigOptionSpec> debug_flags() {
  auto b = [](std::string name, std::string def, std::string doc) {
    return ConfigOptionSpec{std::move(name), std::move(def), std::move(doc), {}, validate_bool};
  };
  return {
      b("DebugMode.check_perform", "True", "DebugMode: compare each kernel with the op's perform"),
      b("DebugMode.check_destroy_map", "True",
        "DebugMode: inputs not in destroy_map stay unchanged"),
      b("DebugMode.check_view_map", "True", "DebugMode: outputs not in view_map alias no input"),
      b("DebugMode.check_infer_shape", "True", "DebugMode: infer_shape agrees with actual shapes"),
      b("DebugMode.check_rewrites", "True", "DebugMode: every rewrite keeps the values"),
      {"DebugMode.check_preallocated_output",
       "all",
       "DebugMode: output buffers to hand kernels: all, none or "
       "reused:strided:f_contiguous:wrong_size",
       {},
       validate_buffers},
      b("NanGuardMode.nan_is_error", "True", "NanGuardMode: a NaN value is an error"),
      b("NanGuardMode.inf_is_error", "True", "NanGuardMode: an infinite value is an error"),
      b("NanGuardMode.big_is_error", "True", "NanGuardMode: a huge finite value is an error"),
      {"NanGuardMode.big_threshold",
       "1e10",
       "NanGuardMode: magnitude above which a value is huge",
       {},
       validate_number},
      {"NanGuardMode.action",
       "raise",
       "NanGuardMode: raise an error or warn and go on",
       {"raise", "warn"}},
      {"profiling.destination", "stderr",
       "where profiles are printed at exit: stderr, stdout, none or a file path"},
      {"profiling.n_apply", "20", "rows of the profile's Apply table", {}, validate_int},
      {"profiling.n_ops", "20", "rows of the profile's Op and Op class tables", {}, validate_int},
      {"profiling.max_trace_events",
       "100000",
       "node executions kept for the Chrome trace",
       {},
       validate_int},
      b("debug.remove_print", "False", "remove Print ops when rewriting a graph"),
      b("debug.remove_assert", "False", "remove Assert ops when rewriting a graph (unsafe)"),
  };
}

// A rewrite removing every node of `op_name` while the bool flag `flag` is on.
RewriteSpec removal(const std::string& op_name, const std::string& flag) {
  std::string name = "local_remove_" + op_name;
  auto fn = [flag](FunctionGraph&, Apply& node) -> std::optional<std::vector<Var>> {
    if (!parse_bool(flag_or(flag, "False"), flag)) return std::nullopt;
    return std::vector<Var>{node.input(0)};
  };
  return RewriteSpec{
      name,
      {"fast_run", "fast_compile", "debug_ops"},
      "canonicalize",
      std::make_shared<optdb::FunctionLocalRewriter>(name, std::vector<std::string>{op_name}, fn),
      0};
}

bool constant_true(const Var& v) {
  auto* c = dynamic_cast<const Constant*>(v.get());
  return c && c->value().is_array() && first_false(c->value().array()) < 0;
}

// Assert conditions that are constant and true are dropped; an Assert with
// none left is removed.
RewriteSpec useless_assert() {
  std::string name = "local_remove_useless_assert";
  auto fn = [](FunctionGraph&, Apply& node) -> std::optional<std::vector<Var>> {
    std::vector<Var> kept{node.input(0)};
    for (int i = 1; i < node.nin(); ++i)
      if (!constant_true(node.input(i))) kept.push_back(node.input(i));
    if (static_cast<int>(kept.size()) == node.nin()) return std::nullopt;
    if (kept.size() == 1) return std::vector<Var>{node.input(0)};
    return std::vector<Var>{node.op().make_node(std::move(kept))->output(0)};
  };
  return RewriteSpec{
      name,
      {"fast_run", "fast_compile", "debug_ops"},
      "canonicalize",
      std::make_shared<optdb::FunctionLocalRewriter>(name, std::vector<std::string>{"Assert"}, fn),
      0};
}

Value example_matrix() {
  return Value(NDArray::from_vector(std::vector<double>{1, -2, 3, -4, 5, -6}, Shape{2, 3}));
}

}  // namespace

void register_debug_builtins(Registrar& r) {
  for (ConfigOptionSpec& flag : debug_flags()) r.add_config_option(std::move(flag));
  r.add_op(OpSchema{"Print",
                    "identity that prints a message and attributes of its input's value",
                    PrintOp::from_props,
                    {ExampleCase{"matrix shape",
                                 Props{{"message", "example"}, {"attrs", PropList{"shape"}}},
                                 {example_matrix()}}}});
  r.add_op(OpSchema{"Assert",
                    "x, after checking that every condition is true (nonzero everywhere)",
                    AssertOp::from_props,
                    {ExampleCase{"true condition",
                                 Props{{"message", "example"}},
                                 {example_matrix(), Value(NDArray::scalar<bool>(true))},
                                 {},
                                 false}}});
  r.add_rewrite(removal("Print", "debug.remove_print"));
  r.add_rewrite(removal("Assert", "debug.remove_assert"));
  r.add_rewrite(useless_assert());
}

}  // namespace theano::debug
