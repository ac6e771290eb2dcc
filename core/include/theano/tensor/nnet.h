// Front end: activations, the softmax family and cross-entropies
// (theano.tensor.nnet). Activations are Elemwise nodes of the nnet plugin's
// scalar ops, so they fuse with their neighbours; the softmax family and the
// index-based cross-entropies are ops of that plugin, which must be loaded.
#pragma once

#include <utility>

#include "theano/tensor/var.h"

namespace theano::tensor::nnet {

/// 1 / (1 + exp(-x)), computed without overflow.
TensorVar sigmoid(const Operand& x);
/// Piecewise-rational approximation of sigmoid (max abs error about 0.02; no gradient).
TensorVar ultra_fast_sigmoid(const Operand& x);
/// clip(0.2 x + 0.5, 0, 1) in x's float dtype.
TensorVar hard_sigmoid(const Operand& x);
/// log(1 + exp(x)), computed without overflow.
TensorVar softplus(const Operand& x);
/// x / (1 + |x|).
TensorVar softsign(const Operand& x);
/// max(x, 0); with a slope `alpha`: 0.5 (1 + alpha) x + 0.5 (1 - alpha) |x| (leaky).
TensorVar relu(const Operand& x, const Operand& alpha = Operand(0));
/// switch(x > 0, x, alpha * expm1(x)).
TensorVar elu(const Operand& x, const Operand& alpha = Operand(1.0));
/// lambda * elu(x, alpha) with the self-normalising constants.
TensorVar selu(const Operand& x);

/// exp(x - max) / sum(exp(x - max)) along `axis` (a Softmax node).
TensorVar softmax(const Operand& x, int axis = -1);
/// x - max - log(sum(exp(x - max))) along `axis` (a LogSoftmax node).
TensorVar log_softmax(const Operand& x, int axis = -1);
/// softmax(x + b) along the last axis, b a vector (a SoftmaxWithBias node).
TensorVar softmax_with_bias(const Operand& x, const Operand& b);
/// (dy - sum(dy * sm, axis)) * sm: the backward pass of softmax.
TensorVar softmax_grad(const Operand& dy, const Operand& sm, int axis = -1);
/// exp(x) / sum(exp(x), -1, keepdims) as a plain (unstable) graph.
TensorVar softmax_graph(const Operand& x);

/// -sum(t * log(p), -1) when `true_dist` has p's ndim; for an integer vector
/// of class indices, -log p[i, y[i]] (crossentropy_categorical_1hot).
TensorVar categorical_crossentropy(const Operand& coding_dist, const Operand& true_dist);
/// -log p[i, y[i]] for a matrix p and integer vector y.
TensorVar crossentropy_categorical_1hot(const Operand& p, const Operand& y);
/// The gradient of crossentropy_categorical_1hot w.r.t. p for output gradient g.
TensorVar crossentropy_categorical_1hot_grad(const Operand& g, const Operand& p, const Operand& y);
/// -(t log(o) + (1 - t) log(1 - o)) elementwise.
TensorVar binary_crossentropy(const Operand& output, const Operand& target);
/// binary_crossentropy(sigmoid(z), t) computed stably from the logits z:
/// softplus(-|z|) + z ((z > 0) - t).
TensorVar sigmoid_binary_crossentropy(const Operand& logits, const Operand& target);

/// The outputs of the fused softmax + cross-entropy op.
struct XentSoftmaxArgmax {
  TensorVar nll;     ///< -log softmax(x + b)[i, y[i]]
  TensorVar sm;      ///< softmax(x + b)
  TensorVar argmax;  ///< argmax of each row of x + b
};
/// The fused op CrossentropySoftmaxArgmax1HotWithBias; b a vector or 0-d.
XentSoftmaxArgmax crossentropy_softmax_argmax_1hot_with_bias(const Operand& x, const Operand& b,
                                                             const Operand& y);
/// (nll, softmax) of the fused op.
std::pair<TensorVar, TensorVar> crossentropy_softmax_1hot_with_bias(const Operand& x,
                                                                    const Operand& b,
                                                                    const Operand& y);
/// (nll, softmax) of the fused op with a zero bias.
std::pair<TensorVar, TensorVar> crossentropy_softmax_1hot(const Operand& x, const Operand& y);
/// dnll[i] * (sm - onehot(y)): the fused op's gradient w.r.t. x.
TensorVar crossentropy_softmax_1hot_with_bias_dx(const Operand& dnll, const Operand& sm,
                                                 const Operand& y);

}  // namespace theano::tensor::nnet

namespace theano::tensor {
using nnet::log_softmax;
using nnet::relu;
using nnet::sigmoid;
using nnet::softmax;
using nnet::softplus;
}  // namespace theano::tensor
