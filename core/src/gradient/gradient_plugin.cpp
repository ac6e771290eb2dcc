// Registration of the gradient-helper ops ("theano.core.gradient"): each op
// by name with props and examples, and a canonicalize rewrite per op that
// removes it once differentiation is done (they are identities forward).
#include <memory>

#include "helper_ops.h"
#include "theano/core/gradient.h"
#include "theano/optdb/optimizers.h"
#include "theano/plugin_api/plugin.h"

namespace theano {

namespace {

struct HelperEntry {
  const char* name;
  const char* doc;
  Props example_props;
};

Value example_matrix() {
  return Value(NDArray::from_vector(std::vector<double>{1, -2, 3, -4, 5, -6}, Shape{2, 3}));
}

std::vector<HelperEntry> helper_entries() {
  return {
      {"ZeroGrad", "identity whose gradient is zero", {}},
      {"DisconnectedGrad", "identity whose gradient is disconnected", {}},
      {"UndefinedGrad", "identity whose gradient is undefined (an error if needed)", {}},
      {"ConsiderConstant", "identity whose gradient is zero (Theano's older spelling)", {}},
      {"GradClip", "identity whose gradient is clipped to [clip_lower_bound, clip_upper_bound]",
       Props{{"clip_lower_bound", -1.0}, {"clip_upper_bound", 1.0}}},
      {"GradScale", "identity whose gradient is multiplied by multiplier",
       Props{{"multiplier", 2.0}}},
  };
}

}  // namespace

void register_gradient_builtins(Registrar& registrar) {
  for (const HelperEntry& e : helper_entries()) {
    std::string name = e.name;
    // The backward pass is deliberately not the forward derivative: no numeric check.
    registrar.add_op(OpSchema{
        name,
        e.doc,
        [name](const Props& p) { return gradient_detail::GradHelperOp::from_props(name, p); },
        {ExampleCase{"matrix", e.example_props, {example_matrix()}, {}, false}}});
    std::string rewrite = "local_remove_" + name;
    registrar.add_rewrite(RewriteSpec{rewrite,
                                      {"fast_run", "fast_compile", "useless"},
                                      "canonicalize",
                                      std::make_shared<optdb::OpRemove>(name, rewrite),
                                      0});
  }
}

THEANO_STATIC_PLUGIN(gradient_builtin_plugin, "theano.core.gradient", THEANO_VERSION_STRING,
                     register_gradient_builtins)

}  // namespace theano
