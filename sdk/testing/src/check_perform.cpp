// check_perform (the node builds and perform gives outputs of the declared
// types) and check_compiled (the op in compiled functions of each mode,
// DebugMode included, agrees with perform).
#include <cstring>

#include "harness.h"
#include "theano/core/function.h"

namespace theano::testing {

using namespace detail;

namespace {

/// Why `value` does not fit output `k` of `node`'s declared type, if it does not.
std::optional<std::string> output_type_problem(const Apply& node, int k, const Value& value) {
  auto tensor = as_tensor_type(node.output(k)->type());
  if (!tensor) return std::nullopt;
  if (!value.is_array())
    return "output " + std::to_string(k) + " is not an array: " + value.summary();
  const NDArray& a = value.array();
  if (a.dtype() != tensor->dtype() || a.ndim() != tensor->ndim() ||
      !tensor->accepts_shape(a.shape())) {
    return "output " + std::to_string(k) + " declared " + tensor->str() + ", perform gave " +
           std::string(dtype_name(a.dtype())) + " " + shape_str(a.shape());
  }
  return std::nullopt;
}

/// Whether perform's outputs depend on more than its inputs (an op returning
/// uninitialised memory, such as AllocEmpty): perform runs again after a
/// scratch buffer of each output's size was filled with a byte pattern and
/// released, which a pooled allocator hands back to it.
bool outputs_unspecified(const Apply& node, const OpCase& c, const std::vector<Value>& first) {
  for (int pattern : {0x5A, 0xA5}) {
    for (const Value& v : first) {
      if (!v.is_array()) continue;
      NDArray scratch = NDArray::empty(v.array().dtype(), v.array().shape());
      std::memset(scratch.raw_data(), pattern, scratch.nbytes());
    }
    std::vector<Value> again = run_node(node, deep_copies(c.inputs));
    for (std::size_t k = 0; k < again.size(); ++k) {
      if (first[k].is_array() && again[k].is_array() &&
          !compare_arrays(first[k].array(), again[k].array(), 0.0, 0.0).ok)
        return true;
    }
  }
  return false;
}

}  // namespace

CheckResult check_perform(const OpCase& c, const CheckOptions& /*options*/) {
  CheckResult r = start("perform", c);
  BuiltNode built;
  try {
    built = build_node(c);
  } catch (const std::exception& e) {
    return fail(r, "make_node refused inputs " + values_summary(c.inputs) + ": " + e.what());
  }
  std::vector<Value> outputs;
  try {
    outputs = run_node(*built.node, deep_copies(c.inputs));
  } catch (const std::exception& e) {
    return fail(r, "perform threw on inputs " + values_summary(c.inputs) + ": " + e.what());
  }
  for (int k = 0; k < built.node->nout(); ++k) {
    if (auto problem = output_type_problem(*built.node, k, outputs[k])) {
      r.expected = built.node->output(k)->type()->str();
      r.actual = outputs[k].summary();
      return fail(r, *problem);
    }
  }
  return r;
}

CheckResult check_compiled(const OpCase& c, const CheckOptions& options) {
  CheckResult r = start("compiled", c);
  std::vector<Value> reference;
  BuiltNode built;
  bool unspecified = false;
  try {
    built = build_node(c);
    reference = run_node(*built.node, deep_copies(c.inputs));
    unspecified = outputs_unspecified(*built.node, c, reference);
  } catch (const std::exception& e) {
    return skip(r, std::string("perform does not run (see the perform check): ") + e.what());
  }
  if (unspecified) {
    // DebugMode would compare values that are not defined: run the other modes only.
    reference.clear();
    r.reason =
        "outputs are unspecified (they change with the memory perform is given): values "
        "not compared, DebugMode not run";
  }
  for (const std::string& mode : options.modes) {
    if (unspecified && mode == "DebugMode") continue;
    std::vector<Value> got;
    try {
      FunctionOptions fo;
      fo.mode = Mode::named(mode);
      fo.on_unused_input = "ignore";
      fo.accept_inplace = true;  // the op under test may be an in-place variant
      std::vector<In> ins(built.inputs.begin(), built.inputs.end());
      std::vector<Out> outs;
      for (const Var& v : built.node->outputs()) outs.emplace_back(v);
      got = function(ins, outs, fo)(deep_copies(c.inputs));
    } catch (const std::exception& e) {
      return fail(r, "in mode " + mode + ": " + e.what());
    }
    for (std::size_t k = 0; k < got.size() && !reference.empty(); ++k) {
      if (!reference[k].is_array() || !got[k].is_array()) continue;
      ArrayDiff diff =
          compare_arrays(reference[k].array(), got[k].array(), options.abs_tol, options.rel_tol);
      if (!diff.ok) {
        record_diff(r, "output " + std::to_string(k) + " in mode " + mode + " differs from perform",
                    diff, reference[k].array(), got[k].array());
        return r;
      }
    }
  }
  return r;
}

}  // namespace theano::testing
