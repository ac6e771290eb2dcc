// The Elemwise execution engine: runtime broadcasting checks, output
// allocation (in place, reused or fresh), and the loop over blocks that
// converts dtypes and layouts on the fly for the scalar kernel, split across
// threads with TBB above a size threshold.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "theano/core/op.h"
#include "theano/plugin_api/scalar_op.h"

namespace theano::elemwise {

using InplacePattern = std::vector<std::pair<int, int>>;  // (output, destroyed input)

/// Everything a node's execution needs, bound once when the node is linked.
struct ElemwisePlan {
  OpPtr op;  ///< the node's op; its display (costly for a Composite) is made for errors only
  std::vector<StaticShape> in_static;  ///< static shapes of the node's inputs
  std::vector<DType> out_dtypes;
  LoopSignature sig;
  ScalarLoop loop;
  InplacePattern inplace;
  int ndim = 0;
  std::int64_t parallel_min_size = 0;
};

ElemwisePlan make_plan(const Apply& node, const ScalarOp& op, const InplacePattern& inplace);
void run_plan(const ElemwisePlan& plan, InputRefs inputs, OutputRefs outputs);
/// The output shape for `inputs`, after every check run_plan makes before
/// it writes (broadcasting, in-place outputs of the full shape): once this
/// returns, run_plan cannot fail short of running out of memory.
Shape checked_shape(const ElemwisePlan& plan, InputRefs inputs);

/// The broadcast output shape of runtime input shapes under Theano's strict
/// rule (a size-1 dim broadcasts only where the static type says 1). Throws
/// ValueError naming the op, the shapes and the dimension at fault.
Shape broadcast_shapes(const std::string& op, const Shape* const* shapes, std::size_t n,
                       const std::vector<StaticShape>& statics);

/// The config flag giving the element count above which loops use threads.
inline constexpr const char* kParallelFlag = "elemwise.parallel_min_size";
std::int64_t parallel_min_size();

/// A fresh C-contiguous output, or the previous one in `cell` when it has
/// the right dtype and shape, is contiguous and nothing else references it.
NDArray output_array(Value& cell, DType dtype, const Shape& shape);

}  // namespace theano::elemwise
