// CAReduce execution.
#include "reduce_engine.h"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <cstring>
#include <numeric>

#include "../elemwise/engine.h"
#include "../elemwise/nest.h"
#include "../scalar/composite.h"
#include "../scalar/convert.h"
#include "../scalar/scratch.h"

namespace theano::elemwise {

namespace {

constexpr std::int64_t kBlock = 2048;
constexpr int kMaxInputs = 64;
constexpr std::int64_t kMaxChunks = 16;
constexpr std::int64_t kMaxPrivateBytes = 64 << 20;  // private accumulators of a split

struct Operands {
  Nest nest;
  Walk acc;
  Walk in[kMaxInputs];
  DType in_dtype[kMaxInputs];
  int nin = 0;
};

struct RunContext {
  const ReducePlan& plan;
  const Operands& ops;
  DType acc;
  DType value;                          // dtype the kernels read
  std::optional<ReduceKernels> direct;  // kernels for (input dtype, acc), no pre
  ReduceKernels kernels;                // kernels for (value, acc)
};

// The values of one chunk of the inner run, in ctx.value dtype.
const void* chunk_values(const RunContext& ctx, char* const* in, std::int64_t start, std::int64_t n,
                         std::byte* scratch) {
  const Operands& ops = ctx.ops;
  const ReducePlan& plan = ctx.plan;
  if (!plan.pre) {
    std::int64_t s = ops.in[0].inner_stride(ops.nest);
    convert_strided(in[0] + start * s, s, ops.in_dtype[0], scratch,
                    static_cast<std::int64_t>(itemsize(ctx.value)), ctx.value, n);
    return scratch;
  }
  const void* ptrs[kMaxInputs];
  std::int64_t steps[kMaxInputs];
  for (int i = 0; i < ops.nin; ++i) {
    std::int64_t s = ops.in[i].inner_stride(ops.nest);
    DType want = plan.pre_sig.in[i];
    char* p = in[i] + start * s;
    if (ops.in_dtype[i] == want && (s == static_cast<std::int64_t>(itemsize(want)) || s == 0)) {
      ptrs[i] = p;
      steps[i] = s == 0 ? 0 : 1;
      continue;
    }
    std::byte* buf = scratch + (i + 2) * kBlock * 16;
    convert_strided(p, s, ops.in_dtype[i], buf, static_cast<std::int64_t>(itemsize(want)), want,
                    s == 0 ? 1 : n);
    ptrs[i] = buf;
    steps[i] = s == 0 ? 0 : 1;
  }
  DType produced = plan.pre_sig.out[0];
  void* out[1] = {scratch + kBlock * 16};
  plan.pre_loop(LoopArgs{n, ptrs, steps, out});
  if (produced == ctx.value) return out[0];
  convert_contiguous(out[0], produced, scratch, ctx.value, n);
  return scratch;
}

void accumulate(const RunContext& ctx, const void* values, std::int64_t n, char* acc,
                std::int64_t acc_stride) {
  std::int64_t size = static_cast<std::int64_t>(itemsize(ctx.acc));
  if (acc_stride == 0) {
    ctx.kernels.fold(values, n, acc);
  } else if (acc_stride == size) {
    ctx.kernels.combine(values, n, acc);
  } else {
    std::int64_t vsize = static_cast<std::int64_t>(itemsize(ctx.value));
    for (std::int64_t i = 0; i < n; ++i)
      ctx.kernels.fold(static_cast<const char*>(values) + i * vsize, 1, acc + i * acc_stride);
  }
}

// One inner run of n elements starting at element `start`.
void process_run(const RunContext& ctx, char* acc, char* const* in, std::int64_t start,
                 std::int64_t n) {
  const Operands& ops = ctx.ops;
  std::int64_t acc_stride = ops.acc.inner_stride(ops.nest);
  char* acc_run = acc + start * acc_stride;
  if (ctx.direct) {
    std::int64_t s = ops.in[0].inner_stride(ops.nest);
    if (s == static_cast<std::int64_t>(itemsize(ops.in_dtype[0])) &&
        (acc_stride == 0 || acc_stride == static_cast<std::int64_t>(itemsize(ctx.acc)))) {
      const char* x = in[0] + start * s;
      (acc_stride == 0 ? ctx.direct->fold : ctx.direct->combine)(x, n, acc_run);
      return;
    }
  }
  std::byte* scratch = thread_scratch(0).get(static_cast<std::size_t>((ops.nin + 2) * kBlock * 16));
  for (std::int64_t c = 0; c < n; c += kBlock) {
    std::int64_t m = std::min(kBlock, n - c);
    const void* values = chunk_values(ctx, in, start + c, m, scratch);
    accumulate(ctx, values, m, acc_run + c * acc_stride, acc_stride);
  }
}

// Runs the nest with dimension `pdim` restricted to [lo, hi), accumulating
// into the accumulator array based at `acc_base`.
void run_span(const RunContext& ctx, int pdim, std::int64_t lo, std::int64_t hi, char* acc_base) {
  const Operands& ops = ctx.ops;
  const Nest& nest = ops.nest;
  int nd = nest.ndim;
  if (nd == 0) {
    char* in[kMaxInputs];
    for (int i = 0; i < ops.nin; ++i) in[i] = ops.in[i].base;
    process_run(ctx, acc_base, in, 0, 1);
    return;
  }
  std::int64_t begin[kMaxDims], end[kMaxDims], idx[kMaxDims];
  for (int d = 0; d < nd; ++d) {
    begin[d] = d == pdim ? lo : 0;
    end[d] = d == pdim ? hi : nest.shape[d];
    if (begin[d] >= end[d]) return;
    idx[d] = begin[d];
  }
  const int outer = nd - 1;
  for (;;) {
    char* acc = acc_base;
    char* in[kMaxInputs];
    for (int i = 0; i < ops.nin; ++i) in[i] = ops.in[i].base;
    for (int d = 0; d < outer; ++d) {
      acc += idx[d] * ops.acc.stride[d];
      for (int i = 0; i < ops.nin; ++i) in[i] += idx[d] * ops.in[i].stride[d];
    }
    process_run(ctx, acc, in, begin[outer], end[outer] - begin[outer]);
    int d = outer - 1;
    for (; d >= 0; --d) {
      if (++idx[d] < end[d]) break;
      idx[d] = begin[d];
    }
    if (d < 0) return;
  }
}

// Orders dims so the input's smallest stride is innermost (single input only).
void order_dims(Operands& ops) {
  if (ops.nin != 1 || ops.nest.ndim < 2) return;
  int nd = ops.nest.ndim;
  std::vector<int> perm(nd);
  std::iota(perm.begin(), perm.end(), 0);
  std::stable_sort(perm.begin(), perm.end(), [&](int a, int b) {
    return std::llabs(ops.in[0].stride[a]) > std::llabs(ops.in[0].stride[b]);
  });
  Operands copy = ops;
  for (int d = 0; d < nd; ++d) {
    ops.nest.shape[d] = copy.nest.shape[perm[d]];
    ops.acc.stride[d] = copy.acc.stride[perm[d]];
    ops.in[0].stride[d] = copy.in[0].stride[perm[d]];
  }
}

// Accumulators are fresh C-contiguous arrays, so the identity's bytes are
// copied into each element directly instead of through a broadcasting copy
// (whose plan costs several allocations per call).
void fill_identity(NDArray& acc, const NDArray& identity) {
  if (!acc.is_c_contiguous() || identity.dtype() != acc.dtype()) {
    acc.assign(identity);
    return;
  }
  const std::size_t size = itemsize(acc.dtype());
  auto* dst = static_cast<std::byte*>(acc.raw_data());
  const void* src = identity.raw_data();
  for (std::int64_t i = 0, n = acc.size(); i < n; ++i)
    std::memcpy(dst + static_cast<std::size_t>(i) * size, src, size);
}

// The accumulator cast to the output dtype: both contiguous, one pass.
NDArray cast_result(const NDArray& acc, DType dtype) {
  if (acc.dtype() == dtype) return acc;
  NDArray out = NDArray::empty(dtype, acc.shape());
  convert_contiguous(acc.raw_data(), acc.dtype(), out.raw_data(), dtype, acc.size());
  return out;
}

}  // namespace

ReducePlan make_reduce_plan(const Apply& node, const ReduceSpec& spec) {
  ReducePlan plan;
  plan.op = node.op().display();
  plan.spec = spec;
  for (const auto& in : node.inputs())
    plan.in_static.push_back(as_tensor_type(in->type())->shape());
  if (spec.pre) {
    plan.pre = std::make_shared<CompositeOp>(spec.pre);
    std::vector<DType> dtypes;
    for (const auto& in : node.inputs()) dtypes.push_back(as_tensor_type(in->type())->dtype());
    plan.pre_sig = plan.pre->loop_signature(dtypes);
    plan.pre_loop = plan.pre->make_loop(plan.pre_sig);
  }
  if (node.nin() > kMaxInputs) throw ValueError(plan.op + ": too many inputs");
  plan.parallel_min_size = parallel_min_size();
  plan.identity = reduce_identity(spec.op, spec.acc_dtype).ascontiguous();
  return plan;
}

void run_reduce(const ReducePlan& plan, InputRefs inputs, OutputRefs outputs) {
  const ReduceSpec& spec = plan.spec;
  std::vector<const Shape*> shapes;
  for (std::size_t i = 0; i < inputs.size(); ++i) shapes.push_back(&inputs[i].array().shape());
  Shape shape = plan.pre ? broadcast_shapes(plan.op, shapes.data(), shapes.size(), plan.in_static)
                         : *shapes[0];
  check_ndim(static_cast<int>(shape.size()), plan.op);
  Shape out_shape;
  for (std::size_t d = 0; d < shape.size(); ++d) {
    bool reduced = std::find(spec.axes.begin(), spec.axes.end(), static_cast<std::int64_t>(d)) !=
                   spec.axes.end();
    if (!reduced) out_shape.push_back(shape[d]);
    if (reduced && shape[d] == 0 && !has_identity(spec.op)) {
      throw ValueError(plan.op + ": cannot reduce axis " + std::to_string(d) +
                       " of size 0 of an input of shape " + shape_str(shape) + ": " +
                       reduce_op_name(spec.op) + " of nothing is undefined");
    }
  }
  for (std::int64_t a : spec.axes) {
    if (a >= static_cast<std::int64_t>(shape.size()))
      throw ValueError(plan.op + ": axis " + std::to_string(a) + " out of range for shape " +
                       shape_str(shape));
  }
  NDArray acc = NDArray::empty(spec.acc_dtype, out_shape);
  const NDArray& identity = plan.identity;
  fill_identity(acc, identity);

  Operands ops;
  ops.nin = static_cast<int>(inputs.size());
  ops.nest.ndim = static_cast<int>(shape.size());
  std::copy(shape.begin(), shape.end(), ops.nest.shape);
  ops.acc.base = static_cast<char*>(acc.raw_data());
  for (std::size_t d = 0, k = 0; d < shape.size(); ++d) {
    bool reduced = std::find(spec.axes.begin(), spec.axes.end(), static_cast<std::int64_t>(d)) !=
                   spec.axes.end();
    ops.acc.stride[d] = reduced ? 0 : acc.strides()[k++];
  }
  for (int i = 0; i < ops.nin; ++i) {
    const NDArray& a = inputs[i].array();
    ops.in[i].base = static_cast<char*>(a.raw_data());
    ops.in_dtype[i] = a.dtype();
    for (std::size_t d = 0; d < shape.size(); ++d)
      ops.in[i].stride[d] = (a.shape()[d] == 1 && shape[d] != 1) ? 0 : a.strides()[d];
  }
  order_dims(ops);
  Walk walks[kMaxInputs + 1];
  walks[0] = ops.acc;
  for (int i = 0; i < ops.nin; ++i) walks[i + 1] = ops.in[i];
  coalesce(ops.nest, walks, ops.nin + 1);
  ops.acc = walks[0];
  for (int i = 0; i < ops.nin; ++i) ops.in[i] = walks[i + 1];

  DType acc_d = spec.acc_dtype;
  DType produced = plan.pre ? plan.pre_sig.out[0] : ops.in_dtype[0];
  RunContext ctx{plan, ops, acc_d, acc_d, std::nullopt, {}};
  if (!plan.pre) ctx.direct = reduce_kernels(spec.op, produced, acc_d);
  if (auto k = reduce_kernels(spec.op, produced, acc_d)) {
    ctx.value = produced;
    ctx.kernels = *k;
  } else if (auto k2 = reduce_kernels(spec.op, acc_d, acc_d)) {
    ctx.kernels = *k2;
  } else {
    throw TypeError(plan.op + ": no reduction kernel for accumulator dtype " +
                    std::string(dtype_name(acc_d)));
  }

  const Nest& nest = ops.nest;
  std::int64_t total = nest.size();
  if (total > 0) {
    int kept_dim = -1, red_dim = -1;
    for (int d = 0; d < nest.ndim; ++d) {
      if (ops.acc.stride[d] != 0 && kept_dim < 0) kept_dim = d;
      if (ops.acc.stride[d] == 0 && red_dim < 0) red_dim = d;
    }
    char* base = ops.acc.base;
    const bool inner_kept = nest.ndim > 0 && ops.acc.stride[nest.ndim - 1] != 0;
    const std::int64_t split_bytes = static_cast<std::int64_t>(acc.nbytes()) * kMaxChunks;
    auto split_kept = [&](std::int64_t grain) {
      tbb::parallel_for(tbb::blocked_range<std::int64_t>(0, nest.shape[kept_dim], grain),
                        [&](const tbb::blocked_range<std::int64_t>& r) {
                          run_span(ctx, kept_dim, r.begin(), r.end(), base);
                        });
    };
    if (total < plan.parallel_min_size || nest.ndim == 0) {
      run_span(ctx, 0, 0, nest.ndim ? nest.shape[0] : 1, base);
    } else if (!inner_kept && kept_dim >= 0 && nest.shape[kept_dim] >= 8) {
      split_kept(1);  // each task folds whole rows into its own outputs
    } else if (red_dim >= 0 && (!inner_kept || split_bytes <= kMaxPrivateBytes || kept_dim < 0)) {
      // Chunks of a reduced axis into private accumulators, merged in order:
      // every task streams contiguous memory, results do not depend on threads.
      std::int64_t len = nest.shape[red_dim];
      std::int64_t chunks = std::min(kMaxChunks, len);
      std::vector<NDArray> partial(chunks);
      tbb::parallel_for(std::int64_t(0), chunks, [&](std::int64_t c) {
        partial[c] = NDArray::empty(acc_d, out_shape);
        fill_identity(partial[c], identity);
        run_span(ctx, red_dim, len * c / chunks, len * (c + 1) / chunks,
                 static_cast<char*>(partial[c].raw_data()));
      });
      auto merge = reduce_kernels(spec.op, acc_d, acc_d);
      for (const auto& part : partial) merge->combine(part.raw_data(), acc.size(), acc.raw_data());
    } else {
      split_kept(std::max<std::int64_t>(
          1, 4096 / std::max<std::int64_t>(1, total / nest.shape[kept_dim])));
    }
  }
  outputs[0] = cast_result(acc, spec.dtype);
}

}  // namespace theano::elemwise
