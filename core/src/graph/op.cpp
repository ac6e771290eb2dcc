// Default behaviour of the Op contract, op application and test values.
#include "theano/core/op.h"

#include <iostream>

#include "theano/core/config.h"

namespace theano {

std::string Op::display() const {
  Props p = props();
  if (p.empty()) return name();
  return name() + "{" + p.str() + "}";
}

std::optional<std::vector<ShapeVars>> Op::infer_shape(const Apply&, const std::vector<ShapeVars>&) const {
  return std::nullopt;
}

std::vector<Var> Op::L_op(const Apply& node, const std::vector<Var>&) const {
  std::vector<Var> grads;
  for (int i = 0; i < node.nin(); ++i) grads.push_back(grad_undefined(i, "op does not implement L_op"));
  return grads;
}

std::vector<Var> Op::R_op(const Apply&, const std::vector<Var>&) const {
  throw NotImplementedError(display() + " does not implement R_op (forward-mode derivative)");
}

std::vector<std::vector<bool>> Op::connection_pattern(const Apply& node) const {
  return std::vector<std::vector<bool>>(node.nin(), std::vector<bool>(node.nout(), true));
}

bool Op::equals(const Op& other) const {
  return this == &other || (name() == other.name() && props() == other.props());
}

std::size_t Op::hash() const { return std::hash<std::string>()(name()) ^ (props().hash() * 31); }

ApplyPtr Op::build(std::vector<Var> inputs, std::vector<TypePtr> output_types) const {
  return Apply::make(shared_from_this(), std::move(inputs), std::move(output_types));
}

Var Op::grad_undefined(int input, const std::string& reason) const {
  return Variable::make(NullType::make(display() + ": gradient of input " + std::to_string(input) +
                                       " is undefined: " + reason));
}

namespace {

std::optional<Value> test_value_of(const Var& v) {
  if (v->tag().test_value) return v->tag().test_value;
  if (auto* c = dynamic_cast<const Constant*>(v.get())) return c->value();
  if (auto* s = dynamic_cast<const SharedVariable*>(v.get())) return s->get_value(/*borrow=*/true);
  return std::nullopt;
}

// Computes the node's outputs eagerly so a bad shape is reported at the
// line that built the node, before any compile (compute_test_value).
void compute_test_values(const Apply& node, const std::string& policy, const SourceLoc& loc) {
  std::vector<Value> in_vals;
  for (int i = 0; i < node.nin(); ++i) {
    auto tv = test_value_of(node.input(i));
    if (!tv) {
      std::string msg = node.op().display() + ": input " + std::to_string(i) + " (" +
                        node.input(i)->str() + ") has no test value (compute_test_value=" + policy + ")";
      if (policy == "raise") throw ValueError(msg + " at " + loc.str());
      if (policy == "warn") std::cerr << "theano: warning: " << msg << "\n";
      return;
    }
    in_vals.push_back(*tv);
  }
  std::vector<Value> out_vals(node.nout());
  std::vector<const Value*> in_ptrs;
  std::vector<Value*> out_ptrs;
  for (auto& v : in_vals) in_ptrs.push_back(&v);
  for (auto& v : out_vals) out_ptrs.push_back(&v);
  try {
    node.op().perform(node, InputRefs(in_ptrs.data(), in_ptrs.size()),
                      OutputRefs(out_ptrs.data(), out_ptrs.size()));
  } catch (const std::exception& e) {
    throw ValueError("computing the test value of " + node.op().display() + " built at " + loc.str() +
                     " failed: " + e.what());
  }
  for (int k = 0; k < node.nout(); ++k) node.out(k)->tag().test_value = out_vals[k];
}

}  // namespace

std::vector<Var> Op::operator()(std::vector<Var> inputs, std::source_location loc) const {
  ApplyPtr node = make_node(std::move(inputs));
  SourceLoc where = SourceLoc::from(loc);
  for (int k = 0; k < node->nout(); ++k) node->out(k)->tag().loc = where;
  node->set_loc(where);
  std::string policy = Config::global().get("compute_test_value");
  if (policy != "off") compute_test_values(*node, policy, where);
  return node->outputs();
}

Var Op::apply1(std::vector<Var> inputs, std::source_location loc) const {
  auto outs = (*this)(std::move(inputs), loc);
  if (outs.size() != 1) {
    throw ValueError(display() + " has " + std::to_string(outs.size()) + " outputs; apply1 needs exactly one");
  }
  return outs[0];
}

void throw_input_type_error(const Op& op, int i, const std::string& expected, const TypePtr& got) {
  throw TypeError(op.display() + ": input " + std::to_string(i) + ": expected " + expected + ", got " +
                  (got ? got->str() : "null"));
}

}  // namespace theano
