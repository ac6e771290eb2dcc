// check_against_reference: the op's perform against a reference function
// (NumPy-like C++ code the author trusts) over declared cases.
#include "harness.h"

namespace theano::testing {

using namespace detail;

CheckResult check_against_reference(const OpPtr& op, const ReferenceCase& reference_case,
                                    const ReferenceFn& reference, const CheckOptions& options) {
  OpCase c{op, reference_case.inputs, {}, reference_case.label};
  CheckResult r = start("reference", c);
  std::vector<Value> got;
  try {
    BuiltNode built = build_node(c);
    got = run_node(*built.node, deep_copies(c.inputs));
  } catch (const std::exception& e) {
    return fail(r, "the op threw on inputs " + values_summary(c.inputs) + ": " + e.what());
  }
  std::vector<NDArray> want;
  try {
    want = reference(reference_case.inputs);
  } catch (const std::exception& e) {
    return fail(r, std::string("the reference function threw: ") + e.what());
  }
  if (want.size() != got.size()) {
    return fail(r, "the op has " + std::to_string(got.size()) + " outputs, the reference gave " +
                       std::to_string(want.size()));
  }
  for (std::size_t k = 0; k < want.size(); ++k) {
    if (!got[k].is_array()) return fail(r, "output " + std::to_string(k) + " is not an array");
    ArrayDiff diff = compare_arrays(want[k], got[k].array(), options.abs_tol, options.rel_tol);
    if (!diff.ok) {
      record_diff(r, "output " + std::to_string(k) + " differs from the reference", diff, want[k],
                  got[k].array());
      return r;
    }
  }
  return r;
}

CheckTable check_against_reference(const OpPtr& op, const std::vector<ReferenceCase>& cases,
                                   const ReferenceFn& reference, const CheckOptions& options) {
  CheckTable table;
  for (const ReferenceCase& rc : cases)
    table.results.push_back(check_against_reference(op, rc, reference, options));
  return table;
}

}  // namespace theano::testing
