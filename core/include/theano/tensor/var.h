// The C++ front end's value handles: TensorVar (a symbolic tensor with
// operators) and Operand (anything a tensor function accepts: a variable, a
// C++ number, an NDArray). An Operand remembers the source line of the user's
// call that created it, so every node the front end builds points there.
#pragma once

#include <complex>
#include <concepts>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <source_location>
#include <string>
#include <vector>

#include "theano/core/graph.h"

namespace theano::tensor {

class TensorVar;
class IndexList;

/// Axes of a reduction: all of them (default), one, or a list. Negative
/// axes count from the end.
class Axes {
 public:
  Axes() = default;
  Axes(int axis) : list_(std::vector<std::int64_t>{axis}) {}  // NOLINT
  Axes(std::initializer_list<int> axes)
      : list_(std::vector<std::int64_t>(axes.begin(), axes.end())) {}
  Axes(std::vector<std::int64_t> axes) : list_(std::move(axes)) {}  // NOLINT
  Axes(bool) = delete;  // sum(x, true) is almost surely a keepdims mistake

  bool all() const { return !list_.has_value(); }
  /// The normalised, sorted, duplicate-free axes for an `ndim`-d input;
  /// throws ValueError naming the bad axis.
  std::vector<std::int64_t> resolve(int ndim, const std::string& context) const;

 private:
  std::optional<std::vector<std::int64_t>> list_;
};

/// A C++ number used in a tensor expression. It is "weak": it takes the dtype
/// of the tensors it meets when its value fits (x_float32 * 2.0 stays float32,
/// int8 + 1000 becomes int16 as in NumPy's value-based casting).
struct WeakScalar {
  enum class Kind { Bool, Int, UInt, Float, Complex };
  Kind kind = Kind::Int;
  bool b = false;
  std::int64_t i = 0;
  std::uint64_t u = 0;  ///< used when kind == UInt (a value above INT64_MAX)
  double f = 0;
  std::complex<double> c;

  template <class S>
  static WeakScalar of(S value);
  std::string str() const;
};

/// Anything a tensor function takes as a tensor argument. Converting to an
/// Operand records the caller's source location.
class Operand {
 public:
  Operand(const TensorVar& v,
          std::source_location loc = std::source_location::current());  // NOLINT
  template <class V>
  requires std::derived_from<V, Variable> Operand(
      const std::shared_ptr<V>& v,  // NOLINT: implicit by design
      std::source_location loc = std::source_location::current())
      : var_(v), loc_(loc) {}
  /// A strong constant with the array's dtype and exact static shape.
  Operand(const NDArray& a, std::source_location loc = std::source_location::current());  // NOLINT
  template <class S>
  requires(std::is_arithmetic_v<S> || std::same_as<S, std::complex<float>> ||
           std::same_as<S, std::complex<double>>)
      Operand(S value, std::source_location loc = std::source_location::current())  // NOLINT
      : weak_(WeakScalar::of(value)), loc_(loc) {}

  bool is_weak() const { return weak_.has_value(); }
  const WeakScalar& weak() const { return *weak_; }
  /// The variable (null for a weak scalar).
  const Var& var() const { return var_; }
  const std::source_location& loc() const { return loc_; }

 private:
  Var var_;
  std::optional<WeakScalar> weak_;
  std::source_location loc_;
};

/// A handle to a symbolic tensor (a Var whose type is a TensorType) with the
/// arithmetic operators and the common methods. Converts implicitly to and
/// from Var. `==` compares identity; use T::eq for elementwise equality.
class TensorVar {
 public:
  TensorVar() = default;
  template <class V>
  requires std::derived_from<V, Variable> TensorVar(std::shared_ptr<V> v)
      : v_(std::move(v)) {}  // NOLINT: implicit by design

  const Var& var() const { return v_; }
  operator const Var&() const { return v_; }  // NOLINT
  Variable* operator->() const { return v_.get(); }
  explicit operator bool() const { return v_ != nullptr; }

  /// The tensor type; throws TypeError when the variable is not a tensor.
  std::shared_ptr<const TensorType> type() const;
  DType dtype() const { return type()->dtype(); }
  int ndim() const { return type()->ndim(); }
  const StaticShape& static_shape() const { return type()->shape(); }
  const std::string& name() const { return v_->name(); }
  /// Sets the name and returns *this (for chaining).
  TensorVar& named(std::string name);

  // Shape methods (DimShuffle views).
  /// Theano's dimshuffle: each entry an input axis, or -1 (T::newaxis) for a new
  /// broadcastable axis; broadcastable input axes may be left out.
  TensorVar dimshuffle(std::vector<std::int64_t> pattern,
                       std::source_location loc = std::source_location::current()) const;
  TensorVar transpose(std::source_location loc = std::source_location::current()) const;
  /// x.T in Theano.
  TensorVar T(std::source_location loc = std::source_location::current()) const {
    return transpose(loc);
  }
  TensorVar astype(DType dtype, std::source_location loc = std::source_location::current()) const;
  /// x[{T::slice(1, -1), 2, T::new_axis}] as T::index (theano/tensor/indexing.h).
  TensorVar operator[](const IndexList& idx) const;

  // Reductions.
  TensorVar sum(Axes axes = {}, bool keepdims = false,
                std::source_location loc = std::source_location::current()) const;
  TensorVar prod(Axes axes = {}, bool keepdims = false,
                 std::source_location loc = std::source_location::current()) const;
  TensorVar max(Axes axes = {}, bool keepdims = false,
                std::source_location loc = std::source_location::current()) const;
  TensorVar min(Axes axes = {}, bool keepdims = false,
                std::source_location loc = std::source_location::current()) const;
  TensorVar mean(Axes axes = {}, bool keepdims = false,
                 std::source_location loc = std::source_location::current()) const;
  TensorVar argmax(Axes axes = {}, bool keepdims = false,
                   std::source_location loc = std::source_location::current()) const;
  TensorVar argmin(Axes axes = {}, bool keepdims = false,
                   std::source_location loc = std::source_location::current()) const;

  friend bool operator==(const TensorVar& a, const TensorVar& b) { return a.v_ == b.v_; }

 private:
  Var v_;
};

/// The dimshuffle entry for a new broadcastable axis ('x' in Theano).
inline constexpr std::int64_t newaxis = -1;

template <class S>
WeakScalar WeakScalar::of(S value) {
  WeakScalar w;
  if constexpr (std::same_as<S, bool>) {
    w.kind = Kind::Bool;
    w.b = value;
  } else if constexpr (std::is_integral_v<S>) {
    if constexpr (std::is_unsigned_v<S>) {
      if (static_cast<std::uint64_t>(value) > static_cast<std::uint64_t>(INT64_MAX)) {
        w.kind = Kind::UInt;
        w.u = static_cast<std::uint64_t>(value);
        return w;
      }
    }
    w.kind = Kind::Int;
    w.i = static_cast<std::int64_t>(value);
  } else if constexpr (std::is_floating_point_v<S>) {
    w.kind = Kind::Float;
    w.f = static_cast<double>(value);
  } else {
    w.kind = Kind::Complex;
    w.c = std::complex<double>(value);
  }
  return w;
}

}  // namespace theano::tensor
