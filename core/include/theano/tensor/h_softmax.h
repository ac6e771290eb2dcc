// Two-level hierarchical softmax (Theano's nnet.h_softmax), built from
// existing ops: the outputs are split into n_classes groups of
// n_outputs_per_class; p(output) = p(class | x) * p(output | class, x).
// Kept out of theano/tensor.h so adding it rebuilds nothing else; include it
// explicitly.
#pragma once

#include <optional>

#include "theano/tensor/var.h"

namespace theano::tensor::nnet {

/// Two-level hierarchical softmax of `x` (batch, dim). W1 (dim, n_classes),
/// b1 (n_classes), W2 (n_classes, dim, n_outputs_per_class), b2 (n_classes,
/// n_outputs_per_class). Without `target`: the probabilities of the first
/// n_outputs outputs, (batch, n_outputs). With an integer `target` (batch,):
/// the probability of each row's target output, (batch,).
TensorVar h_softmax(const Operand& x, std::int64_t n_outputs, std::int64_t n_classes,
                    std::int64_t n_outputs_per_class, const Operand& W1, const Operand& b1,
                    const Operand& W2, const Operand& b2,
                    const std::optional<Operand>& target = std::nullopt);

}  // namespace theano::tensor::nnet
