// Symbolic differentiation: the reverse-mode driver (grad, Lop), forward mode
// (Rop), Jacobians and Hessians, the gradient-helper ops (zero_grad,
// disconnected_grad, grad_clip, grad_scale, consider_constant,
// undefined_grad) and verify_grad, the finite-difference check that op
// authors run on their gradients. The driver lives here; the per-op rules are
// each op's L_op / R_op / connection_pattern. Summing, casting and zero-filling
// gradients goes through the tensor front end, so the elemwise plugin must be
// loaded for any gradient that needs them.
#pragma once

#include <concepts>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "theano/core/errors.h"
#include "theano/core/graph.h"
#include "theano/core/mode.h"
#include "theano/core/ndarray.h"
#include "theano/core/op.h"
#include "theano/plugin_api/descriptor.h"
#include "theano/plugin_api/registrar.h"

namespace theano {

/// A requested `wrt` (or an Rop output) does not depend on the cost (or on any wrt).
class DisconnectedInputError : public GradientError {
 public:
  using GradientError::GradientError;
};

/// A requested gradient is undefined (a NullType reached it); the message
/// carries the op and the reason it gave.
class NullTypeGradError : public GradientError {
 public:
  using GradientError::GradientError;
};

/// What grad does with a `wrt` the cost does not depend on.
enum class DisconnectedPolicy { Raise, Warn, Ignore };
/// What grad returns for such a `wrt`: zeros shaped like it, a null Var, or
/// a DisconnectedType variable.
enum class ReturnDisconnected { Zero, None, Disconnected };
/// Whether an undefined (NullType) gradient of a `wrt` raises or is returned.
enum class NullGradients { Raise, Return };

struct GradOptions {
  /// Gradients given for intermediate variables: backpropagation starts from
  /// them (the cost may then be null). They add to whatever flows back to the
  /// variable from the cost or other known variables (the result is the
  /// gradient of cost + sum_k <g_k, v_k>, so Lop of several expressions where
  /// one feeds another is right); several entries for one variable add up.
  std::vector<std::pair<Var, Var>> known_grads;
  /// Variables treated as constants: nothing propagates through them to
  /// their ancestors (they themselves still get a gradient).
  std::vector<Var> consider_constant;
  DisconnectedPolicy disconnected_inputs = DisconnectedPolicy::Raise;
  ReturnDisconnected return_disconnected = ReturnDisconnected::Zero;
  NullGradients null_gradients = NullGradients::Raise;
  /// Names unnamed gradients "(d<cost>/d<var>)" when both have names.
  bool add_names = true;
};

/// Reverse-mode gradient of the 0-d `cost` with respect to each `wrt`.
/// Gradients of float variables have their dtype (never float64 for a
/// float32 graph); integer and bool `wrt` get zeros of floatX. Throws
/// TypeError for a cost that is not a 0-d tensor, DisconnectedInputError and
/// NullTypeGradError per the options, ValueError when an op's L_op breaks
/// its contract (naming the op).
std::vector<Var> grad(const Var& cost, const std::vector<Var>& wrt,
                      const GradOptions& options = {});
/// Single-variable form (a template so that grad(cost, {x}) means the list form).
template <class V>
requires std::convertible_to<const V&, Var> Var grad(const Var& cost, const V& wrt,
                                                     const GradOptions& options = {}) {
  return grad(cost, std::vector<Var>{Var(wrt)}, options).at(0);
}

/// Vector-times-Jacobian: the sum over k of eval_points[k]^T d f[k] / d wrt,
/// one result per wrt (grad with known_grads {f[k]: eval_points[k]}).
std::vector<Var> Lop(const std::vector<Var>& f, const std::vector<Var>& wrt,
                     const std::vector<Var>& eval_points, const GradOptions& options = {});
template <class F, class W, class E>
requires std::convertible_to<const F&, Var> && std::convertible_to<const W&, Var> &&
    std::convertible_to<const E&, Var>
        Var Lop(const F& f, const W& wrt, const E& eval_point, const GradOptions& options = {}) {
  return Lop(std::vector<Var>{Var(f)}, std::vector<Var>{Var(wrt)},
             std::vector<Var>{Var(eval_point)}, options)
      .at(0);
}

struct RopOptions {
  /// What to do with an output that depends on no wrt.
  DisconnectedPolicy disconnected_outputs = DisconnectedPolicy::Raise;
  ReturnDisconnected return_disconnected = ReturnDisconnected::Zero;
  /// For ops without R_op, derive the node's forward derivative from its
  /// L_op (Lop of Lop); when false such an op raises NotImplementedError.
  bool lop_fallback = true;
};

/// Jacobian-times-vector: sum over i of d f[k] / d wrt[i] . eval_points[i],
/// one result per f, through each op's R_op.
std::vector<Var> Rop(const std::vector<Var>& f, const std::vector<Var>& wrt,
                     const std::vector<Var>& eval_points, const RopOptions& options = {});
template <class F, class W, class E>
requires std::convertible_to<const F&, Var> && std::convertible_to<const W&, Var> &&
    std::convertible_to<const E&, Var>
        Var Rop(const F& f, const W& wrt, const E& eval_point, const RopOptions& options = {}) {
  return Rop(std::vector<Var>{Var(f)}, std::vector<Var>{Var(wrt)},
             std::vector<Var>{Var(eval_point)}, options)
      .at(0);
}

/// The Jacobian of a vector (or 0-d) `expression`: shape (n,) + wrt's shape.
/// Built from one Lop per element of the expression (until scan exists), so
/// the length n must be known: from the static shape or given as `length`;
/// NotImplementedError otherwise.
std::vector<Var> jacobian(const Var& expression, const std::vector<Var>& wrt,
                          const GradOptions& options = {},
                          std::optional<std::int64_t> length = std::nullopt);
template <class V>
requires std::convertible_to<const V&, Var> Var
jacobian(const Var& expression, const V& wrt, const GradOptions& options = {},
         std::optional<std::int64_t> length = std::nullopt) {
  return jacobian(expression, std::vector<Var>{Var(wrt)}, options, length).at(0);
}
/// The Hessian of a 0-d cost with respect to a vector (jacobian of grad);
/// the vector's length must be static or given.
Var hessian(const Var& cost, const Var& wrt, const GradOptions& options = {},
            std::optional<std::int64_t> length = std::nullopt);

// --- gradient-helper ops (identity forward, special backward) ---------------------

/// Gradient zero (R_op zero).
Var zero_grad(const Var& x, std::source_location loc = std::source_location::current());
/// Gradient disconnected: a wrt reachable only through it is disconnected.
Var disconnected_grad(const Var& x, std::source_location loc = std::source_location::current());
/// Gradient undefined (NullType): an error only if the gradient is needed.
Var undefined_grad(const Var& x, std::source_location loc = std::source_location::current());
/// Gradient clipped elementwise to [lower, upper]; ValueError if lower > upper.
Var grad_clip(const Var& x, double lower, double upper,
              std::source_location loc = std::source_location::current());
/// Gradient multiplied by `multiplier`.
Var grad_scale(const Var& x, double multiplier,
               std::source_location loc = std::source_location::current());
/// Gradient zero; the older spelling kept for Theano users.
Var consider_constant(const Var& x, std::source_location loc = std::source_location::current());

/// Registers ZeroGrad, DisconnectedGrad, UndefinedGrad, GradClip, GradScale
/// and ConsiderConstant, and the canonicalize rewrites removing them after
/// differentiation.
void register_gradient_builtins(Registrar& registrar);
/// Static descriptor "theano.core.gradient" running register_gradient_builtins.
const theano_plugin_descriptor* gradient_builtin_plugin();

// --- verify_grad ------------------------------------------------------------------

struct VerifyGradOptions {
  /// Random projections tried (each a full finite-difference pass).
  int n_tests = 2;
  /// Finite-difference step; default by the loosest float dtype among the
  /// inputs and outputs: float64 1e-7, float32 1e-3, float16 1e-1 (central
  /// differences).
  std::optional<double> eps;
  /// An element fails when both errors exceed their tolerance; defaults by
  /// the same dtype: float64 1e-4, float32 1e-2, float16 5e-2.
  std::optional<double> abs_tol;
  std::optional<double> rel_tol;
  std::uint64_t seed = 20240607;
  /// Mode of the compiled functions (default: the configured mode).
  std::optional<Mode> mode;
  /// Symbolic input types; default: the value's dtype, dims of size 1
  /// broadcastable, the others unknown.
  std::vector<TypePtr> input_types;
};

/// The outcome of a check: the worst element over all inputs and projections.
struct GradCheckReport {
  bool ok = true;
  int test = 0;              ///< random projection number
  int input = -1;            ///< input index of the worst element (-1: none checked)
  std::int64_t element = 0;  ///< flat C-order index in that input
  Shape input_shape;
  double analytic = 0, numeric = 0, abs_err = 0, rel_err = 0;
  double abs_tol = 0, rel_tol = 0, eps = 0;
  /// One line describing the worst element (the failure message when !ok).
  std::string message;
};

/// A gradient that disagrees with finite differences; report() holds the details.
class GradientCheckError : public GradientError {
 public:
  GradientCheckError(const std::string& what, GradCheckReport report)
      : GradientError(what), report_(std::move(report)) {}
  const GradCheckReport& report() const { return report_; }

