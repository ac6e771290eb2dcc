// run_all_checks: every conformance check on every example case of an op
// schema, at the example's inputs and again at random inputs shaped like
// them (the example's integer inputs kept: they are indices and shapes).
#include "harness.h"

namespace theano::testing {

using namespace detail;

CheckTable run_case_checks(const OpCase& c, const OpSchema& schema, const CheckOptions& options) {
  CheckTable table;
  table.results.push_back(check_perform(c, options));
  table.results.push_back(check_compiled(c, options));
  table.results.push_back(check_infer_shape(c, options));
  table.results.push_back(check_gradient(c, options));
  table.results.push_back(check_rop(c, options));
  table.results.push_back(check_props_roundtrip(c, schema));
  table.results.push_back(check_view_and_destroy_honesty(c, options));
  return table;
}

namespace {

/// A result for the schema as a whole (no case): a failure naming why.
CheckResult schema_failure(const OpSchema& schema, const std::string& label,
                           const std::string& reason) {
  CheckResult r;
  r.check = "examples";
  r.op = schema.name;
  r.case_label = label;
  r.outcome = Outcome::Fail;
  r.reason = schema.name + (label.empty() ? "" : " [" + label + "]") + ": " + reason;
  return r;
}

}  // namespace

CheckTable run_all_checks(const OpSchema& schema, const CheckOptions& options) {
  CheckTable table;
  if (schema.examples.empty()) {
    table.results.push_back(
        schema_failure(schema, "", "no example cases: register at least one with the op schema"));
    return table;
  }
  for (const ExampleCase& example : schema.examples) {
    OpCase c;
    try {
      c = OpCase::from_example(schema, example);
    } catch (const std::exception& e) {
      table.results.push_back(schema_failure(
          schema, example.label,
          "from_props refused the example's props {" + example.props.str() + "}: " + e.what()));
      continue;
    }
    CheckTable rows = run_case_checks(c, schema, options);
    for (CheckResult& r : rows.results) r.op = schema.name;
    table.append(rows);
    if (!options.random_inputs) continue;
    OpCase random = c;
    random.inputs = random_inputs_like(c.inputs, options.seed);
    random.label = c.label + " (random inputs)";
    bool any_float = false;
    for (const Value& v : random.inputs)
      any_float = any_float || (v.is_array() && !is_discrete(v.array().dtype()));
    if (!any_float) continue;  // nothing random: the same case again
    CheckTable random_rows = run_case_checks(random, schema, options);
    for (CheckResult& r : random_rows.results) {
      if (r.check == "props_roundtrip") continue;  // independent of the inputs
      r.op = schema.name;
      table.results.push_back(r);
    }
  }
  return table;
}

}  // namespace theano::testing
