// Tiny ops that exercise the kernel's contracts in tests, independent of
// the real op families: elementwise add/mul/neg on same-shape float arrays,
// a sum, a lazy ifelse, a view, an in-place add, a failing op, a call
// counter, and a transfer to a fake device with no kernels.
#pragma once

#include <atomic>

#include "theano/core/op.h"
#include "theano/plugin_api/descriptor.h"

namespace testops {

/// The descriptor of the static "theano.test.ops" plugin.
const theano_plugin_descriptor* plugin();
/// initialize() with the test plugin linked in (once per process).
void init();

/// Building blocks for tests.
theano::Var add(const theano::Var& a, const theano::Var& b);
theano::Var mul(const theano::Var& a, const theano::Var& b);
theano::Var neg(const theano::Var& a);
theano::Var sum(const theano::Var& a);
/// Lazy: evaluates only the branch selected by the 0-d `cond`.
theano::Var ifelse(const theano::Var& cond, const theano::Var& then_v, const theano::Var& else_v);
/// Returns a view of its input (declared in view_map).
theano::Var view(const theano::Var& a);
/// a + b written into a's buffer (declared in destroy_map).
theano::Var add_inplace(const theano::Var& a, const theano::Var& b);
/// Identity that throws ValueError("negative value ...") on a negative element.
theano::Var fail_if_negative(const theano::Var& a);
/// Identity that counts its executions in `counter_calls`.
theano::Var counter(const theano::Var& a);
/// Moves a float tensor to the "fakedev" device, which has no kernels.
theano::Var to_fake_device(const theano::Var& a);

theano::Var fvector(const std::string& name);
theano::Var dvector(const std::string& name);
theano::Var dscalar(const std::string& name);

inline std::atomic<int> counter_calls{0};
/// Executions of the registered high-priority TestMul kernel.
inline std::atomic<int> fast_mul_calls{0};

}  // namespace testops
