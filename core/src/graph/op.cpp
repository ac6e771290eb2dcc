// Default behaviour of the Op contract and op application (test values are
// computed by core/src/debug/test_values.cpp).
#include "theano/core/op.h"

#include "theano/core/debug/test_values.h"

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

std::vector<Var> Op::operator()(std::vector<Var> inputs, std::source_location loc) const {
  ApplyPtr node = make_node(std::move(inputs));
  SourceLoc where = SourceLoc::from(loc);
  for (int k = 0; k < node->nout(); ++k) node->out(k)->tag().loc = where;
  node->set_loc(where);
  std::string policy = debug::test_value_policy();
  if (policy != "off") debug::compute_test_values(*node, policy, where);
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
