// check_props_roundtrip: an op rebuilt from its props is the same op (equal,
// same hash, same props, same name), and, for an op of the global registry,
// it also survives a function file: saved as JSON and loaded back.
#include "harness.h"
#include "theano/core/registry.h"
#include "theano/core/serialize.h"

namespace theano::testing {

using namespace detail;

namespace {

/// Why `rebuilt` is not the same op as `op`, if it is not.
std::optional<std::string> sameness_problem(const Op& op, const Op& rebuilt,
                                            const std::string& how) {
  if (rebuilt.name() != op.name())
    return how + " gave an op named '" + rebuilt.name() + "', expected '" + op.name() + "'";
  if (!(rebuilt.props() == op.props())) {
    return how + " gave props {" + rebuilt.props().str() + "}, expected {" + op.props().str() + "}";
  }
  if (!op.equals(rebuilt) || !rebuilt.equals(op))
    return how + " gave " + rebuilt.display() + ", which is not equal to " + op.display();
  if (op.hash() != rebuilt.hash()) {
    return how + " gave an equal op with a different hash (" + std::to_string(rebuilt.hash()) +
           " vs " + std::to_string(op.hash()) + ")";
  }
  return std::nullopt;
}

/// Saves a function applying the op and loads it back; the loaded op.
OpPtr through_json(const OpCase& c) {
  BuiltNode built = build_node(c);
  FunctionSpec spec;
  spec.inputs.assign(built.inputs.begin(), built.inputs.end());
  for (const Var& v : built.node->outputs()) spec.outputs.emplace_back(v);
  FunctionSpec loaded = from_json(to_json(spec), "props round-trip of " + c.op->display());
  Apply* owner = loaded.outputs.at(0).variable->owner();
  if (!owner) throw ValueError("the loaded function's output has no owner node");
  return owner->op_ptr();
}

}  // namespace

CheckResult check_props_roundtrip(const OpCase& c, const OpSchema& schema) {
  CheckResult r = start("props_roundtrip", c);
  if (schema.name != c.op->name()) {
    return fail(
        r, "the schema is named '" + schema.name + "' but its op is named '" + c.op->name() + "'");
  }
  OpPtr rebuilt;
  try {
    rebuilt = schema.from_props(c.op->props());
  } catch (const std::exception& e) {
    return fail(r,
                "from_props refused the op's own props {" + c.op->props().str() + "}: " + e.what());
  }
  if (auto problem = sameness_problem(*c.op, *rebuilt, "from_props(op.props())")) {
    r.expected = c.op->display();
    r.actual = rebuilt->display();
    return fail(r, *problem);
  }
  if (Registry::global().find_op(c.op->name()) == nullptr) {
    r.reason = "op not in the global registry: JSON round-trip not checked";
    return r;
  }
  try {
    OpPtr loaded = through_json(c);
    if (auto problem = sameness_problem(*c.op, *loaded, "saving to JSON and loading")) {
      r.expected = c.op->display();
      r.actual = loaded->display();
      return fail(r, *problem);
    }
  } catch (const std::exception& e) {
    return fail(r,
                std::string("a function using the op does not save and load as JSON: ") + e.what());
  }
  return r;
}

}  // namespace theano::testing
