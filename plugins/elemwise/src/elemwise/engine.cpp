// Elemwise execution: shapes, outputs, then blocks of work over a coalesced
// loop nest, each block handed to the scalar kernel with its operands
// converted to the kernel's dtypes (or read in place when they already fit).
#include "engine.h"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>

#include "../scalar/convert.h"
#include "../scalar/scratch.h"
#include "nest.h"
#include "pool.h"
#include "theano/core/config.h"

namespace theano::elemwise {

namespace {

constexpr std::int64_t kConvertBlock = 2048;    // elements per block needing conversion
constexpr std::int64_t kDirectBlock = 1 << 16;  // elements per task when nothing converts
constexpr int kMaxOperands = 96;

std::string static_str(const StaticShape& s) {
  return static_shape_str(s);
}

}  // namespace

std::int64_t parallel_min_size() {
  try {
    return Config::global().get_int(kParallelFlag);
  } catch (const Error&) {
    return 32768;
  }
}

namespace {

// broadcast_shapes, naming the op as `op_name()` in its errors only.
template <class OpName>
Shape broadcast_named(const OpName& op_name, const Shape* const* shapes, std::size_t n,
                      const std::vector<StaticShape>& statics) {
  std::size_t nd = 0;
  for (std::size_t i = 0; i < n; ++i) nd = std::max(nd, shapes[i]->size());
  if (nd > static_cast<std::size_t>(kMaxDims)) check_ndim(static_cast<int>(nd), op_name());
  Shape out(nd, 1);
  int owner[kMaxDims];
  std::fill(owner, owner + nd, -1);
  for (std::size_t i = 0; i < n; ++i) {
    const Shape& s = *shapes[i];
    if (s.size() != nd) {
      throw ValueError(op_name() + ": input " + std::to_string(i) + " has " +
                       std::to_string(s.size()) + " dimensions, expected " + std::to_string(nd) +
                       " (shape " + shape_str(s) + ")");
    }
    for (std::size_t d = 0; d < nd; ++d) {
      if (s[d] == 1) continue;
      if (owner[d] >= 0 && out[d] != s[d]) {
        throw ValueError(op_name() + ": input shapes do not broadcast: input " +
                         std::to_string(owner[d]) + " has shape " + shape_str(*shapes[owner[d]]) +
                         " and input " + std::to_string(i) + " has shape " + shape_str(s) +
                         " (dimension " + std::to_string(d) + ": " + std::to_string(out[d]) +
                         " vs " + std::to_string(s[d]) + ")");
      }
      out[d] = s[d];
      owner[d] = static_cast<int>(i);
    }
  }
  for (std::size_t i = 0; i < n && i < statics.size(); ++i) {
    for (std::size_t d = 0; d < nd; ++d) {
      bool declared = d < statics[i].size() && statics[i][d] == 1;
      if ((*shapes[i])[d] == 1 && out[d] != 1 && !declared) {
        throw ValueError(op_name() + ": input " + std::to_string(i) + " has shape " +
                         shape_str(*shapes[i]) + " and would broadcast along dimension " +
                         std::to_string(d) + " to size " + std::to_string(out[d]) + " (input " +
                         std::to_string(owner[d]) + " has shape " + shape_str(*shapes[owner[d]]) +
                         "), but its type " + static_str(statics[i]) +
                         " does not declare that dimension broadcastable; declare a static "
                         "size of 1 there or make the shapes match");
      }
    }
  }
  return out;
}

}  // namespace

Shape broadcast_shapes(const std::string& op, const Shape* const* shapes, std::size_t n,
                       const std::vector<StaticShape>& statics) {
  return broadcast_named([&op] { return op; }, shapes, n, statics);
}

NDArray output_array(Value& cell, DType dtype, const Shape& shape) {
  if (cell.is_array()) {
    const NDArray& old = cell.array();
    if (old.dtype() == dtype && old.shape() == shape && old.is_c_contiguous() &&
        old.device().is_cpu() && old.buffer().use_count() == 1) {
      return old;
    }
  }
  return pooled_empty(dtype, shape);
}

ElemwisePlan make_plan(const Apply& node, const ScalarOp& op, const InplacePattern& inplace) {
  ElemwisePlan plan;
  plan.op = node.op_ptr();
  std::vector<DType> dtypes;
  for (const auto& in : node.inputs()) {
    auto tt = as_tensor_type(in->type());
    plan.in_static.push_back(tt->shape());
    dtypes.push_back(tt->dtype());
  }
  for (int k = 0; k < node.nout(); ++k)
    plan.out_dtypes.push_back(as_tensor_type(node.out(k)->type())->dtype());
  plan.sig = op.loop_signature(dtypes);
  plan.loop = op.make_loop(plan.sig);
  plan.inplace = inplace;
  plan.ndim = as_tensor_type(node.out(0)->type())->ndim();
  plan.parallel_min_size = parallel_min_size();
  if (node.nin() + node.nout() > kMaxOperands) {
    throw ValueError(node.op().display() + ": more than " + std::to_string(kMaxOperands) +
                     " operands");
  }
  return plan;
}

namespace {

// One call's operands: walks over the nest (outputs first, then inputs) and
// their runtime dtypes.
struct Operands {
  Nest nest;
  Walk walks[kMaxOperands];
  DType dtypes[kMaxOperands];
  int nout = 0;
  int nin = 0;
};

void set_walk(Walk& w, const NDArray& a, const Shape& out_shape) {
  w.base = static_cast<char*>(a.raw_data());
  for (std::size_t d = 0; d < out_shape.size(); ++d)
    w.stride[d] = (a.shape()[d] == 1 && out_shape[d] != 1) ? 0 : a.strides()[d];
}

// Runs blocks [t0, t1) of the nest; a block is a piece of one inner row.
void run_blocks(const ElemwisePlan& plan, const Operands& ops, std::int64_t block, std::int64_t t0,
                std::int64_t t1) {
  const Nest& nest = ops.nest;
  const int nops = ops.nout + ops.nin;
  const std::int64_t inner = nest.inner();
  const std::int64_t per_row = (inner + block - 1) / block;
  const void* in[kMaxOperands];
  void* out[kMaxOperands];
  std::int64_t steps[kMaxOperands];
  std::int64_t row = -1;
  char* row_base[kMaxOperands];
  std::byte* scratch = nullptr;
  for (std::int64_t t = t0; t < t1; ++t) {
    std::int64_t r = t / per_row, start = (t % per_row) * block;
    std::int64_t n = std::min(block, inner - start);
    if (r != row) {
      row = r;
      for (int k = 0; k < nops; ++k)
        row_base[k] = ops.walks[k].base + row_offset(nest, ops.walks[k], r);
    }
    for (int k = 0; k < nops; ++k) {
      std::int64_t stride = ops.walks[k].inner_stride(nest);
      char* p = row_base[k] + start * stride;
      bool is_out = k < ops.nout;
      DType have = ops.dtypes[k];
      DType want = is_out ? plan.sig.out[k] : plan.sig.in[k - ops.nout];
      bool dense = stride == static_cast<std::int64_t>(itemsize(have)) || n == 1;
      if (have == want && (dense || (!is_out && stride == 0))) {
        if (is_out) {
          out[k] = p;
        } else {
          in[k - ops.nout] = p;
          steps[k - ops.nout] = (stride == 0 && n > 1) ? 0 : 1;
        }
        continue;
      }
      if (!scratch) scratch = thread_scratch(0).get(static_cast<std::size_t>(nops * block * 16));
      std::byte* buf = scratch + static_cast<std::size_t>(k * block * 16);
      if (is_out) {
        out[k] = buf;
      } else {
        std::int64_t m = stride == 0 ? 1 : n;
        convert_strided(p, stride, have, buf, static_cast<std::int64_t>(itemsize(want)), want, m);
        in[k - ops.nout] = buf;
        steps[k - ops.nout] = stride == 0 ? 0 : 1;
      }
    }
    plan.loop(LoopArgs{n, in, steps, out});
    for (int k = 0; k < ops.nout; ++k) {
      std::int64_t stride = ops.walks[k].inner_stride(nest);
      char* p = row_base[k] + start * stride;
      if (out[k] != p)
        convert_strided(out[k], static_cast<std::int64_t>(itemsize(plan.sig.out[k])),
                        plan.sig.out[k], p, stride, ops.dtypes[k], n);
    }
  }
}

bool needs_conversion(const ElemwisePlan& plan, const Operands& ops) {
  for (int k = 0; k < ops.nout + ops.nin; ++k) {
    bool is_out = k < ops.nout;
    DType want = is_out ? plan.sig.out[k] : plan.sig.in[k - ops.nout];
    std::int64_t stride = ops.walks[k].inner_stride(ops.nest);
    if (ops.dtypes[k] != want) return true;
    if (stride != static_cast<std::int64_t>(itemsize(want)) && (is_out || stride != 0)) return true;
  }
  return false;
}

void execute(const ElemwisePlan& plan, Operands& ops) {
  coalesce(ops.nest, ops.walks, ops.nout + ops.nin);
  const std::int64_t total = ops.nest.size();
  if (total == 0) return;
  const std::int64_t block = needs_conversion(plan, ops) ? kConvertBlock : kDirectBlock;
  const std::int64_t inner = ops.nest.inner();
  const std::int64_t ntasks = ops.nest.outer() * ((inner + block - 1) / block);
  if (total < plan.parallel_min_size || ntasks == 1) {
    run_blocks(plan, ops, block, 0, ntasks);
    return;
  }
  std::int64_t grain =
      std::max<std::int64_t>(1, (plan.parallel_min_size / 2) / std::min(block, inner));
  tbb::parallel_for(tbb::blocked_range<std::int64_t>(0, ntasks, grain),
                    [&](const tbb::blocked_range<std::int64_t>& r) {
                      run_blocks(plan, ops, block, r.begin(), r.end());
                    });
}

}  // namespace

Shape checked_shape(const ElemwisePlan& plan, InputRefs inputs) {
  const std::size_t nin = inputs.size();
  const Shape* shapes[kMaxOperands];
  for (std::size_t i = 0; i < nin; ++i) shapes[i] = &inputs[i].array().shape();
  auto op_name = [&plan] { return plan.op->display(); };
  Shape shape = broadcast_named(op_name, shapes, nin, plan.in_static);
  for (const auto& [k, i] : plan.inplace) {
    if (*shapes[i] != shape) {
      throw ValueError(op_name() + ": output " + std::to_string(k) + " would overwrite input " +
                       std::to_string(i) + " of shape " + shape_str(*shapes[i]) +
                       " but the result has shape " + shape_str(shape));
    }
  }
  return shape;
}

void run_plan(const ElemwisePlan& plan, InputRefs inputs, OutputRefs outputs) {
  const std::size_t nin = inputs.size();
  Shape shape = checked_shape(plan, inputs);
  Operands ops;
  ops.nout = static_cast<int>(outputs.size());
  ops.nin = static_cast<int>(nin);
  ops.nest.ndim = static_cast<int>(shape.size());
  std::copy(shape.begin(), shape.end(), ops.nest.shape);
  for (int k = 0; k < ops.nout; ++k) {
    NDArray out;
    for (const auto& [o, i] : plan.inplace) {
      if (o != k) continue;
      out = inputs[i].array();
    }
    if (!out.defined()) out = output_array(outputs[k], plan.out_dtypes[k], shape);
    set_walk(ops.walks[k], out, shape);
    ops.dtypes[k] = out.dtype();
    outputs[k] = std::move(out);
  }
  for (std::size_t i = 0; i < nin; ++i) {
    const NDArray& a = inputs[i].array();
    set_walk(ops.walks[ops.nout + i], a, shape);
    ops.dtypes[ops.nout + i] = a.dtype();
  }
  execute(plan, ops);
}

}  // namespace theano::elemwise
