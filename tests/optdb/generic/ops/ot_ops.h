// Tiny elementwise float ops for the optimizer's tests and compile
// benchmark, independent of the real op families: "OT<Fn>" for Fn in Add,
// Sub, Mul, Div, Neg, Log, Exp, Log1p (prop `inplace`: -1, or the input
// output 0 overwrites), OTSum (to a 0-d tensor) and OTFill (a 0-d value
// broadcast to the shape of a tensor). Inputs have equal shapes, except
// that a 0-d input broadcasts. The elementwise ops offer in-place variants
// (optdb::InplaceCapable). Their static plugin "theano.test.optdb_ops" also
// registers a few rewrites used by the database tests.
#pragma once

#include <atomic>
#include <string>

#include "theano/core/op.h"
#include "theano/plugin_api/descriptor.h"

namespace ot {

using theano::Var;

/// The descriptor of the static test plugin.
const theano_plugin_descriptor* plugin();
/// initialize() with the test plugin (the optimizer's built-ins come with the core)
/// (once per process; no plugin search).
void init();

/// The op "OT<fn>" with the given in-place input (-1: none).
theano::OpPtr op(const std::string& fn, int inplace = -1);
Var apply(const std::string& fn, const std::vector<Var>& inputs, int inplace = -1);

Var add(const Var& a, const Var& b);
Var sub(const Var& a, const Var& b);
Var mul(const Var& a, const Var& b);
Var div(const Var& a, const Var& b);
Var neg(const Var& a);
Var log(const Var& a);
Var exp(const Var& a);
Var log1p(const Var& a);
Var sum(const Var& a);
Var fill(const Var& value0d, const Var& like);
/// a + b written into a's buffer.
Var add_inplace(const Var& a, const Var& b);

/// A float64 vector (unknown length), or of static length `n`.
Var vector(const std::string& name, std::int64_t n = -1);
Var scalar(const std::string& name);
/// A float64 0-d constant.
Var constant(double value);
/// A float64 vector constant.
Var constant_vector(const std::vector<double>& values);

/// The values of a float64 result.
std::vector<double> values(const theano::Value& v);
theano::Value array(const std::vector<double>& values);

/// How many times an OT op's perform ran (all ops together).
inline std::atomic<long> performs{0};

}  // namespace ot
