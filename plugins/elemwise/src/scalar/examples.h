// Example cases of the scalar ops: points inside each op's domain, for the
// plugin test harness and `theano check-plugin`.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "theano/plugin_api/registrar.h"
#include "theano/plugin_api/scalar_op.h"

namespace theano::elemwise {

/// Cases of scalar op `op` on ScalarType inputs (no gradient check: scalar
/// nodes carry no gradient of their own).
std::vector<ExampleCase> scalar_op_examples(const ScalarOp& op);
/// An Elemwise case per differentiable op of `ops` checking its gradient
/// rule on vectors inside its domain.
std::vector<ExampleCase> elemwise_gradient_examples(
    const std::vector<std::shared_ptr<const ScalarOp>>& ops);
/// A small Composite (x * exp(y) + x) with its cases.
std::vector<ExampleCase> composite_examples(const Props& composite_props);
Props example_composite_props(const ScalarOp& mul, const ScalarOp& exp, const ScalarOp& add);

}  // namespace theano::elemwise
