// The nnet rewrites, each a local rewrite function (see register_rewrites.cpp
// for their phases): softmax-family fusion and stabilisation, sigmoid and
// softplus stabilisation, and gradient cancellations that keep gradients
// finite for huge logits.
#pragma once

#include <optional>
#include <vector>

#include "theano/core/fgraph.h"

namespace theano::nnet {

using Result = std::optional<std::vector<Var>>;

// softmax_rewrites.cpp
/// log(Softmax(x)) -> LogSoftmax(x).
Result local_logsoftmax(FunctionGraph& fg, Apply& node);
/// SoftmaxGrad(g / sm, sm) with sm = Softmax(x) -> g - sum(g) * sm (the
/// gradient of log_softmax, finite when sm underflows).
Result local_logsoftmax_grad(FunctionGraph& fg, Apply& node);
/// Softmax(x + b[None, :]) -> SoftmaxWithBias(x, b).
Result local_softmax_with_bias(FunctionGraph& fg, Apply& node);
/// CrossentropyCategorical1Hot(Softmax(x) or SoftmaxWithBias(x, b), y) ->
/// the nll of CrossentropySoftmaxArgmax1HotWithBias(x, b, y).
Result crossentropy_to_crossentropy_with_softmax(FunctionGraph& fg, Apply& node);
/// SoftmaxGrad(CrossentropyCategorical1HotGrad(g, sm, y), sm) ->
/// CrossentropySoftmax1HotWithBiasDx(g, sm, y).
Result local_softmax_grad_to_crossentropy_with_softmax_grad(FunctionGraph& fg, Apply& node);

// xent_index_rewrites.cpp
/// -log(softmax(x))[arange(n), y] (or through LogSoftmax / SoftmaxWithBias,
/// negation inside or outside the index) -> the nll of
/// CrossentropySoftmaxArgmax1HotWithBias(x, b, y).
Result local_advanced_indexing_crossentropy_onehot(FunctionGraph& fg, Apply& node);
/// SoftmaxGrad(AdvancedIncSubtensor(zeros, g, arange(n), y) / sm, sm) ->
/// CrossentropySoftmax1HotWithBiasDx(-g, sm, y); also with neg(AdvancedIncSubtensor).
Result local_advanced_indexing_crossentropy_onehot_grad(FunctionGraph& fg, Apply& node);

// sigmoid_rewrites.cpp
/// log(sigmoid(x)) -> -softplus(-x).
Result logsigm_to_softplus(FunctionGraph& fg, Apply& node);
/// log(1 - sigmoid(x)), log1p(-sigmoid(x)) -> -softplus(x).
Result log1msigm_to_softplus(FunctionGraph& fg, Apply& node);
/// log(1 + exp(x)), log1p(exp(x)) -> softplus(x).
Result log1pexp_to_softplus(FunctionGraph& fg, Apply& node);
/// In a product, (a / d) * d -> a when d is sigmoid(x) or 1 - sigmoid(x)
/// (never 0 in exact arithmetic), and (a / (1 + exp(x))) * exp(x) ->
/// a * sigmoid(x): what remains of the gradients of log(sigmoid(x)) and
/// log(1 + exp(x)) once the forward pass is stabilised. Sums of such
/// quotients are distributed over the product first.
Result local_sigm_grad_cancel(FunctionGraph& fg, Apply& node);

// sigmoid_forms.cpp
/// exp(x) / sum(exp(x), axis, keepdims) -> softmax(x, axis).
Result local_softmax_simplifier(FunctionGraph& fg, Apply& node);
/// exp(x) / (1 + exp(x)) -> sigmoid(x).
Result local_exp_over_1_plus_exp(FunctionGraph& fg, Apply& node);
/// 1 / (1 + exp(-x)) -> sigmoid(x).
Result local_inv_1_plus_exp(FunctionGraph& fg, Apply& node);
/// argmax(f(x)) -> argmax(x) for f softmax / log_softmax along the argmax
/// axis, softmax_with_bias (argmax of x + b), sigmoid, softplus or exp.
Result local_argmax_pushdown(FunctionGraph& fg, Apply& node);
/// sigmoid -> ultra_fast_sigmoid (opt-in: include the tag by name).
Result local_ultra_fast_sigmoid(FunctionGraph& fg, Apply& node);
/// sigmoid -> hard_sigmoid (opt-in: include the tag by name).
Result local_hard_sigmoid(FunctionGraph& fg, Apply& node);

}  // namespace theano::nnet