 private:
  GradCheckReport report_;
};

/// Builds the outputs to check from symbolic inputs.
using GradFunction = std::function<std::vector<Var>(const std::vector<Var>& inputs)>;

/// Compares, at `point`, the symbolic gradient of sum_k(out_k * r_k) (r_k
/// random in [0.5, 1.5)) with central finite differences of the same
/// projection accumulated in float64. Integer inputs and outputs are not
/// differentiated. Returns the worst element; never throws for a mismatch.
GradCheckReport check_grad_fn(const GradFunction& fn, const std::vector<NDArray>& point,
                              const VerifyGradOptions& options = {});
/// As check_grad_fn, for an op applied to the inputs (all its outputs checked).
GradCheckReport check_grad(const OpPtr& op, const std::vector<NDArray>& point,
                           const VerifyGradOptions& options = {});
/// check_grad_fn that throws GradientCheckError on a mismatch.
void verify_grad_fn(const GradFunction& fn, const std::vector<NDArray>& point,
                    const VerifyGradOptions& options = {});
/// check_grad that throws GradientCheckError on a mismatch.
void verify_grad(const OpPtr& op, const std::vector<NDArray>& point,
                 const VerifyGradOptions& options = {});

namespace gradient_detail {
template <class F>
GradFunction as_grad_function(F fn) {
  return [fn = std::move(fn)](const std::vector<Var>& in) -> std::vector<Var> {
    auto out = fn(in);
    if constexpr (std::is_convertible_v<decltype(out), Var>) {
      return {Var(out)};
    } else {
      return std::vector<Var>(out.begin(), out.end());
    }
  };
}
}  // namespace gradient_detail

/// verify_grad on a callable building one output (Var / TensorVar) or several
/// from the symbolic inputs: verify_grad([](auto& x) { return T::exp(x[0]); }, {a}).
template <class F>
requires std::invocable < const F&, const std::vector<Var>
& > void verify_grad(const F& fn, const std::vector<NDArray>& point,
                     const VerifyGradOptions& options = {}) {
  verify_grad_fn(gradient_detail::as_grad_function(fn), point, options);
}
template <class F>
requires std::invocable < const F&, const std::vector<Var>
& > GradCheckReport check_grad(const F& fn, const std::vector<NDArray>& point,
                               const VerifyGradOptions& options = {}) {
  return check_grad_fn(gradient_detail::as_grad_function(fn), point, options);
}

namespace tensor {
// The gradient API is also reachable as T::grad, T::Rop, ...
using theano::consider_constant;
using theano::disconnected_grad;
using theano::grad;
using theano::grad_clip;
using theano::grad_scale;
using theano::hessian;
using theano::jacobian;
using theano::Lop;
using theano::Rop;
using theano::undefined_grad;
using theano::verify_grad;
using theano::zero_grad;
}  // namespace tensor

}  // namespace theano
