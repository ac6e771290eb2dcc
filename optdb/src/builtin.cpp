// Registration table of the optimizer's built-in ops, rewrites and flags.
#include "theano/optdb/builtin.h"

#include "theano/core/errors.h"
#include "theano/optdb/graph_ops.h"
#include "theano/optdb/optimizers.h"
#include "theano/optdb/shape_feature.h"
#include "theano/plugin_api/plugin.h"

namespace theano::optdb {

namespace {

Value matrix_2x3() {
  return Value(NDArray::from_vector(std::vector<double>{1, 2, 3, 4, 5, 6}, Shape{2, 3}));
}

void register_ops(Registrar& r) {
  r.add_op({"Shape",
            "the shape of a tensor as an int64 vector",
            [](const Props&) { return shape_op(); },
            {{"matrix", {}, {matrix_2x3()}, {}, false}}});
  r.add_op(
      {"Shape_i",
       "one dimension of a tensor's shape as an int64 0-d tensor (prop i)",
       [](const Props& p) { return shape_i_op(static_cast<int>(p.get_as<std::int64_t>("i"))); },
       {{"axis 1", {{"i", 1}}, {matrix_2x3()}, {}, false}}});
  r.add_op({"DeepCopyOp",
            "an independent copy of its input",
            [](const Props&) { return deep_copy_op(); },
            {{"matrix", {}, {matrix_2x3()}}}});
  r.add_op({"ViewOp",
            "its input, aliased (declared in view_map)",
            [](const Props&) { return view_op(); },
            {{"matrix", {}, {matrix_2x3()}}}});
}

void register_rewrites(Registrar& r) {
  r.add_rewrite({"ShapeOpt", {"fast_run"}, "merge1", shape_opt(), 0.1});
  r.add_rewrite(
      {"local_track_shape_i", {"fast_run", "shape"}, "canonicalize", local_track_shape_i(), 0});
  r.add_rewrite({"local_shape_to_shape_i",
                 {"fast_run", "shape"},
                 "canonicalize",
                 local_shape_to_shape_i(),
                 0});
  r.add_rewrite({"local_view_op",
                 {"fast_run", "fast_compile", "useless"},
                 "canonicalize",
                 std::make_shared<OpRemove>("ViewOp", "local_view_op"),
                 0});
}

void validate_positive(const std::string& text) {
  try {
    if (std::stod(text) > 0) return;
  } catch (const std::exception&) {
  }
  throw ConfigError("optdb.max_use_ratio must be a positive number, got '" + text + "'");
}

void validate_position(const std::string& text) {
  if (text == "inf") return;
  try {
    std::stod(text);
    return;
  } catch (const std::exception&) {
  }
  throw ConfigError("optdb.position_cutoff must be a number or 'inf', got '" + text + "'");
}

void register_flags(Registrar& r) {
  r.add_config_option({"optdb.max_use_ratio",
                       "8",
                       "an equilibrium stage stops (and names the rewrite) when one rewrite was "
                       "applied more than this many times per node",
                       {},
                       validate_positive});
  r.add_config_option({"optdb.position_cutoff",
                       "inf",
                       "optimizer stages at or beyond this position are skipped",
                       {},
                       validate_position});
  r.add_config_option({"on_opt_error",
                       "warn",
                       "what a failing rewrite does: warn and skip it, "
                       "raise a CompileError, or ignore it",
                       {"warn", "raise", "ignore"}});
}

}  // namespace

void register_core_builtins(Registrar& registrar) {
  register_ops(registrar);
  register_rewrites(registrar);
  register_flags(registrar);
}

THEANO_STATIC_PLUGIN(core_builtin_plugin, "theano.core.optdb", THEANO_VERSION_STRING,
                     register_core_builtins)

}  // namespace theano::optdb
