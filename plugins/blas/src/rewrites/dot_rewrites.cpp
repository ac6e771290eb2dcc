// Rank specialisation of Dot and folding scalar factors into Dot22Scalar.
#include "../kernels/kernels.h"
#include "match.h"
#include "rewrites.h"
#include "theano/core/registry.h"

namespace theano::blas {

Replacement local_dot_to_dot22(FunctionGraph&, Apply& node) {
  if (node.op().name() != "Dot") return std::nullopt;
  auto tx = as_tensor_type(node.input(0)->type());
  auto ty = as_tensor_type(node.input(1)->type());
  if (tx->ndim() != 2 || ty->ndim() != 2 || !has_blas(tx->dtype())) return std::nullopt;
  return std::vector<Var>{
      Registry::global().make_op("Dot22")->apply1({node.input(0), node.input(1)})};
}

Replacement local_dot22_to_dot22scalar(FunctionGraph& fg, Apply& node) {
  if (elemwise_name(&node) != "mul") return std::nullopt;
  auto out = as_tensor_type(node.out(0)->type());
  if (!out || out->ndim() != 2 || !has_blas(out->dtype())) return std::nullopt;
  Var scale, product;
  for (const Var& f : node.inputs()) {
    if (Var s = scalar_factor(f, out->dtype())) {
      scale = times(scale, s);
    } else if (product) {
      return std::nullopt;
    } else {
      product = f;
    }
  }
  if (!product || !scale) return std::nullopt;
  auto d = as_dot(product);
  if (!d || d->x_ndim != 2 || d->y_ndim != 2 || !single_client(fg, product.get()))
    return std::nullopt;
  if (as_tensor_type(product->type())->dtype() != out->dtype()) return std::nullopt;
  Var r = Registry::global().make_op("Dot22Scalar")->apply1({d->x, d->y, times(scale, d->alpha)});
  if (!same_type(r->type(), node.out(0)->type())) return std::nullopt;
  return std::vector<Var>{r};
}

}  // namespace theano::blas
