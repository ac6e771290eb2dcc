// Registration of the elemwise rewrites into their phases.
#include "../registration.h"
#include "algebra.h"
#include "fusion.h"
#include "stability.h"

namespace theano::elemwise {

namespace {

using optdb::FunctionLocalRewriter;

void local(Registrar& r, const std::string& phase, const std::string& name,
           FunctionLocalRewriter::Fn fn, const std::string& tracks = "Elemwise") {
  r.add_rewrite(RewriteSpec{name,
                            {"fast_run", "elemwise", phase},
                            phase,
                            std::make_shared<FunctionLocalRewriter>(
                                name, std::vector<std::string>{tracks}, std::move(fn))});
}

}  // namespace

void register_rewrites(Registrar& r) {
  local(r, "canonicalize", "local_neutral_elements", local_neutral_elements);
  local(r, "canonicalize", "local_sub_self", local_sub_self);
  local(r, "canonicalize", "local_double_neg", local_double_neg);
  local(r, "canonicalize", "local_flatten_add_mul", local_flatten_add_mul);
  local(r, "canonicalize", "local_useless_cast", local_useless_cast);
  local(r, "canonicalize", "local_dimshuffle_merge", local_dimshuffle_merge, "DimShuffle");
  local(r, "stabilize", "local_log1p", local_log1p);
  local(r, "stabilize", "local_expm1", local_expm1);
  local(r, "stabilize", "local_log_exp", local_log_exp);
  local(r, "stabilize", "local_log_sum_exp", local_log_sum_exp);
  local(r, "stabilize", "local_exp_over_sum_exp", local_exp_over_sum_exp);
  local(r, "specialize", "local_pow_specialize", local_pow_specialize);
  local(r, "specialize", "local_div_by_constant", local_div_by_constant);
  local(r, "specialize", "local_mul_neg_one", local_mul_neg_one);
  local(r, "specialize", "local_mul_to_sqr", local_mul_to_sqr);
  r.add_rewrite(RewriteSpec{"elemwise_fusion",
                            {"fast_run", "fusion", "elemwise"},
                            "fusion",
                            std::make_shared<ElemwiseFusion>(),
                            10});
  r.add_rewrite(RewriteSpec{"reduce_fusion",
                            {"fast_run", "fusion", "elemwise"},
                            "fusion",
                            std::make_shared<ReduceFusion>(),
                            20});
}

}  // namespace theano::elemwise
