// The plugin test harness (theano::testing): conformance checks an op author
// runs on an op, and that `theano check-plugin` runs on every op a plugin
// registers, over the example cases of its OpSchema. Every check builds
// the op's node directly (no rewrite replaces it), returns a CheckResult
// naming the op, the case and what differed, and never throws for a defect
// of the op under test. No GoogleTest dependency: theano/testing/gtest.h
// adapts the results to EXPECT_* style assertions.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "theano/core/gradient.h"
#include "theano/core/op.h"
#include "theano/plugin_api/registrar.h"
#include "theano/testing/check_result.h"
#include "theano/testing/random_inputs.h"

namespace theano::testing {

/// An op applied to concrete inputs: the unit every check works on.
struct OpCase {
  OpPtr op;
  std::vector<Value> inputs;
  /// Symbolic input types; when empty, each input's dtype with all dims unknown.
  std::vector<TypePtr> input_types = {};
  std::string label = {};
  /// Whether the op is differentiable at these inputs (grad and rop checks).
  bool differentiable = true;

  /// The case of `example` with the op built by `schema.from_props`
  /// (throws what from_props throws).
  static OpCase from_example(const OpSchema& schema, const ExampleCase& example);
  /// input_types, or the types derived from the inputs.
  std::vector<TypePtr> symbolic_types() const;
};

/// Tolerances and seeds shared by the checks.
struct CheckOptions {
  std::uint64_t seed = 20261122;
  /// Value comparisons: |a - b| <= abs_tol + rel_tol * |b|; by default from
  /// the output dtype (float64 1e-7/1e-5, float32 1e-4/1e-3, float16 1e-2/1e-2).
  std::optional<double> abs_tol;
  std::optional<double> rel_tol;
  /// Passed to theano::check_grad by check_gradient (its seed, tolerances, mode).
  VerifyGradOptions grad = {};
  /// Modes check_compiled runs the op in.
  std::vector<std::string> modes = {"FAST_RUN", "DebugMode"};
  /// Also check the cases again at random inputs shaped like the example's
  /// (integer and bool inputs, which are indices or shapes, kept as given).
  bool random_inputs = true;
};

/// make_node accepts the symbolic types, perform runs, and each output has
/// the dtype and rank of its declared type with a shape the type accepts.
CheckResult check_perform(const OpCase& c, const CheckOptions& options = {});

/// Compiles the op applied to fresh variables in each of options.modes
/// (DebugMode cross-checks kernels, aliasing and infer_shape on the way) and
/// compares every mode's outputs with perform's.
CheckResult check_compiled(const OpCase& c, const CheckOptions& options = {});

/// theano::check_grad of the op at the case's inputs: the symbolic gradient
/// against central finite differences (skip when !c.differentiable).
CheckResult check_gradient(const OpCase& c, const CheckOptions& options = {});

/// infer_shape, evaluated with the actual input shapes (and values, for ops
/// whose output shape depends on them), against the shapes perform produces.
/// Skip when the op does not infer shapes.
CheckResult check_infer_shape(const OpCase& c, const CheckOptions& options = {});

/// The op's R_op (Rop without the L_op fallback) against central finite
/// differences of perform along a random direction; when the op has no
/// R_op, Rop through the L_op-of-L_op fallback is checked instead and the
/// result says so. Skip when !c.differentiable or no float input.
CheckResult check_rop(const OpCase& c, const CheckOptions& options = {});

/// from_props(op.props()) equals the op and hashes the same, its props equal
/// op.props(); when the op is in the global registry, the op also survives
/// saving a function using it as JSON (serialize.h) and loading it back.
CheckResult check_props_roundtrip(const OpCase& c, const OpSchema& schema);

/// Runs perform (and the node's make_thunk and registered CPU kernels, each
/// separately) on private copies of the inputs: an input whose bytes
/// changed must be declared in destroy_map, an output sharing memory with
/// an input must be declared in view_map (or destroy_map) for that input.
/// For a PrecheckedOp, precheck must accept the inputs without writing them.
CheckResult check_view_and_destroy_honesty(const OpCase& c, const CheckOptions& options = {});

/// What the op should compute: its outputs for given input values.
using ReferenceFn = std::function<std::vector<NDArray>(const std::vector<Value>& inputs)>;
/// Inputs to compare the op and the reference on.
struct ReferenceCase {
  std::string label;
  std::vector<Value> inputs;
};

/// The op's perform against `reference` on one set of inputs: dtypes,
/// shapes and values within the tolerances.
CheckResult check_against_reference(const OpPtr& op, const ReferenceCase& reference_case,
                                    const ReferenceFn& reference, const CheckOptions& options = {});
/// The same over several cases, one result each.
CheckTable check_against_reference(const OpPtr& op, const std::vector<ReferenceCase>& cases,
                                   const ReferenceFn& reference, const CheckOptions& options = {});

/// Every check above (but the reference tester) on every example case of
/// `schema`, and again at random inputs when options.random_inputs. An op
/// with no example cases gets one failed "examples" row.
CheckTable run_all_checks(const OpSchema& schema, const CheckOptions& options = {});

/// Every check on one case (the rows run_all_checks makes for it).
CheckTable run_case_checks(const OpCase& c, const OpSchema& schema,
                           const CheckOptions& options = {});

}  // namespace theano::testing
