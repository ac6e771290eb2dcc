// The template plugin's rewrite: Huber{d}(-x) -> Huber{d}(x). The loss is
// symmetric, so the negation is wasted work (it often appears when a
// residual is written y - f(x) in one place and f(x) - y in another; merging
// then sees two equal Huber nodes). Registered into the canonicalize phase.
#include "registration.h"
#include "theano/core/fgraph.h"
#include "theano/optdb/rewriter.h"

namespace acme {

namespace {

/// The input of `v`'s owner when it is a non-in-place Elemwise{neg}, else null.
theano::Var negated(const theano::Var& v) {
  const theano::Apply* node = v->owner();
  if (!node || node->op().name() != "Elemwise") return nullptr;
  theano::Props p = node->op().props();
  if (p.get_as<std::string>("scalar_op") != "neg") return nullptr;
  if (p.contains("inplace_pattern") && !p.get_as<theano::PropList>("inplace_pattern").empty())
    return nullptr;
  return node->input(0);
}

/// Huber(neg(x)) -> Huber(x), same delta; nullopt when the node does not match.
std::optional<std::vector<theano::Var>> local_huber_neg(theano::FunctionGraph&,
                                                        theano::Apply& node) {
  theano::Var x = negated(node.input(0));
  if (!x) return std::nullopt;
  return node.op().operator()({x});
}

}  // namespace

void register_rewrites(theano::Registrar& r) {
  r.add_rewrite(theano::RewriteSpec{
      "local_huber_neg",
      {"fast_run", "huber", "canonicalize"},
      "canonicalize",
      std::make_shared<theano::optdb::FunctionLocalRewriter>(
          "local_huber_neg", std::vector<std::string>{"Huber"}, local_huber_neg)});
}

}  // namespace acme
