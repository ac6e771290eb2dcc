// Evaluating variables with perform, iteratively (deep graphs do not
// exhaust the stack).
#include "reference_eval.h"

#include <vector>

#include "debug_ops_impl.h"
#include "theano/core/op.h"

namespace theano::debug {

namespace {

std::vector<bool> destroyed_inputs(const Apply& node) {
  std::vector<bool> out(node.nin(), false);
  for (const auto& [o, ins] : node.op().destroy_map())
    for (int i : ins)
      if (i >= 0 && i < node.nin()) out[i] = true;
  return out;
}

}  // namespace

void ReferenceEvaluator::run_node(const Apply& node) {
  std::vector<bool> destroyed = destroyed_inputs(node);
  std::vector<Value> in(node.nin());
  for (int i = 0; i < node.nin(); ++i) {
    const Value& v = values_.at(node.input(i).get());
    in[i] = destroyed[i] ? v.deep_copy() : v;
  }
  std::vector<Value> out(node.nout());
  std::vector<const Value*> in_ptrs;
  std::vector<Value*> out_ptrs;
  for (auto& v : in) in_ptrs.push_back(&v);
  for (auto& v : out) out_ptrs.push_back(&v);
  node.op().perform(node, InputRefs(in_ptrs.data(), in_ptrs.size()),
                    OutputRefs(out_ptrs.data(), out_ptrs.size()));
  for (int k = 0; k < node.nout(); ++k) values_[node.out(k)] = std::move(out[k]);
}

const Value& ReferenceEvaluator::eval(const Variable* target) {
  QuietPrints quiet;  // the real run already printed
  std::vector<const Variable*> stack{target};
  while (!stack.empty()) {
    const Variable* v = stack.back();
    if (values_.count(v)) {
      stack.pop_back();
      continue;
    }
    if (!v->owner()) {
      if (auto* c = dynamic_cast<const Constant*>(v)) {
        values_[v] = c->value();
      } else if (auto* s = dynamic_cast<const SharedVariable*>(v)) {
        auto it = shared_.find(s->container().get());
        values_[v] = it != shared_.end() ? it->second : s->get_value(/*borrow=*/true);
      } else {
        throw ValueError("reference evaluation: no value for the input " + v->str());
      }
      stack.pop_back();
      continue;
    }
    const Apply& node = *v->owner();
    bool ready = true;
    for (const Var& in : node.inputs()) {
      if (values_.count(in.get())) continue;
      stack.push_back(in.get());
      ready = false;
    }
    if (!ready) continue;
    run_node(node);
    stack.pop_back();
  }
  return values_.at(target);
}

}  // namespace theano::debug
