// A host program using the template plugin's op through the public API only:
// it links libtheano_core, never the plugin. The plugin is found at start-up
// (put its folder in THEANO_PLUGIN_PATH), the op is built by name through the
// registry, differentiated, compiled and called. Prints what .ci/sdk-check
// compares: loss and gradient of sum(Huber{1}(-r)), and the number of
// Elemwise{neg} nodes left in the optimised loss (local_huber_neg removes it).
#include <cstdio>
#include <iostream>

#include "theano/core/function.h"
#include "theano/core/gradient.h"
#include "theano/core/init.h"
#include "theano/core/plugin_host.h"
#include "theano/core/registry.h"
#include "theano/tensor.h"

namespace T = theano::tensor;

namespace {

bool plugin_loaded(const std::string& name) {
  for (const theano::PluginRecord& r : theano::PluginHost::global().records())
    if (r.name == name && r.status == theano::PluginRecord::Status::Loaded) return true;
  return false;
}

int count_neg_nodes(const theano::Function& f) {
  int n = 0;
  for (const theano::Apply* node : f.fgraph().toposort())
    if (node->op().display().starts_with("Elemwise{neg")) ++n;
  return n;
}

void print_vector(const char* label, const theano::NDArray& a) {
  std::printf("%s =", label);
  for (double v : a.to_vector<double>()) std::printf(" %g", v);
  std::printf("\n");
}

}  // namespace

int main() {
  try {
    theano::initialize();
    std::printf("acme.ops.huber loaded: %s\n", plugin_loaded("acme.ops.huber") ? "yes" : "no");

    T::TensorVar r = T::dvector("r");
    theano::OpPtr huber = theano::Registry::global().make_op("Huber", {{"delta", 1.0}});
    T::TensorVar loss = T::sum(huber->apply1({T::neg(r)}));
    theano::Var grad = theano::grad(loss, {r})[0];

    theano::Function loss_fn = theano::function({r}, {loss});
    theano::Function both = theano::function({r}, {loss, grad});
    auto out = both({theano::NDArray::from_values<double>({-2.5, -0.4, 0.0, 0.7, 3.0})});
    std::printf("loss = %g\n", out[0].array().item<double>());
    print_vector("grad", out[1].array());
    std::printf("neg nodes after rewrite = %d\n", count_neg_nodes(loss_fn));
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "huber_demo: " << e.what() << "\n";
    return 1;
  }
}
