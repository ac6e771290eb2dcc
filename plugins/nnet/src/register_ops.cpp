// Registration of the nnet ops with example cases for the plugin harness.
// Cases with integer class indices skip the harness's gradient check (it
// would differentiate w.r.t. the indices); tests/plugins/nnet/grad_test.cpp
// checks those gradients with the indices held constant.
#include "registration.h"
#include "scalar/activations.h"
#include "softmax/softmax_ops.h"
#include "theano/plugin_api/scalar_examples.h"
#include "xent/xent_ops.h"

namespace theano::nnet {

namespace {

NDArray mat(std::initializer_list<double> v, std::int64_t rows, std::int64_t cols) {
  return NDArray::from_values<double>(v, {rows, cols});
}
NDArray vec(std::initializer_list<double> v) {
  return NDArray::from_values<double>(v);
}
NDArray idx(std::initializer_list<std::int64_t> v) {
  return NDArray::from_values<std::int64_t>(v);
}
const NDArray kX = mat({0.5, -1.0, 2.0, 0.0, 3.0, -0.25}, 2, 3);
const NDArray kP = mat({0.2, 0.3, 0.5, 0.6, 0.1, 0.3}, 2, 3);

template <class O>
OpSchema plain(const std::string& name, std::string doc, std::vector<ExampleCase> examples) {
  return OpSchema{name, std::move(doc), [](const Props&) -> OpPtr { return std::make_shared<O>(); },
                  std::move(examples)};
}

}  // namespace

void register_activations(Registrar& r) {
  for (const auto& op : activation_ops()) {
    // Scalar nodes: perform, props and aliasing at a negative and a positive
    // point; the activations' gradients are checked through Elemwise in
    // tests/plugins/nnet/grad_test.cpp.
    r.add_op(OpSchema{op->name(), op->doc(), [op](const Props&) -> OpPtr { return op; },
                      scalar_examples({{-1.5}, {0.7}})});
  }
}

void register_softmax_ops(Registrar& r) {
  r.add_op(OpSchema{"Softmax",
                    "exp(x - max) / sum(exp(x - max)) along the axis prop (default -1)",
                    [](const Props& p) { return SoftmaxOp::from_props(p, false); },
                    {ExampleCase{"rows", Props{{"axis", -1}}, {kX}},
                     ExampleCase{"columns", Props{{"axis", 0}}, {kX}}}});
  r.add_op(OpSchema{"LogSoftmax",
                    "x - max - log(sum(exp(x - max))) along the axis prop (default -1)",
                    [](const Props& p) { return SoftmaxOp::from_props(p, true); },
                    {ExampleCase{"rows", Props{{"axis", -1}}, {kX}},
                     ExampleCase{"vector", Props{{"axis", 0}}, {vec({1, -2, 0.5})}}}});
  r.add_op(plain<SoftmaxWithBiasOp>("SoftmaxWithBias", "softmax(x + b) along the last axis",
                                    {ExampleCase{"matrix", {}, {kX, vec({0.1, -0.2, 0.3})}}}));
  r.add_op(OpSchema{
      "SoftmaxGrad",
      "(dy - sum(dy * sm, axis)) * sm: the gradient of softmax",
      [](const Props& p) -> OpPtr { return std::make_shared<SoftmaxGradOp>(axis_prop(p)); },
      {ExampleCase{"rows", Props{{"axis", -1}}, {kX, kP}}}});
}

void register_xent_ops(Registrar& r) {
  r.add_op(plain<Xent1HotOp>("CrossentropyCategorical1Hot", "-log p[i, y[i]]",
                             {ExampleCase{"two rows", {}, {kP, idx({2, 0})}, {}, false}}));
  r.add_op(plain<Xent1HotGradOp>(
      "CrossentropyCategorical1HotGrad",
      "gradient of CrossentropyCategorical1Hot w.r.t. p: -g[i] / p[i, y[i]] at (i, y[i])",
      {ExampleCase{"two rows", {}, {vec({1.0, -0.5}), kP, idx({1, 2})}, {}, false}}));
  r.add_op(plain<XentSoftmaxArgmaxOp>(
      "CrossentropySoftmaxArgmax1HotWithBias",
      "fused (nll, softmax(x + b), argmax) of each row for class indices y",
      {ExampleCase{"two rows", {}, {kX, vec({0.1, -0.2, 0.3}), idx({1, 0})}, {}, false}}));
  r.add_op(plain<XentSoftmaxDxOp>(
      "CrossentropySoftmax1HotWithBiasDx", "dnll[i] * (sm - onehot(y)): gradient of the fused op",
      {ExampleCase{"two rows", {}, {vec({1.0, 0.5}), kP, idx({0, 2})}, {}, false}}));
}

}  // namespace theano::nnet
