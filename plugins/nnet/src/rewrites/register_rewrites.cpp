// Registration of the nnet rewrites into their phases. All are local
// rewrites; the stabilize phase runs them to a fixed point together with the
// elemwise plugin's (local_log1p may see log(1 - sigmoid(x)) first, so the
// sigmoid rewrites also match its log1p(-sigmoid(x)) result).
#include "../registration.h"
#include "rewrites.h"
#include "theano/optdb/rewriter.h"

namespace theano::nnet {

namespace {

using optdb::FunctionLocalRewriter;

void local(Registrar& r, const std::string& phase, const std::string& name,
           FunctionLocalRewriter::Fn fn, const std::string& tracks, bool opt_in = false) {
  std::vector<std::string> tags{"fast_run", "nnet", phase};
  if (opt_in) tags = {name};
  r.add_rewrite(RewriteSpec{name, tags, phase,
                            std::make_shared<FunctionLocalRewriter>(
                                name, std::vector<std::string>{tracks}, std::move(fn))});
}

}  // namespace

void register_rewrites(Registrar& r) {
  local(r, "canonicalize", "local_softmax_simplifier", local_softmax_simplifier, "Elemwise");
  local(r, "stabilize", "local_exp_over_1_plus_exp", local_exp_over_1_plus_exp, "Elemwise");
  local(r, "stabilize", "local_inv_1_plus_exp", local_inv_1_plus_exp, "Elemwise");
  local(r, "specialize", "local_softmax_with_bias", local_softmax_with_bias, "Softmax");
  local(r, "stabilize", "local_logsoftmax", local_logsoftmax, "Elemwise");
  // Before local_logsoftmax_grad, which would rewrite the SoftmaxGrad it matches.
  local(r, "stabilize", "local_advanced_indexing_crossentropy_onehot_grad",
        local_advanced_indexing_crossentropy_onehot_grad, "SoftmaxGrad");
  local(r, "stabilize", "local_logsoftmax_grad", local_logsoftmax_grad, "SoftmaxGrad");
  local(r, "stabilize", "local_advanced_indexing_crossentropy_onehot",
        local_advanced_indexing_crossentropy_onehot, "AdvancedSubtensor");
  local(r, "stabilize", "crossentropy_to_crossentropy_with_softmax",
        crossentropy_to_crossentropy_with_softmax, "CrossentropyCategorical1Hot");
  local(r, "stabilize", "local_softmax_grad_to_crossentropy_with_softmax_grad",
        local_softmax_grad_to_crossentropy_with_softmax_grad, "SoftmaxGrad");
  local(r, "stabilize", "logsigm_to_softplus", logsigm_to_softplus, "Elemwise");
  local(r, "stabilize", "log1msigm_to_softplus", log1msigm_to_softplus, "Elemwise");
  local(r, "stabilize", "log1pexp_to_softplus", log1pexp_to_softplus, "Elemwise");
  local(r, "stabilize", "local_sigm_grad_cancel", local_sigm_grad_cancel, "Elemwise");
  local(r, "specialize", "local_argmax_pushdown", local_argmax_pushdown, "Argmax");
  // Opt-in approximations, selected only by including their name as a tag.
  local(r, "specialize", "local_ultra_fast_sigmoid", local_ultra_fast_sigmoid, "Elemwise", true);
  local(r, "specialize", "local_hard_sigmoid", local_hard_sigmoid, "Elemwise", true);
}

}  // namespace theano::nnet
